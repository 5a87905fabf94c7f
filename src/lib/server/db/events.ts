// Events (フォーラム・イベント) and their occurrences. Every call goes through
// the request's client, so RLS decides who sees drafts and registrations.
import { seatsLeft } from '$lib/events/seats';
import type { Db } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/database.types';
import { dbFailure } from '$lib/server/db/errors';

export type EventKind = Database['public']['Enums']['event_kind'];
export type EventStatus = Database['public']['Enums']['event_status'];
export type RegistrationStatus = Database['public']['Enums']['registration_status'];

export const EVENT_PAGE_SIZE = 20;

const EVENT_COLUMNS = `id, title, kind, summary, body, starts_at, ends_at, all_day, rrule, venue_name,
	venue_address, online_url, area_id, organization_id, organizer_id, capacity, registration_opens_at,
	registration_closes_at, waitlist_enabled, audience_note, accessibility, contact_name, contact_phone,
	contact_email, status, cancel_reason, sequence, published_at, created_at, updated_at,
	area:areas(id, slug, name_ja, name_en),
	organization:organizations!events_organization_id_fkey(id, slug, name),
	organizer:profiles(display_name, listed),
	event_fields(fields(id, slug, name_ja, name_en, color)),
	event_cohosts(accepted_at, organizations(id, slug, name))`;

export async function findEvent(db: Db, id: string) {
	const { data, error } = await db.from('events').select(EVENT_COLUMNS).eq('id', id).maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	const { event_fields, event_cohosts, ...event } = data;
	const cohostsWhere = (accepted: boolean) =>
		event_cohosts.flatMap((c) =>
			c.organizations && (c.accepted_at !== null) === accepted ? [c.organizations] : []
		);
	return {
		...event,
		fields: event_fields.flatMap((f) => (f.fields ? [f.fields] : [])),
		/** co-hosts that accepted: the only ones shown, and whose editors manage the event */
		cohosts: cohostsWhere(true),
		/** named but not (yet) accepted; RLS shows them only to organisers and the invited organization's editors */
		invitedCohosts: cohostsWhere(false)
	};
}
export type EventDetail = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export async function listEventOccurrences(db: Db, eventId: string) {
	const { data, error } = await db
		.from('event_occurrences')
		.select(
			'id, starts_at, ends_at, original_starts_at, status, cancel_reason, going_count, waiting_count, sequence'
		)
		.eq('event_id', eventId)
		.order('starts_at');
	if (error) dbFailure(error);
	return data;
}
export type Occurrence = Awaited<ReturnType<typeof listEventOccurrences>>[number];

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
}

const CARD_COLUMNS = `id, starts_at, ends_at, status, going_count, waiting_count, sequence,
	event:events(id, title, kind, summary, all_day, capacity, venue_name, venue_address, online_url, status,
		cancel_reason, sequence, area:areas(id, slug, name_ja, name_en),
		organization:organizations!events_organization_id_fkey(id, slug, name),
		event_fields(fields(id, slug, name_ja, name_en, color)))`;

export interface OccurrenceCard {
	id: string;
	startsAt: string;
	endsAt: string;
	cancelled: boolean;
	goingCount: number;
	sequence: number;
	/** places a newcomer could take: none while anybody waits; null without a limit */
	seatsLeft: number | null;
	event: {
		id: string;
		title: string;
		kind: EventKind;
		summary: string;
		allDay: boolean;
		capacity: number | null;
		venueName: string | null;
		venueAddress: string | null;
		onlineUrl: string | null;
		cancelReason: string | null;
		sequence: number;
		area: { id: string; slug: string; name_ja: string; name_en: string } | null;
		organization: { id: string; slug: string; name: string } | null;
		fields: { id: string; slug: string; name_ja: string; name_en: string; color: string }[];
	};
}

const filterArgs = (f: OccurrenceFilters) => ({
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

/** Occurrences (not series) in time order, with their event, for lists, calendars and feeds. */
export async function searchOccurrences(
	db: Db,
	filters: OccurrenceFilters,
	range: { from: number; to: number }
) {
	const { data, error, count } = await db
		.rpc('search_occurrences', filterArgs(filters), { count: 'exact' })
		.select(CARD_COLUMNS)
		.range(range.from, range.to);
	if (error) dbFailure(error);
	type Row = {
		id: string;
		starts_at: string;
		ends_at: string;
		status: 'scheduled' | 'cancelled';
		going_count: number;
		waiting_count: number;
		sequence: number;
		event: {
			id: string;
			title: string;
			kind: EventKind;
			summary: string;
			all_day: boolean;
			capacity: number | null;
			venue_name: string | null;
			venue_address: string | null;
			online_url: string | null;
			status: EventStatus;
			cancel_reason: string | null;
			sequence: number;
			area: OccurrenceCard['event']['area'];
			organization: OccurrenceCard['event']['organization'];
			event_fields: { fields: OccurrenceCard['event']['fields'][number] | null }[];
		};
	};
	const cards = (data as unknown as Row[]).map((row): OccurrenceCard => ({
		id: row.id,
		startsAt: row.starts_at,
		endsAt: row.ends_at,
		cancelled: row.status === 'cancelled' || row.event.status === 'cancelled',
		goingCount: row.going_count,
		sequence: row.sequence,
		seatsLeft: seatsLeft(row.event.capacity, row.going_count, row.waiting_count),
		event: {
			id: row.event.id,
			title: row.event.title,
			kind: row.event.kind,
			summary: row.event.summary,
			allDay: row.event.all_day,
			capacity: row.event.capacity,
			venueName: row.event.venue_name,
			venueAddress: row.event.venue_address,
			onlineUrl: row.event.online_url,
			cancelReason: row.event.cancel_reason,
			sequence: row.event.sequence,
			area: row.event.area,
			organization: row.event.organization,
			fields: row.event.event_fields.flatMap((f) => (f.fields ? [f.fields] : []))
		}
	}));
	return { occurrences: cards, total: count ?? 0 };
}

export interface MyRegistration {
	id: string;
	occurrenceId: string;
	status: RegistrationStatus;
	companions: number;
	waitlistPosition: number | null;
}

/** The signed-in person's registrations for these occurrences, with waiting-list places. */
export async function myRegistrations(
	db: Db,
	userId: string,
	occurrenceIds: string[]
): Promise<MyRegistration[]> {
	if (occurrenceIds.length === 0) return [];
	const [regs, positions] = await Promise.all([
		db
			.from('registrations')
			.select('id, occurrence_id, status, companions')
			.eq('user_id', userId)
			.in('occurrence_id', occurrenceIds)
			.neq('status', 'cancelled'),
		db.rpc('my_waitlist_positions', { p_occurrences: occurrenceIds })
	]);
	if (regs.error) dbFailure(regs.error);
	if (positions.error) dbFailure(positions.error);
	const place = new Map((positions.data ?? []).map((p) => [p.occurrence_id, p.waitlist_position]));
	return regs.data.map((r) => ({
		id: r.id,
		occurrenceId: r.occurrence_id,
		status: r.status,
		companions: r.companions,
		waitlistPosition: place.get(r.occurrence_id) ?? null
	}));
}
