// Open data (migration 20261214200000_opendata): what anybody may read
// through the public API, shaped for the published datasets.
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';
import { hoursOf } from '$lib/server/db/places';
import {
	isPlaceAudience,
	isPlaceKind,
	type PlaceAudience,
	type PlaceHours,
	type PlaceKind
} from '$lib/places/types';

export interface OpenDataEvent {
	occurrenceId: string;
	eventId: string;
	title: string;
	summary: string;
	startsAt: string;
	endsAt: string;
	allDay: boolean;
	rrule: string | null;
	fee: string | null;
	contactName: string | null;
	contactPhone: string | null;
	organizationName: string | null;
	venueName: string | null;
	venueAddress: string | null;
	onlineUrl: string | null;
	capacity: number | null;
	registrationClosesAt: string | null;
	howToApply: string | null;
	deadlineNote: string | null;
	audienceNote: string | null;
	accessibility: string | null;
	areaName: string | null;
	fieldNames: string[];
}

/**
 * PostgREST answers at most max_rows rows (1000 in supabase/config.toml and on
 * hosted Supabase by default), so the dataset is read a page at a time, each
 * from the last row of the one before (an offset made every page compute every
 * row before it: two minutes for the 63,801 dates of the benchmark's size L).
 */
const PAGE = 1000;

/** Every scheduled date of a published event from `from` on, in time order. */
export async function openDataEvents(
	db: Db,
	from: Date,
	pageSize = PAGE
): Promise<OpenDataEvent[]> {
	const rows = [];
	let after: { starts_at: string; occurrence_id: string } | undefined;
	for (;;) {
		const { data, error } = await db.rpc('opendata_events', {
			p_from: from.toISOString(),
			p_after_starts_at: after?.starts_at,
			p_after_id: after?.occurrence_id,
			p_limit: pageSize
		});
		if (error) dbFailure(error);
		rows.push(...data);
		if (data.length < pageSize) break;
		after = data[data.length - 1];
	}
	return rows.map((r) => ({
		occurrenceId: r.occurrence_id,
		eventId: r.event_id,
		title: r.title,
		summary: r.summary,
		startsAt: r.starts_at,
		endsAt: r.ends_at,
		allDay: r.all_day,
		rrule: r.rrule,
		fee: r.fee,
		contactName: r.contact_name,
		contactPhone: r.contact_phone,
		organizationName: r.organization_name,
		venueName: r.venue_name,
		venueAddress: r.venue_address,
		onlineUrl: r.online_url,
		capacity: r.capacity,
		registrationClosesAt: r.registration_closes_at,
		howToApply: r.how_to_apply,
		deadlineNote: r.deadline_note,
		audienceNote: r.audience_note,
		accessibility: r.accessibility,
		areaName: r.area_name,
		fieldNames: r.field_names ?? []
	}));
}

/** A published place as the open datasets read it (places.csv, facilities.csv). */
export interface OpenDataPlace {
	id: string;
	name: string;
	nameKana: string | null;
	kinds: PlaceKind[];
	audiences: PlaceAudience[];
	address: string | null;
	latitude: number | null;
	longitude: number | null;
	phone: string | null;
	hours: PlaceHours[];
	hoursNote: string | null;
	closedDays: string | null;
	feeFree: boolean | null;
	fee: string | null;
	capacity: number | null;
	mealsProvided: boolean | null;
	foodAllowed: boolean | null;
	transport: boolean | null;
	accessibility: string | null;
	description: string | null;
	url: string | null;
	organizationName: string | null;
	areaName: string | null;
}

/**
 * Every published place of these kinds, by reading: what the anon key reads
 * (RLS), 1000 at a time (PostgREST answers at most max_rows).
 */
export async function openDataPlaces(db: Db, kinds: PlaceKind[]): Promise<OpenDataPlace[]> {
	const out: OpenDataPlace[] = [];
	for (let from = 0; ; from += PAGE) {
		const { data, error } = await db
			.from('places')
			.select(
				'id, name, name_kana, kinds, audiences, address, latitude, longitude, phone, hours_note, closed_days, fee_free, fee, capacity, meals_provided, food_allowed, transport, accessibility, description, url, organization:organizations(name), area:areas(name_ja), place_hours(day, opens, closes)'
			)
			.eq('published', true)
			.overlaps('kinds', kinds)
			.order('sort_key')
			.order('id')
			.range(from, from + PAGE - 1);
		if (error) dbFailure(error);
		for (const p of data) {
			out.push({
				id: p.id,
				name: p.name,
				nameKana: p.name_kana,
				kinds: p.kinds.filter(isPlaceKind),
				audiences: p.audiences.filter(isPlaceAudience),
				address: p.address,
				latitude: p.latitude === null ? null : Number(p.latitude),
				longitude: p.longitude === null ? null : Number(p.longitude),
				phone: p.phone,
				hours: hoursOf(p.place_hours),
				hoursNote: p.hours_note,
				closedDays: p.closed_days,
				feeFree: p.fee_free,
				fee: p.fee,
				capacity: p.capacity,
				mealsProvided: p.meals_provided,
				foodAllowed: p.food_allowed,
				transport: p.transport,
				accessibility: p.accessibility,
				description: p.description,
				url: p.url,
				organizationName: p.organization?.name ?? null,
				areaName: p.area?.name_ja ?? null
			});
		}
		if (data.length < PAGE) return out;
	}
}
