import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { isCoordinator } from '$lib/auth/roles';
import { findOrganization, listMembers } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';

/** The organization of /orgs/[slug]/… with its members and what the viewer may do; 404 when RLS hides it. */
export async function loadOrganization(slug: string) {
	const { locals } = getRequestEvent();
	const db = requestDb();
	const org = await findOrganization(db, slug);
	if (!org) error(404, 'Not Found');
	const members = await listMembers(db, org.id);
	const myRole = members.find((mb) => mb.userId === locals.user?.id)?.role ?? null;
	const coordinator = isCoordinator(locals.user?.role);
	return {
		org,
		members,
		myRole,
		can: {
			edit: myRole === 'owner' || myRole === 'editor' || coordinator,
			manageMembers: myRole === 'owner',
			moderate: coordinator
		}
	};
}
