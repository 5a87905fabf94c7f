// How long a confirmation (最終確認日) holds: six months, as
// private.place_stale_after() in supabase/migrations/20261215000000_places.sql.
// After it a place's page says 「情報が古い可能性があります」 and its keepers are
// reminded (once a month).
export const STALE_AFTER_MONTHS = 6;

/** The moment before which a confirmation is out of date (calendar months, as PostgreSQL counts). */
export function staleBefore(now: Date): Date {
	const d = new Date(now);
	const day = d.getUTCDate();
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() - STALE_AFTER_MONTHS);
	// 31 August minus six months is 28 (or 29) February, as in PostgreSQL
	const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
	d.setUTCDate(Math.min(day, last));
	return d;
}

/** Whether a place confirmed at `confirmedAt` is to be marked as possibly out of date. */
export const isStale = (confirmedAt: string, now = new Date()) =>
	new Date(confirmedAt).getTime() < staleBefore(now).getTime();
