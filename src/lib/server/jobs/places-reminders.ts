// Task places_reminders: every morning (crontab in ./index.ts) reminds the
// keepers of places nobody has confirmed for six months
// (private.remind_stale_places: a notice, and its mail). At most once a month
// per person however often it runs (a unique index on the notices).
import type { JobHelpers } from 'graphile-worker';

export interface PlacesRemindersPayload {
	/** the time it runs for (graphile-worker's _cron, or a test's) */
	now?: string;
	_cron?: { ts: string };
}

export async function placesReminders(raw: unknown, helpers: JobHelpers) {
	const payload = (raw ?? {}) as PlacesRemindersPayload;
	const now = payload.now ?? payload._cron?.ts ?? new Date().toISOString();
	const { rows } = await helpers.query<{ n: number }>(
		'select private.remind_stale_places($1::timestamptz) as n',
		[now]
	);
	helpers.logger.info(`place reminders for ${now}: ${rows[0]?.n ?? 0}`);
}
