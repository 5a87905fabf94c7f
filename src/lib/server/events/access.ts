// Who organises an event, as the UI sees it: the organiser, owners/editors of
// the organizing or a co-hosting organization, coordinators and admins. This
// mirrors private.can_manage_event so that others get a clear 403; RLS stays
// the real guard.
import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { isCoordinator } from '$lib/auth/roles';
import type { SessionUser } from '$lib/server/auth/session';
import type { Db } from '$lib/server/db/client';
import { findEvent, type EventDetail } from '$lib/server/db/events';
import { dbFailure } from '$lib/server/db/errors';

export async function canManageEvent(
	db: Db,
	event: Pick<EventDetail, 'organizer_id' | 'organization_id' | 'cohosts'>,
	user: SessionUser | null
) {
	if (!user) return false;
	if (event.organizer_id === user.id || isCoordinator(user.role)) return true;
	const orgIds = [event.organization_id, ...event.cohosts.map((c) => c.id)].filter(
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
	if (dbError) dbFailure(dbError);
	return data.length > 0;
}

/** The event for an organiser's page; 404 when RLS hides it, 403 for anybody who does not organise it. */
export async function loadManagedEvent(db: Db, id: string) {
	const { locals } = getRequestEvent();
	const event = await findEvent(db, id);
	if (!event) error(404, 'Not Found');
	if (!(await canManageEvent(db, event, locals.user))) error(403, 'Forbidden');
	return event;
}
