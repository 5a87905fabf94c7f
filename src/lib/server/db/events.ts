// Events (フォーラム・イベント) and their occurrences: the event page, lists,
// calendars, feeds, and the organisers' changes. Every call goes through the
// client it is given, so RLS decides who sees drafts and who may change what.
import { seatsLeft } from '$lib/events/seats';
import type {
	AreaRef,
	EventStatus,
	FeedDate,
	FeedEvent,
	FeedItem,
	FeedOccurrence,
	FieldRef,
	OccurrenceCard,
	OccurrenceStatus,
	OrgRef,
	VersionedFeedItem
} from '$lib/events/types';
import type { EventKind } from '$lib/events/kinds';
import type { EasyVersion } from '$lib/easy-japanese/version';
import type { ManagedEvent, MyRegistrationItem, SeriesCard } from '$lib/events/series';
import type { QueryData } from '@supabase/supabase-js';
import type { Db } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/database.types';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import type { FeedWindow } from '$lib/server/events/feeds';
import {
	myRegistrationOf,
	type MyRegistration,
	type MyRegistrationRow
} from '$lib/server/db/registrations';

export const EVENT_PAGE_SIZE = 20;

/** Published and cancelled feeds show what ended at most this long ago. */
const DAY = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// One event

export interface EventDetail {
	id: string;
	title: string;
	kind: EventKind;
	summary: string;
	/** Markdown */
	body: string;
	startsAt: string;
	endsAt: string;
	allDay: boolean;
	/** RFC 5545 RRULE of a series, null for a one-off */
	rrule: string | null;
	venueName: string | null;
	venueAddress: string | null;
	onlineUrl: string | null;
	areaId: string | null;
	organizationId: string | null;
	organizerId: string;
	capacity: number | null;
	registrationOpensAt: string | null;
	registrationClosesAt: string | null;
	waitlistEnabled: boolean;
	audienceNote: string | null;
	accessibility: string | null;
	contactName: string | null;
	contactPhone: string | null;
	contactEmail: string | null;
	/** 参加費, as the organiser wrote it (無料／300円（材料費）) */
	fee: string | null;
	/** 持ち物 */
	belongings: string | null;
	/** 申込方法, when it is more than the join button (電話で、往復はがきで…) */
	howToApply: string | null;
	/** 締切 in the organiser's words (定員になり次第締切), beside the deadline itself */
	deadlineNote: string | null;
	/** for the address people type from a flyer: /e/<shortCode> */
	shortCode: string;
	status: EventStatus;
	cancelReason: string | null;
	/** the last change of the event itself (not of its dates) */
	updatedAt: string;
	/** 表紙の写真 (imageSources makes the <img>); null when it has none */
	cover: { hash: string; width: number; height: number; alt: string } | null;
	area: AreaRef | null;
	organization: OrgRef | null;
	/** null when RLS hides the organiser's profile */
	organizer: { displayName: string; listed: boolean } | null;
	fields: FieldRef[];
	/** co-hosts that accepted: the only ones shown, and whose editors manage the event */
	cohosts: OrgRef[];
	/** named but not (yet) accepted; RLS shows them only to organisers and the invited organization's editors */
	invitedCohosts: OrgRef[];
	/** the directory place it is held at (/places/<id>); null when none, or hidden */
	place: { id: string; name: string } | null;
	/** its やさしい日本語 version (either field may be null; both null: none) */
	easy: EasyVersion;
}

/** An event as stored (generated from the migrations). */
type EventRow = Database['public']['Tables']['events']['Row'];

/**
 * event_detail: the event's columns (all but the ones only the database uses)
 * and what it refers to, as the SQL function writes them.
 */
type EventDetailJson = Omit<
	EventRow,
	'search_text' | 'published_at' | 'created_at' | 'sequence' | 'cover_image_hash'
> & {
	cover: { hash: string; width: number; height: number } | null;
	area: AreaRef | null;
	organization: OrgRef | null;
	organizer: { display_name: string; listed: boolean } | null;
	fields: FieldRef[];
	place: { id: string; name: string } | null;
	cohosts: { accepted_at: string | null; organization: OrgRef }[];
};

/**
 * The event with what its page shows of it, or null when there is none or RLS
 * hides it. One computed field, event_detail (JSON built in SQL): the 33
 * columns and six embeds it replaced cost PostgREST 9.8 ms of CPU per request.
 */
export async function findEvent(db: Db, id: string): Promise<EventDetail | null> {
	const { data: row, error } = await db
		.from('events')
		.select('event_detail')
		.eq('id', id)
		.maybeSingle();
	if (error) dbFailure(error);
	return row && eventDetailOf(row.event_detail);
}

