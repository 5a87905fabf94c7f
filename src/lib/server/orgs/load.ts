import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { orgPermissions, type Viewer } from '$lib/permissions';
import { findOrganizationWithMembers } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';

/**
 * The organization of /orgs/[slug]/… with the members the viewer may see, the
 * viewer's role and what they may do (orgPermissions); 404 when RLS hides it.
 */
export async function loadOrganization(slug: string) {
	const { locals } = getRequestEvent();
	// RLS shows a person their own membership even when their profile is not listed
	const found = await findOrganizationWithMembers(requestDb(), slug);
	if (!found) error(404, 'Not Found');
	const { org, members, memberCount } = found;
	const viewer: Viewer = locals.user ? { id: locals.user.id, role: locals.user.role } : null;
	const myRole = members.find((mb) => mb.userId === viewer?.id)?.role ?? null;
	return {
		org,
		members,
		/** all members, also those not in `members` */
		memberCount: Math.max(memberCount, members.length),
		viewer,
		myRole,
		can: orgPermissions(viewer, myRole)
	};
}
