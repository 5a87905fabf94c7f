// Loading an event for its organisers' pages (attendee list, CSV). The server
// check mirrors private.can_manage_event so that others get a clear 403; RLS
// on registrations is the real guard.
import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { isCoordinator } from '$lib/auth/roles';
import type { SessionUser } from '$lib/server/auth/session';
import type { Db } from '$lib/server/db/client';
import { findEvent, listEventOccurrences, type EventDetail, type Occurrence } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';

/** The organiser, owners/editors of the organizing or a co-hosting organization, coordinators and admins. */
export async function canManageEvent(db: Db, event: Pick<EventDetail, 'id' | 'organizer_id' | 'organization_id'>, user: SessionUser) {
	if (event.organizer_id === user.id || isCoordinator(user.role)) return true;
	const cohosts = await db.from('event_cohosts').select('organization_id').eq('event_id', event.id);
	if (cohosts.error) throw new Error(cohosts.error.message);
	const orgIds = [event.organization_id, ...cohosts.data.map((c) => c.organization_id)].filter(
		(id): id is string => id !== null
	);
	if (orgIds.length === 0) return false;
	const { data, error: dbError } = await db
		.from('organization_members')
		.select('organization_id')
		.eq('user_id', user.id)
		.in('organization_id', orgIds)
		.in('role', ['owner', 'editor'])
		.limit(1);
	if (dbError) throw new Error(dbError.message);
	return data.length > 0;
}

/**
 * The event of /events/[id]/attendees… with its occurrences; 404 when RLS
 * hides it, 403 for anybody who does not manage it (signed out included).
 */
export async function loadManagedEvent(eventId: string) {
	const { locals } = getRequestEvent();
	const db = requestDb();
	const event = await findEvent(db, eventId);
	if (!event) error(404, 'Not Found');
	if (!locals.user || !(await canManageEvent(db, event, locals.user))) error(403, 'Forbidden');
	const occurrences = await listEventOccurrences(db, eventId);
	return { db, event, occurrences };
}

/**
 * The occurrence asked for with ?occurrence=, else the next one that has not
 * ended (a scheduled one first), else the last; undefined when the id is not
 * one of this event's.
 */
export function pickOccurrence(occurrences: Occurrence[], requested: string | null, now = new Date()) {
	if (requested) return occurrences.find((o) => o.id === requested);
	const upcoming = occurrences.filter((o) => new Date(o.ends_at) > now);
	return upcoming.find((o) => o.status === 'scheduled') ?? upcoming[0] ?? occurrences.at(-1);
}