/** event_page, as the SQL function writes it. */
interface EventPageJson {
	event_detail: unknown;
	event_occurrences: OccurrenceRow[];
	/** only for a signed-in reader */
	registrations?: MyRegistrationRow[];
}

/**
 * An event's page in one request (event_page, JSON built in SQL under the
 * reader's RLS): the event (as findEvent), every date in time order, and a
 * signed-in reader's registrations for them that are not cancelled (RLS shows
 * a person only their own), with the version of the public events read in the
 * same statement (what the page's kept lists are keyed by: readerAt). Null as
 * findEvent.
 */
export async function findEventWithDates(
	db: Db,
	id: string
): Promise<{
	event: EventDetail;
	occurrences: Occurrence[];
	registrations: MyRegistration[];
	eventsVersion: number;
} | null> {
	const { data: row, error } = await db
		.from('events')
		.select('page:event_page, version:events_version')
		.eq('id', id)
		.maybeSingle();
	if (error) dbFailure(error);
	if (!row) return null;
	// a computed field is nullable to the generated types; events_version never is
	if (row.version === null) throw new Error('events_version: no version');
	// the generated types call a jsonb result `Json`: this is what event_page writes
	const json: unknown = row.page;
	const page = json as EventPageJson;
	return {
		event: eventDetailOf(page.event_detail),
		occurrences: page.event_occurrences.map(occurrenceOf),
		registrations: (page.registrations ?? []).map(myRegistrationOf),
		eventsVersion: row.version
	};
}

function eventDetailOf(detail: unknown): EventDetail {
	const data = detail as EventDetailJson;
	const cohostsWhere = (accepted: boolean) =>
		data.cohosts.flatMap((c) => ((c.accepted_at !== null) === accepted ? [c.organization] : []));
	return {
		id: data.id,
		title: data.title,
		kind: data.kind,
		summary: data.summary,
		body: data.body,
		startsAt: data.starts_at,
		endsAt: data.ends_at,
		allDay: data.all_day,
		rrule: data.rrule,
		venueName: data.venue_name,
		venueAddress: data.venue_address,
		onlineUrl: data.online_url,
		areaId: data.area_id,
		organizationId: data.organization_id,
		organizerId: data.organizer_id,
		capacity: data.capacity,
		registrationOpensAt: data.registration_opens_at,
		registrationClosesAt: data.registration_closes_at,
		waitlistEnabled: data.waitlist_enabled,
		audienceNote: data.audience_note,
		accessibility: data.accessibility,
		contactName: data.contact_name,
		contactPhone: data.contact_phone,
		contactEmail: data.contact_email,
		fee: data.fee,
		belongings: data.belongings,
		howToApply: data.how_to_apply,
		deadlineNote: data.deadline_note,
		shortCode: data.short_code,
		status: data.status,
		cancelReason: data.cancel_reason,
		updatedAt: data.updated_at,
		cover: data.cover ? { ...data.cover, alt: data.cover_alt ?? '' } : null,
		area: data.area,
		organization: data.organization,
		organizer: data.organizer
			? { displayName: data.organizer.display_name, listed: data.organizer.listed }
			: null,
		fields: data.fields,
		cohosts: cohostsWhere(true),
		invitedCohosts: cohostsWhere(false),
		place: data.place,
		easy: { summary: data.easy_summary, body: data.easy_body }
	};
}

export interface Occurrence {
	id: string;
	startsAt: string;
	endsAt: string;
	/** where the series rule put it, before any move */
	originalStartsAt: string;
	status: OccurrenceStatus;
	cancelReason: string | null;
	goingCount: number;
	waitingCount: number;
	sequence: number;
}

const OCCURRENCE_COLUMNS =
	'id, starts_at, ends_at, original_starts_at, status, cancel_reason, going_count, waiting_count, sequence';

type OccurrenceRow = Pick<
	Database['public']['Tables']['event_occurrences']['Row'],
	| 'id'
	| 'starts_at'
	| 'ends_at'
	| 'original_starts_at'
	| 'status'
	| 'cancel_reason'
	| 'going_count'
	| 'waiting_count'
	| 'sequence'
>;

const occurrenceOf = (o: OccurrenceRow): Occurrence => ({
	id: o.id,
	startsAt: o.starts_at,
	endsAt: o.ends_at,
	originalStartsAt: o.original_starts_at,
	status: o.status,
	cancelReason: o.cancel_reason,
	goingCount: o.going_count,
	waitingCount: o.waiting_count,
	sequence: o.sequence
});

