import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { isCoordinator } from '$lib/auth/roles';
import type { Db } from '$lib/server/db/client';
import { findEvent, type EventDetail } from '$lib/server/db/events';
import { listMemberships } from '$lib/server/db/orgs';

/**
 * Whether the viewer organises this event (the UI's view of
 * private.can_manage_event; RLS remains the real guard).
 */
export async function canManageEvent(db: Db, event: Pick<EventDetail, 'organizer_id' | 'organization_id' | 'cohosts'>) {
	const { locals } = getRequestEvent();
	const user = locals.user;
	if (!user) return false;
	if (isCoordinator(user.role) || event.organizer_id === user.id) return true;
	const editable = new Set(
		(await listMemberships(db, user.id)).filter((mb) => mb.role !== 'member').map((mb) => mb.id)
	);
	return (
		(event.organization_id !== null && editable.has(event.organization_id)) ||
		event.cohosts.some((c) => editable.has(c.id))
	);
}

/** The event for an organiser's page; 404 when RLS hides it, 403 when not theirs. */
export async function loadManagedEvent(db: Db, id: string) {
	const event = await findEvent(db, id);
	if (!event) error(404, 'Not Found');
	if (!(await canManageEvent(db, event))) error(403, 'Forbidden');
	return event;
}
