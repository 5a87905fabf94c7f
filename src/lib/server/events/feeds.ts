// Data for the iCalendar feeds. Every read goes through a client on whose
// behalf RLS decides (requestDb, or userDb for a personal feed), so drafts
// never reach a feed of someone who may not see them.
import type { Db } from '$lib/server/db/client';
import type { OccurrenceFilters } from '$lib/server/db/events';
import type { FeedEvent, FeedItem, FeedOccurrence } from '$lib/events/types';
import { dbFailure } from '$lib/server/db/errors';

const DAY = 24 * 60 * 60 * 1000;
/** PostgREST's usual max-rows on hosted Supabase: read in pages of this size */
const PAGE = 1000;
const MAX_ROWS = 5000;

const EVENT_COLUMNS = `id, title, summary, starts_at, ends_at, all_day, rrule, venue_name, venue_address,
	online_url, status, sequence, updated_at`;
const OCCURRENCE_COLUMNS = 'id, starts_at, ends_at, original_starts_at, status, sequence';

interface EventRow {
	id: string;
	title: string;
	summary: string;
	starts_at: string;
	ends_at: string;
	all_day: boolean;
	rrule: string | null;
	venue_name: string | null;
	venue_address: string | null;
	online_url: string | null;
	status: FeedEvent['status'];
	sequence: number;
	updated_at: string;
}
interface OccurrenceRow {
	id: string;
	starts_at: string;
	ends_at: string;
	original_starts_at: string;
	status: FeedOccurrence['status'];
	sequence: number;
}

export const toFeedEvent = (e: EventRow): FeedEvent => ({
	id: e.id,
	title: e.title,
	summary: e.summary,
	startsAt: e.starts_at,
	endsAt: e.ends_at,
	allDay: e.all_day,
	rrule: e.rrule,
	venueName: e.venue_name,
	venueAddress: e.venue_address,
	onlineUrl: e.online_url,
	status: e.status,
	sequence: e.sequence,
	updatedAt: e.updated_at
});

export const toFeedOccurrence = (o: OccurrenceRow): FeedOccurrence => ({
	id: o.id,
	startsAt: o.starts_at,
	endsAt: o.ends_at,
	originalStartsAt: o.original_starts_at,
	status: o.status,
	sequence: o.sequence
});

/** The window of the public feed: the last 30 days and the next 12 months. */
export function publicFeedWindow(now = new Date()) {
	const to = new Date(now);
	to.setUTCFullYear(to.getUTCFullYear() + 1);
	return { from: new Date(now.getTime() - 30 * DAY), to };
}

/** Published and cancelled occurrences matching the filters, in time order. */
export async function feedOccurrences(
	db: Db,
	filters: Omit<OccurrenceFilters, 'from' | 'to'>,
	window: { from: Date; to: Date }
): Promise<FeedItem[]> {
	const args = {
		p_from: window.from.toISOString(),
		p_to: window.to.toISOString(),
		p_q: filters.q || undefined,
		p_kind: filters.kind,
		p_area: filters.areaId,
		p_field: filters.fieldId,
		p_organization: filters.organizationId,
		p_seats_left: false,
		p_online: false
	};
	const items: FeedItem[] = [];
	for (let offset = 0; offset < MAX_ROWS; offset += PAGE) {
		const { data, error } = await db
			.rpc('search_occurrences', args)
			.select(`${OCCURRENCE_COLUMNS}, event:events(${EVENT_COLUMNS})`)
			.range(offset, offset + PAGE - 1);
		if (error) dbFailure(error);
		const rows = data as unknown as (OccurrenceRow & { event: EventRow | null })[];
		for (const row of rows) {
			if (row.event)
				items.push({ event: toFeedEvent(row.event), occurrence: toFeedOccurrence(row) });
		}
		if (rows.length < PAGE) break;
	}
	return items;
}

/**
 * The occurrences a member joined (going or waitlisted) that ended at most 30
 * days ago. `db` must act as that member (userDb): RLS shows their own rows.
 */
export async function memberFeedItems(
	db: Db,
	userId: string,
	now = new Date()
): Promise<FeedItem[]> {
	const { data, error } = await db
		.from('registrations')
		.select(
			`status, occurrence:event_occurrences!inner(${OCCURRENCE_COLUMNS}, event:events(${EVENT_COLUMNS}))`
		)
		.eq('user_id', userId)
		.in('status', ['going', 'waitlisted'])
		.gte('occurrence.ends_at', new Date(now.getTime() - 30 * DAY).toISOString())
		.limit(PAGE);
	if (error) dbFailure(error);
	const rows = data as unknown as {
		status: 'going' | 'waitlisted';
		occurrence: (OccurrenceRow & { event: EventRow | null }) | null;
	}[];
	return rows
		.flatMap((r) =>
			r.occurrence?.event && r.occurrence.event.status !== 'draft'
				? [
						{
							event: toFeedEvent(r.occurrence.event),
							occurrence: toFeedOccurrence(r.occurrence),
							waitlisted: r.status === 'waitlisted'
						}
					]
				: []
		)
		.sort(
			(a, b) =>
				a.occurrence.startsAt.localeCompare(b.occurrence.startsAt) ||
				a.occurrence.id.localeCompare(b.occurrence.id)
		);
}

/** An event with all its occurrences for its own .ics, or null when RLS hides it. */
export async function eventFeed(db: Db, eventId: string) {
	const { data, error } = await db
		.from('events')
		.select(`${EVENT_COLUMNS}, event_occurrences(${OCCURRENCE_COLUMNS})`)
		.eq('id', eventId)
		.order('starts_at', { referencedTable: 'event_occurrences' })
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	const { event_occurrences, ...event } = data as unknown as EventRow & {
		event_occurrences: OccurrenceRow[];
	};
	return { event: toFeedEvent(event), occurrences: event_occurrences.map(toFeedOccurrence) };
}
