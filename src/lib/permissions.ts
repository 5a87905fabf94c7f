// What a person may do, as pure functions of who they are and what roles they
// hold. Loads and actions use them to decide what a page shows and to answer
// 403 early. PostgreSQL's RLS (supabase/migrations) is the real guard and has
// the same rules: tests/unit/permissions.test.ts mirrors the RLS tests, so a
// change here without a migration (or the other way round) shows up there.
import { isCoordinator, type AppRole } from '$lib/auth/roles';

export type OrgRole = 'owner' | 'editor' | 'member';

/** The signed-in person (null when signed out). */
export type Viewer = { id: string; role: AppRole } | null;

/** Owners and editors edit an organization, publish for it and answer its co-host requests. */
export const editsFor = (role: OrgRole | null | undefined) => role === 'owner' || role === 'editor';

export const canModerate = (viewer: Viewer) => isCoordinator(viewer?.role);

export const canAdminister = (viewer: Viewer) => viewer?.role === 'admin';

/** What the viewer may do on an organization's pages, given their role in it (null: none). */
export function orgPermissions(viewer: Viewer, myRole: OrgRole | null) {
	return {
		/** the profile, areas and fields (RLS: editors and coordinators) */
		edit: editsFor(myRole) || canModerate(viewer),
		/** invitations, roles, removal, ownership (RLS: owners) */
		manageMembers: myRole === 'owner',
		/** accept or decline being named co-host of an event */
		answerCohosts: editsFor(myRole),
		/** publish an event for it (RLS: private.guard_event_write, editors and coordinators) */
		publishEvents: editsFor(myRole) || canModerate(viewer),
		/** verify and hide (RLS: coordinators) */
		moderate: canModerate(viewer),
		/** leave the organization (members remove themselves) */
		leave: viewer !== null && myRole !== null
	};
}
export type OrgPermissions = ReturnType<typeof orgPermissions>;

/**
 * Who manages an event (edits it, sees its attendees): its organiser,
 * coordinators, and owners or editors of its organization or of a co-host
 * that accepted. `editorOf`: the organizations the viewer edits for.
 * Mirrors private.can_manage_event.
 */
export function canManageEvent(
	viewer: Viewer,
	event: { organizerId: string; organizationId: string | null; cohostIds: readonly string[] },
	editorOf: ReadonlySet<string>
): boolean {
	if (!viewer) return false;
	if (viewer.id === event.organizerId || isCoordinator(viewer.role)) return true;
	return [event.organizationId, ...event.cohostIds].some((id) => id !== null && editorOf.has(id));
}

/** True when the organization would be left without an owner if `userId` stopped being one. */
export function isLastOwner(
	members: readonly { userId: string; role: OrgRole }[],
	userId: string
): boolean {
	const owners = members.filter((mb) => mb.role === 'owner');
	return owners.length === 1 && owners[0].userId === userId;
}
