// The lists of event cards and the filters' areas and fields, kept per version
// of the public events (`$lib/server/kept`): home, /events, the calendar, an
// organization's and an event's other dates are mostly the same walk and the
// same cards for everybody, and they change far less often than they are seen.
//
// - Areas and fields are the same for everybody: kept for all (also for the
//   filters of lists of other things: taxonomyInUse; /practices keeps them per
//   version of the public practices, which they also raise).
// - A visitor's list (its dates, their cards, the count) is kept by version,
//   filters, page and minute; its seats are read fresh (`withSeatsNow`), as who
//   joined does not change the version. So is the list of a signed-in person
//   who belongs to no organization and is not a coordinator: RLS shows them the
//   same cards. Anybody else's is read for them: RLS may show them more (the
//   name of an organization hidden from the public, to its members and
//   coordinators).
// - "Only seats left" depends on the seats: read every time.
import { getRequestEvent } from '$app/server';
import { statusIsCurrent } from '$lib/server/auth/status';
import type { Db } from '$lib/server/db/client';
import {
	homeEventSeries,
	publicEventsVersion,
	searchEventSeries,
	searchOccurrences,
	withSeatsNow,
	type OccurrenceFilters
} from '$lib/server/db/events';
import { listAreas, listFields } from '$lib/server/db/taxonomy';
import { readOnce } from '$lib/server/kept';

/** Who reads, and the version of the public events their request began with. */
export interface Reader {
	version: number;
	visitor: boolean;
}

/** The reader of this request: one small request (the version). */
export async function readerOf(db: Db): Promise<Reader> {
	return readerAt(await publicEventsVersion(db));
}

/** The reader of this request, with a version read with the page's first row (events_version). */
export function readerAt(version: number): Reader {
	return { version, visitor: readsAsVisitor() };
}

/** Whether RLS shows this request's person the cards it shows a visitor. */
function readsAsVisitor(): boolean {
	const { locals } = getRequestEvent();
	if (!locals.user) return true;
	// the organizations come with the session (a form's action may have changed them)
	return (
		locals.user.role === 'member' &&
		statusIsCurrent() &&
		locals.status !== null &&
		locals.status.memberships.length === 0
	);
}

/**
 * Every area and field, retired ones too (old links and subscriptions keep working), kept per
 * version of the public events, or of the public practices (`of`): either moves with them.
 */
export function publicTaxonomy(db: Db, version: number, of: 'events' | 'practices' = 'events') {
	return readOnce(`taxonomy ${of} ${version}`, async () => {
		const [areas, fields] = await Promise.all([
			listAreas(db, { includeRetired: true }),
			listFields(db, { includeRetired: true })
		]);
		return { areas, fields };
	});
}

/** The areas and fields in use (not retired), for a list's filters: one small request (the version). */
export async function taxonomyInUse(db: Db) {
	return inUse(await publicTaxonomy(db, await publicEventsVersion(db)));
}

/** Of every area and field, those not retired (the shared lists are not changed). */
export function inUse({ areas, fields }: Awaited<ReturnType<typeof publicTaxonomy>>) {
	return {
		areas: areas.filter((a) => !a.retired_at),
		fields: fields.filter((f) => !f.retired_at)
	};
}

// a list of "from now" is the same for a minute: its key and its walk start at the minute
const minuteOf = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000);

/** searchEventSeries, kept for visitors. */
export async function eventSeries(
	db: Db,
	reader: Reader,
	filters: OccurrenceFilters,
	page: { offset: number; limit: number }
) {
	const f = { ...filters, from: minuteOf(filters.from) };
	if (!reader.visitor || f.seatsLeft) return searchEventSeries(db, f, page);
	const kept = await readOnce(
		`series ${reader.version} ${JSON.stringify(f)} ${page.offset} ${page.limit}`,
		() => searchEventSeries(db, f, page)
	);
	return { ...kept, cards: await withSeatsNow(db, kept.cards) };
}

/** homeEventSeries, kept for visitors. */
export async function homeSeries(db: Db, reader: Reader, from: Date, limit: number) {
	const at = minuteOf(from);
	if (!reader.visitor) return homeEventSeries(db, at, limit);
	const kept = await readOnce(`home ${reader.version} ${at.toISOString()} ${limit}`, () =>
		homeEventSeries(db, at, limit)
	);
	return withSeatsNow(db, kept);
}

/** searchOccurrences, kept for visitors. */
export async function occurrences(
	db: Db,
	reader: Reader,
	filters: OccurrenceFilters,
	page: { offset: number; limit: number }
) {
	const f = { ...filters, from: minuteOf(filters.from) };
	if (!reader.visitor || f.seatsLeft) return searchOccurrences(db, f, page);
	const kept = await readOnce(
		`dates ${reader.version} ${JSON.stringify(f)} ${page.offset} ${page.limit}`,
		() => searchOccurrences(db, f, page)
	);
	return withSeatsNow(db, kept);
}
