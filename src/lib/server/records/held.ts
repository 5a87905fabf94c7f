// Which dates have been held, and which of those still need a record
// (the event page shows its organisers the latest three).
import type { Db } from '$lib/server/db/client';
import type { Occurrence } from '$lib/server/db/events';
import { recordedAmong } from '$lib/server/db/records';

/** A date has been held once it has started, was not cancelled, and its event is not a draft. */
export const isHeld = (
	event: { status: string },
	occurrence: { startsAt: string; status: string },
	now = Date.now()
) =>
	event.status !== 'draft' &&
	occurrence.status !== 'cancelled' &&
	new Date(occurrence.startsAt).getTime() <= now;

/** How far back the event page looks for held dates without a record. */
const LOOKBACK = 10;

/**
 * For an event's organisers: of its latest ten held dates, the (at most three)
 * latest that still have no record, newest first.
 */
export async function unrecordedDates(
	db: Db,
	event: { status: string },
	occurrences: Pick<Occurrence, 'id' | 'startsAt' | 'endsAt' | 'status'>[],
	now = Date.now()
) {
	const held = occurrences
		.filter((o) => isHeld(event, o, now))
		.slice(-LOOKBACK)
		.reverse();
	const recorded = await recordedAmong(
		db,
		held.map((o) => o.id)
	);
	return held
		.filter((o) => !recorded.has(o.id))
		.slice(0, 3)
		.map((o) => ({ id: o.id, startsAt: o.startsAt, endsAt: o.endsAt }));
}