/** Every occurrence of the event, in time order. */
export async function listEventOccurrences(db: Db, eventId: string): Promise<Occurrence[]> {
	const { data, error } = await db
		.from('event_occurrences')
		.select(OCCURRENCE_COLUMNS)
		.eq('event_id', eventId)
		.order('starts_at');
	if (error) dbFailure(error);
	return data.map(occurrenceOf);
}

/** One date of the event (null when it is not one of the event's, or RLS hides it). */
export async function findEventOccurrence(
	db: Db,
	eventId: string,
	occurrenceId: string
): Promise<Pick<Occurrence, 'id' | 'startsAt' | 'endsAt' | 'status'> | null> {
	const { data, error } = await db
		.from('event_occurrences')
		.select('id, starts_at, ends_at, status')
		.eq('event_id', eventId)
		.eq('id', occurrenceId)
		.maybeSingle();
	if (error) dbFailure(error);
	return (
		data && { id: data.id, startsAt: data.starts_at, endsAt: data.ends_at, status: data.status }
	);
}

/**
 * The id of the event with this short code (/e/<code>), or null when there is
 * none or RLS hides it (a draft, for anybody but its organisers).
 */
export async function findEventIdByShortCode(db: Db, code: string): Promise<string | null> {
	const { data, error } = await db.from('events').select('id').eq('short_code', code).maybeSingle();
	if (error) dbFailure(error);
	return data?.id ?? null;
}

// ---------------------------------------------------------------------------
// Searching occurrences (lists, calendars, the public feed)

export interface OccurrenceFilters {
	from: Date;
	to?: Date;
	q?: string;
	kind?: EventKind;
	areaId?: string;
	fieldId?: string;
	organizationId?: string;
	seatsLeft?: boolean;
	online?: boolean;
	/** only events with a やさしい日本語 version (the list of cards; the calendar has no such filter) */
	easy?: boolean;
}

/** The arguments of search_occurrences: the one place they are built. */
const searchArgs = (f: OccurrenceFilters) => ({
	p_from: f.from.toISOString(),
	p_to: f.to?.toISOString(),
	p_q: f.q || undefined,
	p_kind: f.kind,
	p_area: f.areaId,
	p_field: f.fieldId,
	p_organization: f.organizationId,
	p_seats_left: f.seatsLeft ?? false,
	p_online: f.online ?? false
});

/**
 * What a card shows of a date and its event (lists, calendars, the home page).
 * The event is one computed field, card_event (JSON built in SQL): PostgREST
 * spends CPU on every item of a select list, and the embeds this replaced
 * cost 4.5 ms of it per request (migration 20261212000000_wide_reads).
 */
const CARD_COLUMNS =
	'id, starts_at, ends_at, status, going_count, waiting_count, sequence, event:card_event';

/** card_event: an event as a card shows it, as the SQL function writes it. */
type CardEventJson = Pick<
	EventRow,
	| 'id'
	| 'title'
	| 'kind'
	| 'summary'
	| 'all_day'
	| 'rrule'
	| 'capacity'
	| 'venue_name'
	| 'venue_address'
	| 'online_url'
	| 'fee'
	| 'contact_phone'
	| 'status'
	| 'cancel_reason'
	| 'sequence'
> & { area: AreaRef | null; organization: OrgRef | null; fields: FieldRef[] };

/** The cards of these dates (their ids), in no particular order. */
const cardsById = (db: Db, ids: string[]) =>
	db.from('event_occurrences').select(CARD_COLUMNS).in('id', ids);
type CardRow = Omit<QueryData<ReturnType<typeof cardsById>>[number], 'event'> & {
	event: unknown;
};

// the occurrence's RLS shows only dates of events the reader may see: never null
const eventOf = (row: CardRow) => row.event as CardEventJson;

function toCard(row: CardRow): OccurrenceCard {
	const event = eventOf(row);
	return {
		id: row.id,
		startsAt: row.starts_at,
		endsAt: row.ends_at,
		cancelled: row.status === 'cancelled' || event.status === 'cancelled',
		goingCount: row.going_count,
		sequence: row.sequence,
		seatsLeft: seatsLeft(event.capacity, row.going_count, row.waiting_count),
		event: {
			id: event.id,
			title: event.title,
			kind: event.kind,
			summary: event.summary,
			allDay: event.all_day,
			capacity: event.capacity,
			venueName: event.venue_name,
			venueAddress: event.venue_address,
			onlineUrl: event.online_url,
			fee: event.fee,
			contactPhone: event.contact_phone,
			cancelReason: event.cancel_reason,
			sequence: event.sequence,
			area: event.area,
			organization: event.organization,
			fields: event.fields
		}
	};
}

