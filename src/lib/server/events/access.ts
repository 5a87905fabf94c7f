// Who manages an event, as pages see it: permissions.canManageEvent (the
// organiser, coordinators, owners and editors of the organizing or an
// accepted co-hosting organization) with the organizations the viewer edits
// for. It mirrors private.can_manage_event so that others get a clear 403;
// RLS stays the real guard.
import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { canManageEvent, type Viewer } from '$lib/permissions';
import type { Db } from '$lib/server/db/client';
import { findEvent, type EventDetail } from '$lib/server/db/events';
import { editedOrganizations } from '$lib/server/orgs/memberships';

/** True when the viewer manages the event; asks for their roles only when an organization decides it. */
export async function managesEvent(
	db: Db,
	event: Pick<EventDetail, 'organizerId' | 'organizationId' | 'cohosts'>,
	viewer: Viewer
): Promise<boolean> {
	const subject = {
		organizerId: event.organizerId,
		organizationId: event.organizationId,
		cohostIds: event.cohosts.map((c) => c.id)
	};
	if (canManageEvent(viewer, subject, new Set())) return true;
	if (!viewer || (subject.organizationId === null && subject.cohostIds.length === 0)) return false;
	return canManageEvent(viewer, subject, await editedOrganizations(db, viewer.id));
}

/** The event for an organiser's page; 404 when RLS hides it, 403 for anybody who does not manage it. */
export async function loadManagedEvent(db: Db, id: string): Promise<EventDetail> {
	const { locals } = getRequestEvent();
	const event = await findEvent(db, id);
	if (!event) error(404, 'Not Found');
	if (!(await managesEvent(db, event, locals.user))) error(403, 'Forbidden');
	return event;
}
