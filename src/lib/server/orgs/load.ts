import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { isCoordinator } from '$lib/auth/roles';
import { countMembers, findOrganization, listMembers } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';

/** The organization of /orgs/[slug]/… with the members the viewer may see and what they may do; 404 when RLS hides it. */
export async function loadOrganization(slug: string) {
	const { locals } = getRequestEvent();
	const db = requestDb();
	const org = await findOrganization(db, slug);
	if (!org) error(404, 'Not Found');
	// RLS shows a person their own membership even when their profile is not listed
	const [members, memberCount] = await Promise.all([
		listMembers(db, org.id),
		countMembers(db, org.id)
	]);
	const myRole = members.find((mb) => mb.userId === locals.user?.id)?.role ?? null;
	const coordinator = isCoordinator(locals.user?.role);
	return {
		org,
		members,
		/** all members, also those not in `members` */
		memberCount: Math.max(memberCount, members.length),
		myRole,
		can: {
			edit: myRole === 'owner' || myRole === 'editor' || coordinator,
			manageMembers: myRole === 'owner',
			moderate: coordinator
		}
	};
}
