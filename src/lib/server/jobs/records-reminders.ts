// Task records_reminders: every morning (crontab in ./index.ts) tells the
// organisers of each held date that still has no record, three days after it
// ended (private.remind_missing_records: a notice, and its mail). Once per
// person and date however often it runs (a unique index on the notices).
import type { JobHelpers } from 'graphile-worker';

export interface RecordsRemindersPayload {
	/** the time it runs for (graphile-worker's _cron, or a test's) */
	now?: string;
	_cron?: { ts: string };
}

export async function recordsReminders(raw: unknown, helpers: JobHelpers) {
	const payload = (raw ?? {}) as RecordsRemindersPayload;
	const now = payload.now ?? payload._cron?.ts ?? new Date().toISOString();
	const { rows } = await helpers.query<{ n: number }>(
		'select private.remind_missing_records($1::timestamptz) as n',
		[now]
	);
	helpers.logger.info(`record reminders for ${now}: ${rows[0]?.n ?? 0}`);
}
