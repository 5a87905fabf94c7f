// Turning a checked event form into one save_event call (event, fields,
// co-hosts and every occurrence in one transaction), and back into a form.
import { buildRrule, expandRrule, repeatOf } from '$lib/events/recurrence';
import type { Db } from '$lib/server/db/client';
import type { EventDetail, EventStatus } from '$lib/server/db/events';
import type { EventFormValues } from '$lib/events/types';
import { eventTimes, localDateTime, repeatInput } from './forms';
import { tokyoDateKey, formatTime } from '$lib/format';
import { dbFailure } from '$lib/server/db/errors';

const orNull = (v: string) => (v === '' ? null : v);

export async function saveEvent(
	db: Db,
	id: string | null,
	v: EventFormValues,
	status: EventStatus
): Promise<string> {
	const times = eventTimes(v);
	if (!times) throw new Error('saveEvent needs a validated form');
	const rrule = buildRrule(repeatInput(v, times.startsAt));
	const duration = times.endsAt.getTime() - times.startsAt.getTime();
	const occurrences = expandRrule(rrule, times.startsAt).map((s) => ({
		starts_at: s.toISOString(),
		ends_at: new Date(s.getTime() + duration).toISOString()
	}));
	const event = {
		title: v.title,
		kind: v.kind,
		summary: v.summary,
		body: v.body,
		starts_at: times.startsAt.toISOString(),
		ends_at: times.endsAt.toISOString(),
		all_day: v.allDay,
		rrule,
		venue_name: orNull(v.venueName),
		venue_address: orNull(v.venueAddress),
		online_url: orNull(v.onlineUrl),
		area_id: orNull(v.areaId),
		organization_id: orNull(v.organizationId),
		capacity: v.capacity === '' ? null : Number(v.capacity),
		registration_opens_at: v.registrationOpens
			? localDateTime(v.registrationOpens)!.toISOString()
			: null,
		registration_closes_at: v.registrationCloses
			? localDateTime(v.registrationCloses)!.toISOString()
			: null,
		waitlist_enabled: v.waitlist,
		audience_note: orNull(v.audienceNote),
		accessibility: orNull(v.accessibility),
		contact_name: orNull(v.contactName),
		contact_phone: orNull(v.contactPhone),
		contact_email: orNull(v.contactEmail),
		status
	};
	const { data, error } = await db.rpc('save_event', {
		p_id: id as string,
		p_event: event,
		p_field_ids: v.fieldIds,
		p_cohost_ids: v.cohostIds,
		p_occurrences: occurrences
	});
	if (error) dbFailure(error);
	return data;
}

const localInput = (iso: string | null) => (iso ? `${tokyoDateKey(iso)}T${formatTime(iso)}` : '');

/** The form as it was filled in for this event (edit, duplicate). */
export function formValuesOf(event: EventDetail): EventFormValues {
	const repeat = repeatOf(event.rrule);
	const lastDay = event.all_day
		? new Date(new Date(event.ends_at).getTime() - 1)
		: new Date(event.ends_at);
	const endDate = tokyoDateKey(lastDay);
	const date = tokyoDateKey(event.starts_at);
	return {
		title: event.title,
		kind: event.kind,
		summary: event.summary,
		body: event.body,
		date,
		allDay: event.all_day,
		startTime: event.all_day ? '' : formatTime(event.starts_at),
		endDate: endDate === date ? '' : endDate,
		endTime: event.all_day ? '' : formatTime(event.ends_at),
		repeat: repeat.repeat,
		repeatEnd: repeat.until ? 'until' : 'count',
		repeatCount: repeat.count ? String(repeat.count) : '',
		repeatUntil: repeat.until ?? '',
		venueName: event.venue_name ?? '',
		venueAddress: event.venue_address ?? '',
		onlineUrl: event.online_url ?? '',
		areaId: event.area_id ?? '',
		fieldIds: event.fields.map((f) => f.id),
		organizationId: event.organization_id ?? '',
		// still named, whether they accepted or not (a new one is invited when saved)
		cohostIds: [...event.cohosts, ...event.invitedCohosts].map((c) => c.id),
		capacity: event.capacity === null ? '' : String(event.capacity),
		registrationOpens: localInput(event.registration_opens_at),
		registrationCloses: localInput(event.registration_closes_at),
		waitlist: event.waitlist_enabled,
		audienceNote: event.audience_note ?? '',
		accessibility: event.accessibility ?? '',
		contactName: event.contact_name ?? '',
		contactPhone: event.contact_phone ?? '',
		contactEmail: event.contact_email ?? ''
	};
}
