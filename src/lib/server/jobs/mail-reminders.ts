// Task mail_reminders: at 18:00 Tokyo (crontab in ./index.ts) adds one
// send_mail job per member and date of tomorrow (private.enqueue_reminders).
// graphile-worker runs a cron item once however many workers run, and the
// job key and mail_log.once_key make each reminder once per person and date
// even when this runs twice (a test or a manual run).
import type { JobHelpers } from 'graphile-worker';
import { tokyoDateKey } from '../../format';

export interface RemindersPayload {
	/** the Tokyo date whose dates are reminded (default: tomorrow) */
	day?: string;
}

export async function mailReminders(raw: unknown, helpers: JobHelpers) {
	const payload = (raw ?? {}) as RemindersPayload;
	const day = payload.day ?? tokyoDateKey(new Date(Date.now() + 86_400_000));
	const { rows } = await helpers.query<{ n: number }>(
		'select private.enqueue_reminders($1::date) as n',
		[day]
	);
	helpers.logger.info(`reminders for ${day}: ${rows[0]?.n ?? 0}`);
}
