import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { orgPermissions, type Viewer } from '$lib/permissions';
import {
	findOrganizationPage,
	findOrganizationWithMembers,
	type OrgMember
} from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';

/**
 * The organization of /orgs/[slug]/… with the members the viewer may see, the
 * viewer's role and what they may do (orgPermissions); 404 when RLS hides it.
 */
export async function loadOrganization(slug: string) {
	// RLS shows a person their own membership even when their profile is not listed
	return withViewer(await findOrganizationWithMembers(requestDb(), slug));
}

/** The same for the organization's own page, with its awards and places: one request. */
export async function loadOrganizationPage(slug: string) {
	return withViewer(await findOrganizationPage(requestDb(), slug));
}

function withViewer<T extends { members: OrgMember[]; memberCount: number }>(found: T | null) {
	if (!found) error(404, 'Not Found');
	const { locals } = getRequestEvent();
	const viewer: Viewer = locals.user ? { id: locals.user.id, role: locals.user.role } : null;
	const myRole = found.members.find((mb) => mb.userId === viewer?.id)?.role ?? null;
	return {
		...found,
		/** all members, also those not in `members` */
		memberCount: Math.max(found.memberCount, found.members.length),
		viewer,
		myRole,
		can: orgPermissions(viewer, myRole)
	};
}