/**
 * These cards with their seats as they are now: who joined is the one thing a
 * card shows that the version of the public events leaves out, so a list kept
 * for a version (`$lib/server/events/kept-lists`) reads it fresh, in one small
 * request. A date deleted since is left out.
 */
export async function withSeatsNow<C extends OccurrenceCard>(db: Db, cards: C[]): Promise<C[]> {
	if (cards.length === 0) return cards;
	const { data, error } = await db
		.from('event_occurrences')
		.select('id, going_count, waiting_count')
		.in(
			'id',
			cards.map((c) => c.id)
		);
	if (error) dbFailure(error);
	const now = new Map(data.map((row) => [row.id, row]));
	return cards.flatMap((card) => {
		const row = now.get(card.id);
		if (!row) return [];
		return [
			{
				...card,
				goingCount: row.going_count,
				seatsLeft: seatsLeft(card.event.capacity, row.going_count, row.waiting_count)
			}
		];
	});
}

/** Occurrences (not series) in time order, with their event: `limit` (≤ 1000) from `offset`. */
export async function searchOccurrences(
	db: Db,
	filters: OccurrenceFilters,
	page: { offset: number; limit: number }
): Promise<OccurrenceCard[]> {
	const { data, error } = await db
		.rpc('search_occurrences', {
			...searchArgs(filters),
			p_limit: page.limit,
			p_offset: page.offset
		})
		.select(CARD_COLUMNS);
	if (error) dbFailure(error);
	return data.map(toCard);
}

/** The calendar shows at most this many dates a day, then 「ほか◯件」. */
export const CALENDAR_PER_DAY = 3;

/** A date as the month grid shows it: a line, not a card. */
export interface CalendarDate {
	id: string;
	startsAt: string;
	endsAt: string;
	cancelled: boolean;
	event: { id: string; title: string; allDay: boolean };
}

/** A date in calendar_month's answer: only what a line of the month shows (a busy month is hundreds of dates). */
interface CalendarDateJson {
	id: string;
	starts_at: string;
	ends_at: string;
	status: OccurrenceStatus;
	event: { id: string; title: string; all_day: boolean; status: EventStatus };
}
const datesOf = (day: { dates: unknown }) => day.dates as CalendarDateJson[];

/**
 * A month of the calendar: its dates, at most CALENDAR_PER_DAY a Tokyo day
 * (one that began the month before counts on the 1st), and each day's total,
 * in one walk of the month's dates (calendar_month: a row per day).
 */
export async function calendarMonth(
	db: Db,
	filters: Omit<OccurrenceFilters, 'seatsLeft' | 'online'> & { to: Date }
): Promise<{ occurrences: CalendarDate[]; dayTotals: Record<string, number> }> {
	const args = {
		p_from: filters.from.toISOString(),
		p_to: filters.to.toISOString(),
		p_q: filters.q || undefined,
		p_kind: filters.kind,
		p_area: filters.areaId,
		p_field: filters.fieldId,
		p_organization: filters.organizationId
	};
	const { data, error } = await db.rpc('calendar_month', {
		...args,
		p_per_day: CALENDAR_PER_DAY
	});
	if (error) dbFailure(error);
	return {
		occurrences: data.flatMap((d) =>
			datesOf(d).map(({ event, ...row }) => ({
				id: row.id,
				startsAt: row.starts_at,
				endsAt: row.ends_at,
				cancelled: row.status === 'cancelled' || event.status === 'cancelled',
				event: { id: event.id, title: event.title, allDay: event.all_day }
			}))
		),
		dayTotals: Object.fromEntries(data.map((d) => [d.day, d.total]))
	};
}

// ---------------------------------------------------------------------------
// Feed data (iCalendar): read through a client on whose behalf RLS decides, so
// drafts never reach a feed of someone who may not see them

/**
 * A public feed holds at most this many dates, those to come first (feedDates): a calendar app
 * re-reads the whole file at every poll, and a busy area's year is thousands of dates (500 are
 * about 300 KB, well under what calendar apps accept; README, "Calendar feeds").
 */
const PUBLIC_FEED_MAX_ROWS = 500;
/** feed_dates gives at most this many in one request */
const FEED_DATES_MAX = 1000;
/** A personal feed: one request (hosted Supabase's max-rows is 1000). */
const FEED_MAX_ROWS = 1000;

interface FeedEventRow {
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
	status: EventStatus;
	sequence: number;
	updated_at: string;
}
interface FeedOccurrenceRow {
	id: string;
	starts_at: string;
	ends_at: string;
	original_starts_at: string;
	status: OccurrenceStatus;
	sequence: number;
}

