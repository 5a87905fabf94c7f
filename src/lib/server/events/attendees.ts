// Loading an event for its organisers' pages (attendee list, CSV); who may see
// them is decided in ./access.ts, and RLS on registrations is the real guard.
import { listEventOccurrences, type Occurrence } from '$lib/server/db/events';
import type { Attendee } from '$lib/server/db/registrations';
import { requestDb } from '$lib/server/db/request';
import { loadManagedEvent } from './access';

/**
 * The event of /events/[id]/attendees… with its occurrences; 404 when RLS
 * hides it, 403 for anybody who does not manage it (signed out included).
 */
export async function loadManagedEventWithOccurrences(eventId: string) {
	const db = requestDb();
	const event = await loadManagedEvent(db, eventId);
	const occurrences = await listEventOccurrences(db, eventId);
	return { db, event, occurrences };
}

/**
 * The occurrence asked for with ?occurrence=, else the next one that has not
 * ended (a scheduled one first), else the last; undefined when the id is not
 * one of this event's.
 */
export function pickOccurrence(
	occurrences: Occurrence[],
	requested: string | null,
	now = new Date()
) {
	if (requested) return occurrences.find((o) => o.id === requested);
	const upcoming = occurrences.filter((o) => new Date(o.endsAt) > now);
	return upcoming.find((o) => o.status === 'scheduled') ?? upcoming[0] ?? occurrences.at(-1);
}

export interface AttendeeGroups {
	going: Attendee[];
	/** in the order they would be promoted */
	waitlisted: Attendee[];
	cancelled: Attendee[];
	/** people counted against capacity: the going ones and their companions */
	goingPeople: number;
}

export function groupAttendees(attendees: Attendee[]): AttendeeGroups {
	const going = attendees.filter((a) => a.status === 'going');
	return {
		going,
		waitlisted: attendees.filter((a) => a.status === 'waitlisted'),
		cancelled: attendees.filter((a) => a.status === 'cancelled'),
		goingPeople: going.reduce((sum, a) => sum + 1 + a.companions, 0)
	};
}
