// Turning a checked event form into one save_event call (event, fields,
// co-hosts and every occurrence in one transaction), and back into a form.
import { isEventKind } from '$lib/events/kinds';
import { buildRrule, expandRrule, repeatOf } from '$lib/events/recurrence';
import type { EventFormValues, EventStatus } from '$lib/events/types';
import { formatTime, tokyoDateKey } from '$lib/format';
import type { Db } from '$lib/server/db/client';
import { saveEvent, type EventDetail } from '$lib/server/db/events';
import type { Refusable } from '$lib/server/db/errors';
import { eventTimes, localDateTime, repeatInput } from './forms';

const orNull = (v: string) => (v === '' ? null : v);
const instant = (local: string) => localDateTime(local)?.toISOString() ?? null;

/** Saves a checked form as a new event (id null) or over an existing one: its id, or why not. */
export async function saveEventForm(
	db: Db,
	id: string | null,
	v: EventFormValues,
	status: EventStatus
): Promise<Refusable<{ id: string }, 'suspended' | 'unverified'>> {
	const times = eventTimes(v);
	if (!times || !isEventKind(v.kind)) throw new Error('saveEventForm needs a validated form');
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
		registration_opens_at: v.registrationOpens ? instant(v.registrationOpens) : null,
		registration_closes_at: v.registrationCloses ? instant(v.registrationCloses) : null,
		waitlist_enabled: v.waitlist,
		audience_note: orNull(v.audienceNote),
		accessibility: orNull(v.accessibility),
		contact_name: orNull(v.contactName),
		contact_phone: orNull(v.contactPhone),
		contact_email: orNull(v.contactEmail),
		fee: orNull(v.fee),
		belongings: orNull(v.belongings),
		how_to_apply: orNull(v.howToApply),
		deadline_note: orNull(v.deadlineNote),
		status,
		place_id: orNull(v.placeId)
	};
	return saveEvent(db, id, event, { fieldIds: v.fieldIds, cohostIds: v.cohostIds }, occurrences);
}

const localInput = (iso: string | null) => (iso ? `${tokyoDateKey(iso)}T${formatTime(iso)}` : '');

/** The form as it was filled in for this event (edit, duplicate). */
export function formValuesOf(event: EventDetail): EventFormValues {
	const repeat = repeatOf(event.rrule);
	const lastDay = event.allDay
		? new Date(new Date(event.endsAt).getTime() - 1)
		: new Date(event.endsAt);
	const endDate = tokyoDateKey(lastDay);
	const date = tokyoDateKey(event.startsAt);
	return {
		title: event.title,
		kind: event.kind,
		summary: event.summary,
		body: event.body,
		date,
		allDay: event.allDay,
		startTime: event.allDay ? '' : formatTime(event.startsAt),
		endDate: endDate === date ? '' : endDate,
		endTime: event.allDay ? '' : formatTime(event.endsAt),
		repeat: repeat.repeat,
		repeatEnd: repeat.until ? 'until' : 'count',
		repeatCount: repeat.count ? String(repeat.count) : '',
		repeatUntil: repeat.until ?? '',
		placeId: event.place?.id ?? '',
		venueName: event.venueName ?? '',
		venueAddress: event.venueAddress ?? '',
		onlineUrl: event.onlineUrl ?? '',
		areaId: event.areaId ?? '',
		fieldIds: event.fields.map((f) => f.id),
		organizationId: event.organizationId ?? '',
		// still named, whether they accepted or not (a new one is invited when saved)
		cohostIds: [...event.cohosts, ...event.invitedCohosts].map((c) => c.id),
		capacity: event.capacity === null ? '' : String(event.capacity),
		registrationOpens: localInput(event.registrationOpensAt),
		registrationCloses: localInput(event.registrationClosesAt),
		waitlist: event.waitlistEnabled,
		audienceNote: event.audienceNote ?? '',
		accessibility: event.accessibility ?? '',
		contactName: event.contactName ?? '',
		contactPhone: event.contactPhone ?? '',
		contactEmail: event.contactEmail ?? '',
		fee: event.fee ?? '',
		belongings: event.belongings ?? '',
		howToApply: event.howToApply ?? '',
		deadlineNote: event.deadlineNote ?? ''
	};
}
