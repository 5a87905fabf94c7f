// The organizations the signed-in person belongs to, for what a page decides
// with them (who manages an event, which organizations a form offers). A page
// read (GET) takes them from the session's status (validate_session reads
// them with the session: no request); after a form's action (POST) they are
// read again, as the action may have changed them.
import { getRequestEvent } from '$app/server';
import type { Membership } from '$lib/orgs/types';
import { editsFor } from '$lib/permissions';
import { statusIsCurrent } from '$lib/server/auth/status';
import type { Db } from '$lib/server/db/client';
import { listMemberships } from '$lib/server/db/orgs';

export function myMemberships(db: Db, userId: string): Promise<Membership[]> {
	const { locals } = getRequestEvent();
	if (statusIsCurrent() && locals.status && locals.user?.id === userId)
		return Promise.resolve(locals.status.memberships);
	return listMemberships(db, userId);
}

/** The organizations the person edits for (owner or editor), as a set of ids. */
export async function editedOrganizations(db: Db, userId: string): Promise<Set<string>> {
	const memberships = await myMemberships(db, userId);
	return new Set(memberships.filter((mb) => editsFor(mb.role)).map((mb) => mb.id));
}
