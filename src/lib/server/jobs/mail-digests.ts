// Task mail_digests: the digest of followed events (crontab in ./index.ts:
// weekly on Fridays and daily, both at 18:00 Tokyo) adds one send_mail job per
// member due (private.enqueue_digests; the window and the rules are in
// supabase/migrations/20261207300000_mail_digest.sql). graphile-worker runs a
// cron item once however many workers run, and the member's digest state, the
// job key and mail_log.once_key make it once per member and period even when
// this runs twice (a test, a manual run, two at once).
import type { JobHelpers } from 'graphile-worker';

export interface DigestsPayload {
	frequency?: string;
	/** the moment the digest is for (tests, a manual run); default: the cron's time, else now */
	now?: string;
	/** set by graphile-worker's cron: the time the item was due */
	_cron?: { ts?: string };
}

export async function mailDigests(raw: unknown, helpers: JobHelpers) {
	const payload = (raw ?? {}) as DigestsPayload;
	const frequency = payload.frequency ?? 'weekly';
	if (frequency !== 'weekly' && frequency !== 'daily')
		throw new Error(`unknown digest frequency: ${frequency}`);
	const now = payload.now ?? payload._cron?.ts ?? new Date().toISOString();
	const { rows } = await helpers.query<{ n: number }>(
		'select private.enqueue_digests($1, $2::timestamptz) as n',
		[frequency, now]
	);
	helpers.logger.info(`${frequency} digests at ${now}: ${rows[0]?.n ?? 0}`);
}
