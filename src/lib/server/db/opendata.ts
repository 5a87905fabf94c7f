// Open data (migration 20261214200000_opendata): what anybody may read
// through the public API, shaped for the published datasets.
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';

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
 * hosted Supabase by default), so the dataset is read a page at a time.
 */
const PAGE = 1000;

/** Every scheduled date of a published event from `from` on, in time order. */
export async function openDataEvents(db: Db, from: Date): Promise<OpenDataEvent[]> {
	const rows = [];
	for (let offset = 0; ; offset += PAGE) {
		const { data, error } = await db
			.rpc('opendata_events', { p_from: from.toISOString() })
			.range(offset, offset + PAGE - 1);
		if (error) dbFailure(error);
		rows.push(...data);
		if (data.length < PAGE) break;
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