const toFeedEvent = (e: FeedEventRow): FeedEvent => ({
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

const toFeedOccurrence = (o: FeedOccurrenceRow): FeedOccurrence => ({
	id: o.id,
	startsAt: o.starts_at,
	endsAt: o.ends_at,
	originalStartsAt: o.original_starts_at,
	status: o.status,
	sequence: o.sequence
});

/**
 * The version of what the public feeds show: one more with every committed
 * change that can alter one (migration 20261218000000_public_events_version).
 * Read before the feed's dates, it makes the feed's ETag.
 */
export async function publicEventsVersion(db: Db): Promise<number> {
	const { data, error } = await db.rpc('public_events_version');
	if (error) dbFailure(error);
	return data;
}

/**
 * Published and cancelled dates matching the filters within the window, as ids with a version
 * each (feed_dates: a hash of what the date's VEVENT is written from): a feed reads in full only
 * the dates whose VEVENT it does not keep (feedItems). At most `max`: those to come (not ended
 * before today, Tokyo) first, then as many of the window's past days as room is left, the most
 * recent; the past ones first, each part in time order. Taken from the start of the window, a
 * city's 500 dates at the benchmark's size L were all in the past (60 dates a day).
 */
export async function feedDates(
	db: Db,
	filters: Omit<OccurrenceFilters, 'from' | 'to' | 'seatsLeft' | 'online'>,
	window: FeedWindow,
	max = PUBLIC_FEED_MAX_ROWS
): Promise<FeedDate[]> {
	const walk = async (from: Date, to: Date, limit: number) => {
		const { data, error } = await db.rpc('feed_dates', {
			...searchArgs({ ...filters, from, to }),
			p_limit: limit
		});
		if (error) dbFailure(error);
		return data.map((d): FeedDate => ({ id: d.id, version: d.version, allDay: d.all_day }));
	};
	const coming = await walk(window.today, window.to, max);
	const room = max - coming.length;
	if (room <= 0) return coming;
	// those that began before today and are still on are among those to come
	const comingIds = new Set(coming.map((d) => d.id));
	const past = (await walk(window.from, window.today, FEED_DATES_MAX)).filter(
		(d) => !comingIds.has(d.id)
	);
	return [...past.slice(-room), ...coming];
}

/** What feed_items writes of a date (private.feed_rows): the columns of a FeedItem. */
interface FeedItemJson extends FeedOccurrenceRow {
	event: FeedEventRow;
}

/**
 * The dates with these ids, in time order, each with what the feed writes of it and the
 * version that was read with it (feed_items): published and cancelled events only, the same
 * for every reader, so what is made of them may be kept for all. A date whose event turned
 * draft since its id was read is not given.
 */
export async function feedItems(db: Db, ids: string[]): Promise<VersionedFeedItem[]> {
	if (!ids.length) return [];
	const { data, error } = await db.rpc('feed_items', { p_ids: ids });
	if (error) dbFailure(error);
	return data.map((row) => {
		// the generated types call a jsonb result `Json`: this is what feed_items writes
		const json: unknown = row.item;
		const { event, ...occurrence } = json as FeedItemJson;
		return {
			version: row.version,
			item: { event: toFeedEvent(event), occurrence: toFeedOccurrence(occurrence) }
		};
	});
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
			'status, occurrence:event_occurrences!inner(id, starts_at, ends_at, original_starts_at, status, sequence, event:events(id, title, summary, starts_at, ends_at, all_day, rrule, venue_name, venue_address, online_url, status, sequence, updated_at))'
		)
		.eq('user_id', userId)
		.in('status', ['going', 'waitlisted'])
		.gte('occurrence.ends_at', new Date(now.getTime() - 30 * DAY).toISOString())
		.limit(FEED_MAX_ROWS);
	if (error) dbFailure(error);
	return data
		.flatMap(({ status, occurrence }): FeedItem[] => {
			// RLS hides the event once it is a draft again: PostgREST then embeds null
			const { event, ...rest }: { event: FeedEventRow | null } & FeedOccurrenceRow = occurrence;
			if (!event || event.status === 'draft') return [];
			return [
				{
					event: toFeedEvent(event),
					occurrence: toFeedOccurrence(rest),
					waitlisted: status === 'waitlisted'
				}
			];
		})
		.sort(
			(a, b) =>
				a.occurrence.startsAt.localeCompare(b.occurrence.startsAt) ||
				a.occurrence.id.localeCompare(b.occurrence.id)
		);
}

/** An event with all its occurrences for its own .ics, or null when RLS hides it. */
export async function eventFeed(
	db: Db,
	eventId: string
): Promise<{ event: FeedEvent; occurrences: FeedOccurrence[] } | null> {
	const { data, error } = await db
		.from('events')
		.select(
			'id, title, summary, starts_at, ends_at, all_day, rrule, venue_name, venue_address, online_url, status, sequence, updated_at, event_occurrences(id, starts_at, ends_at, original_starts_at, status, sequence)'
		)
		.eq('id', eventId)
		.order('starts_at', { referencedTable: 'event_occurrences' })
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	const { event_occurrences, ...event } = data;
	return { event: toFeedEvent(event), occurrences: event_occurrences.map(toFeedOccurrence) };
}

// ---------------------------------------------------------------------------
// Organisers' changes (RLS and triggers allow them to the event's managers only)

/** The event's columns as save_event takes them (snake_case, as stored). */
export type EventInput = {
	title: string;
	kind: EventKind;
	summary: string;
	body: string;
	starts_at: string;
	ends_at: string;
	all_day: boolean;
	rrule: string | null;
	venue_name: string | null;
	venue_address: string | null;
	online_url: string | null;
	area_id: string | null;
	organization_id: string | null;
	capacity: number | null;
	registration_opens_at: string | null;
	registration_closes_at: string | null;
	waitlist_enabled: boolean;
	audience_note: string | null;
	accessibility: string | null;
	contact_name: string | null;
	contact_phone: string | null;
	contact_email: string | null;
	fee: string | null;
	belongings: string | null;
	how_to_apply: string | null;
	deadline_note: string | null;
	status: EventStatus;
	/** held at this directory place; save_event fills an empty venue from it */
	place_id: string | null;
};

/**
 * Creates (id null) or updates the event, its fields, co-hosts and every
 * occurrence in one transaction; returns its id, or `suspended` for a
 * suspended member (private.refuse_suspended).
 */
export async function saveEvent(
	db: Db,
	id: string | null,
	event: EventInput,
	links: { fieldIds: string[]; cohostIds: string[] },
	occurrences: { starts_at: string; ends_at: string }[]
): Promise<Refusable<{ id: string }, 'suspended' | 'unverified'>> {
	const { data, error } = await db.rpc('save_event', {
		// null makes a new event (the generated type cannot say that the argument may be null)
		p_id: id as string,
		p_event: event,
		p_field_ids: links.fieldIds,
		p_cohost_ids: links.cohostIds,
		p_occurrences: occurrences
	});
	if (error) return refused(error, ['suspended', 'unverified']);
	return { ok: true, id: data };
}

/** Cancels the whole event, with the reason shown to everybody. */
export async function cancelEvent(db: Db, eventId: string, reason: string) {
	const { error } = await db
		.from('events')
		.update({ status: 'cancelled', cancel_reason: reason })
		.eq('id', eventId);
	if (error) dbFailure(error);
}

/** Cancels, restores or moves one date of the event (the database promotes and notifies). */
export async function updateOccurrence(
	db: Db,
	eventId: string,
	occurrenceId: string,
	change:
		| { status: 'cancelled'; reason: string }
		| { status: 'scheduled' }
		| { startsAt: Date; endsAt: Date }
) {
	const values =
		'startsAt' in change
			? { starts_at: change.startsAt.toISOString(), ends_at: change.endsAt.toISOString() }
			: change.status === 'cancelled'
				? { status: change.status, cancel_reason: change.reason }
				: { status: change.status, cancel_reason: null };
	const { error } = await db
		.from('event_occurrences')
		.update(values)
		.eq('event_id', eventId)
		.eq('id', occurrenceId);
	if (error) dbFailure(error);
}

// ===========================================================================
// Everyday lists (issue 9): a series as one card, a person's registrations,
// organisers' and coordinators' lists. This block is kept apart from the rest
// of the file; its card select mirrors searchOccurrences' (the same
// OccurrenceCard), so a column added there is added here too.

/** a list says "200 or more" beyond this (count_event_series walks up to this many cards) */
export const SERIES_COUNT_CAP = 200;

/**
 * Events matching the filters, one card each (a series once, at its next date
 * with how many more dates it has in the window), in the order of those
 * dates. The database applies the page's limit (search_event_series); the
 * total is counted up to SERIES_COUNT_CAP.
 */
export async function searchEventSeries(
	db: Db,
	filters: OccurrenceFilters,
	page: { offset: number; limit: number },
	opts: { count?: boolean } = {}
): Promise<{ cards: SeriesCard[]; total: number; totalCapped: boolean }> {
	const args = searchArgs(filters);
	const [found, counted] = await Promise.all([
		db.rpc('search_event_series', {
			...args,
			p_easy: filters.easy ?? false,
			p_limit: page.limit,
			p_offset: page.offset
		}),
		opts.count === false
			? null
			: db.rpc('count_event_series', {
					...args,
					p_easy: filters.easy ?? false,
					p_cap: SERIES_COUNT_CAP
				})
	]);
	if (found.error) dbFailure(found.error);
	if (counted?.error) dbFailure(counted.error);
	const total = counted?.data ?? found.data.length;
	const result = { total, totalCapped: total >= SERIES_COUNT_CAP };
	if (found.data.length === 0) return { cards: [], ...result };

	const { data, error } = await cardsById(
		db,
		found.data.map((r) => r.occurrence_id)
	);
	if (error) dbFailure(error);
	const rows = new Map(data.map((row) => [row.id, row]));
	const cards = found.data.flatMap(({ occurrence_id, further }): SeriesCard[] => {
		const row = rows.get(occurrence_id);
		if (!row) return []; // deleted in between
		return [{ ...toCard(row), series: { rrule: eventOf(row).rrule, further } }];
	});
	return { cards, ...result };
}

/**
 * The home page's next `limit` event cards (as searchEventSeries without
 * filters, from `from`), in one query: home_event_series gives the cards'
 * dates as rows, with their events embedded and the further dates as a
 * computed column.
 */
export async function homeEventSeries(db: Db, from: Date, limit: number): Promise<SeriesCard[]> {
	const { data, error } = await db
		.rpc('home_event_series', { p_from: from.toISOString(), p_limit: limit })
		.select(`${CARD_COLUMNS}, further_dates`)
		.order('starts_at')
		.order('id');
	if (error) dbFailure(error);
	return data.map((row) => ({
		...toCard(row),
		series: { rrule: eventOf(row).rrule, further: row.further_dates ?? 0 }
	}));
}

/**
 * The person's registrations (going or waiting) for dates not yet ended, in
 * time order, or for dates that ended, most recent first. `db` acts as that
 * person: RLS shows their own rows, and hides events that are drafts again.
 * A person's registrations are read through registrations_user_idx.
 */
export async function listMyRegistrations(
	db: Db,
	userId: string,
	when: 'upcoming' | 'past',
	page: { offset: number; limit: number },
	now = new Date()
): Promise<MyRegistrationItem[]> {
	const query = db
		.from('registrations')
		.select(
			'id, status, companions, waitlist_position, occurrence:event_occurrences!inner(id, starts_at, ends_at, status, event:events!inner(id, title, all_day, venue_name, online_url, status))'
		)
		.eq('user_id', userId)
		.in('status', ['going', 'waitlisted'])
		.neq('occurrence.event.status', 'draft');
	const { data, error } = await (
		when === 'upcoming'
			? query.gte('occurrence.ends_at', now.toISOString())
			: query.lt('occurrence.ends_at', now.toISOString())
	)
		.order('occurrence(starts_at)', { ascending: when === 'upcoming' })
		.order('id')
		.range(page.offset, page.offset + page.limit - 1);
	if (error) dbFailure(error);
	return data.flatMap(
		({ id, status, companions, waitlist_position, occurrence }): MyRegistrationItem[] =>
			status === 'cancelled'
				? []
				: [
						{
							id,
							status,
							companions,
							// (a past date's place on its list is no longer anybody's concern)
							waitlistPosition: when === 'upcoming' ? waitlist_position : null,
							occurrence: {
								id: occurrence.id,
								startsAt: occurrence.starts_at,
								endsAt: occurrence.ends_at,
								cancelled:
									occurrence.status === 'cancelled' || occurrence.event.status === 'cancelled'
							},
							event: {
								id: occurrence.event.id,
								title: occurrence.event.title,
								allDay: occurrence.event.all_day,
								venueName: occurrence.event.venue_name,
								online: occurrence.event.online_url !== null,
								cancelled: occurrence.event.status === 'cancelled'
							}
						}
					]
	);
}

type ManagedEventRow = {
	id: string;
	title: string;
	status: EventStatus;
	created_at: string;
	published_at: string | null;
	organization: OrgRef | null;
	event_occurrences: { starts_at: string }[];
};

const toManagedEvent = (e: ManagedEventRow, organizerName: string | null = null): ManagedEvent => ({
	id: e.id,
	title: e.title,
	status: e.status,
	createdAt: e.created_at,
	publishedAt: e.published_at,
	nextStartsAt: e.event_occurrences[0]?.starts_at ?? null,
	organization: e.organization,
	organizerName
});

/**
 * The events the person organises, drafts included, newest first (index
 * events_organizer_created_idx), each with its next date.
 */
export async function listOrganizedEvents(
	db: Db,
	userId: string,
	limit: number,
	now = new Date()
): Promise<ManagedEvent[]> {
	const { data, error } = await db
		.from('events')
		.select(
			'id, title, status, created_at, published_at, organization:organizations!events_organization_id_fkey(id, slug, name), event_occurrences(starts_at)'
		)
		.eq('organizer_id', userId)
		.gte('event_occurrences.ends_at', now.toISOString())
		.order('starts_at', { referencedTable: 'event_occurrences' })
		.limit(1, { referencedTable: 'event_occurrences' })
		.order('created_at', { ascending: false })
		.order('id')
		.limit(limit);
	if (error) dbFailure(error);
	return data.map((e) => toManagedEvent(e));
}

/**
 * For each organization the person edits for (owner or editor), its newest
 * events, drafts included (at most `perOrganization` each: a limit per
 * organization through events_organization_created_idx), in one request.
 */
export async function listEditedOrganizationsEvents(
	db: Db,
	userId: string,
	perOrganization: number,
	now = new Date()
): Promise<{ organization: OrgRef; events: ManagedEvent[] }[]> {
	const { data, error } = await db
		.from('organization_members')
		.select(
			'role, organization:organizations!inner(id, slug, name, sort_key, events!events_organization_id_fkey(id, title, status, created_at, published_at, event_occurrences(starts_at)))'
		)
		.eq('user_id', userId)
		.in('role', ['owner', 'editor'])
		.order('created_at', { referencedTable: 'organization.events', ascending: false })
		.limit(perOrganization, { referencedTable: 'organization.events' })
		.gte('organization.events.event_occurrences.ends_at', now.toISOString())
		.order('starts_at', { referencedTable: 'organization.events.event_occurrences' })
		.limit(1, { referencedTable: 'organization.events.event_occurrences' });
	if (error) dbFailure(error);
	return data
		.map(({ organization: { events, sort_key, ...org } }) => ({
			organization: org,
			sortKey: sort_key ?? org.name,
			events: events.map((e) => toManagedEvent({ ...e, organization: org }))
		}))
		.sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'ja'))
		.map(({ organization, events }) => ({ organization, events }));
}

const COORDINATOR_EVENT_SELECT =
	'id, title, status, created_at, published_at, organization:organizations!events_organization_id_fkey(id, slug, name), organizer:profiles(display_name), event_occurrences(starts_at)' as const;

/** Published (or since cancelled) events, most recently published first (events_published_idx). */
export async function listRecentlyPublished(
	db: Db,
	limit: number,
	now = new Date()
): Promise<ManagedEvent[]> {
	const { data, error } = await db
		.from('events')
		.select(COORDINATOR_EVENT_SELECT)
		.not('published_at', 'is', null)
		.neq('status', 'draft')
		.gte('event_occurrences.ends_at', now.toISOString())
		.order('starts_at', { referencedTable: 'event_occurrences' })
		.limit(1, { referencedTable: 'event_occurrences' })
		.order('published_at', { ascending: false })
		.order('id')
		.limit(limit);
	if (error) dbFailure(error);
	return data.map((e) => toManagedEvent(e, e.organizer?.display_name ?? null));
}

/**
 * Drafts created before `createdBefore`, oldest first (events_drafts_idx); RLS
 * shows coordinators all of them. One more than `limit` tells that there are more.
 */
export async function listStaleDrafts(
	db: Db,
	createdBefore: Date,
	limit: number,
	now = new Date()
): Promise<ManagedEvent[]> {
	const { data, error } = await db
		.from('events')
		.select(COORDINATOR_EVENT_SELECT)
		.eq('status', 'draft')
		.lt('created_at', createdBefore.toISOString())
		.gte('event_occurrences.ends_at', now.toISOString())
		.order('starts_at', { referencedTable: 'event_occurrences' })
		.limit(1, { referencedTable: 'event_occurrences' })
		.order('created_at')
		.order('id')
		.limit(limit);
	if (error) dbFailure(error);
	return data.map((e) => toManagedEvent(e, e.organizer?.display_name ?? null));
}

/**
 * Sets (or with null removes) an event's cover photo and its description.
 * RLS decides who: its organisers ("events: organisers change"); false when
 * the event is not theirs.
 */
export async function setEventCover(
	db: Db,
	eventId: string,
	cover: { hash: string; alt: string } | null
): Promise<boolean> {
	const { data, error } = await db
		.from('events')
		.update({ cover_image_hash: cover?.hash ?? null, cover_alt: cover?.alt ?? null })
		.eq('id', eventId)
		.select('id');
	if (error) dbFailure(error);
	return data.length === 1;
}
