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

// ---------------------------------------------------------------------------
// Threads, posts and moderation (issue 10). `suspended`: the viewer is
// suspended (private.refuse_suspended refuses their writes).

/** A thread as the rules need it. */
export interface ThreadFacts {
	authorId: string | null;
	isQuestion: boolean;
	locked: boolean;
	hidden: boolean;
	deleted: boolean;
}

/** A post as the rules need it. */
export interface PostFacts {
	authorId: string | null;
	position: number;
	state: 'visible' | 'hidden' | 'deleted';
}

/** Starting a thread or reporting something: signed in and not suspended. */
export const canWrite = (viewer: Viewer, suspended: boolean) => viewer !== null && !suspended;

/** What the viewer may do on a thread's page. Mirrors the triggers and policies on threads and posts. */
export function threadPermissions(viewer: Viewer, thread: ThreadFacts, suspended: boolean) {
	const open = !thread.locked && !thread.hidden && !thread.deleted;
	const mine = viewer !== null && thread.authorId === viewer.id;
	return {
		/** write a post (posts_write_insert: not locked, hidden or deleted; refuse_suspended) */
		reply: canWrite(viewer, suspended) && open,
		/** follow or stop following (set_thread_following: any signed-in person who sees it) */
		follow: viewer !== null,
		/** mark a reply as the answer (mark_solved: a question's author or a coordinator) */
		markSolved:
			viewer !== null &&
			thread.isQuestion &&
			!thread.hidden &&
			!thread.deleted &&
			(mine || canModerate(viewer)),
		/** report the thread (not one's own) */
		report: canWrite(viewer, suspended) && !mine && !thread.hidden && !thread.deleted,
		/** hide, restore, lock, unlock (coordinators) */
		moderate: canModerate(viewer)
	};
}
export type ThreadPermissions = ReturnType<typeof threadPermissions>;

/** What the viewer may do with one post of a thread. Mirrors thread_posts and the policies on posts. */
export function postPermissions(
	viewer: Viewer,
	post: PostFacts,
	thread: ThreadFacts,
	suspended: boolean
) {
	const mine = viewer !== null && post.authorId === viewer.id;
	const onThread = threadPermissions(viewer, thread, suspended);
	const visible = post.state === 'visible';
	return {
		/** its text: a hidden post's only for its author and coordinators, a deleted post's for nobody */
		readText: visible || (post.state === 'hidden' && (mine || canModerate(viewer))),
		/** edit (the author, while it shows, in an open thread, not suspended) */
		edit: mine && visible && onThread.reply,
		/** delete (the author, while it shows; suspended or locked included) */
		delete: mine && visible,
		/** quote it in a reply */
		quote: visible && onThread.reply,
		/** report it (not one's own) */
		report: visible && !mine && canWrite(viewer, suspended),
		/** mark it as the answer (a reply that shows) */
		markSolved: onThread.markSolved && visible && post.position > 1,
		/** hide it (coordinators; a deleted post stays deleted) */
		hide: canModerate(viewer) && visible,
		/** restore it (coordinators) */
		restore: canModerate(viewer) && post.state === 'hidden',
		/** its earlier versions (post_versions: coordinators) */
		seeVersions: canModerate(viewer)
	};
}
export type PostPermissions = ReturnType<typeof postPermissions>;

/**
 * Whether the viewer may do anything with one of these posts, reading aside: a page's load
 * imports what one may do with a post (PostActions) only then.
 */
export const anyPostAction = (posts: { can: PostPermissions }[]) =>
	posts.some(
		({ can: c }) =>
			c.quote ||
			c.edit ||
			c.delete ||
			c.markSolved ||
			c.report ||
			c.hide ||
			c.restore ||
			c.seeVersions
	);

// ---------------------------------------------------------------------------
// Practices (issue 12). `editorOf`: the organizations the viewer is an owner
// or editor of. Mirrors the policy on practices and the checks in
// save_practice, submit_practice, publish_practice, return_practice and
// set_featured_practices (supabase/migrations/20261209000000_practices.sql).

/** A practice as the rules need it. */
export interface PracticeFacts {
	status: 'draft' | 'submitted' | 'returned' | 'published';
	leadOrganizationId: string;
}

/** Writing a practice for an organization (save_practice: its owners and editors, and coordinators). */
export const canWritePracticeFor = (
	viewer: Viewer,
	organizationId: string,
	editorOf: ReadonlySet<string>,
	suspended = false
) => viewer !== null && !suspended && (editorOf.has(organizationId) || canModerate(viewer));

/** What the viewer may do with one practice. */
export function practicePermissions(
	viewer: Viewer,
	practice: PracticeFacts,
	editorOf: ReadonlySet<string>,
	suspended = false
) {
	const editor = viewer !== null && editorOf.has(practice.leadOrganizationId);
	const coordinator = canModerate(viewer);
	return {
		/** read it (RLS: published for everyone; otherwise its editors and coordinators) */
		view: practice.status === 'published' || editor || coordinator,
		/** edit it, also once published (save_practice) */
		edit: canWritePracticeFor(viewer, practice.leadOrganizationId, editorOf, suspended),
		/** 提出する (submit_practice: the lead organization's editors, a draft or a returned one) */
		submit: editor && !suspended && (practice.status === 'draft' || practice.status === 'returned'),
		/** 公開する / 差し戻す (coordinators, a submitted one) */
		review: coordinator && practice.status === 'submitted',
		/** choose it for the home page (coordinators, a published one) */
		feature: coordinator && practice.status === 'published'
	};
}
export type PracticePermissions = ReturnType<typeof practicePermissions>;

// Reading a practice (issue 12): what its page offers the viewer. RLS decides
// who sees a practice at all (drafts: the lead organization's editors and
// coordinators); practice_thread and inspire_thread refuse the same as here.
export function practiceReadPermissions(
	viewer: Viewer,
	practice: { status: string },
	suspended: boolean
) {
	const open = practice.status === 'published';
	return {
		/** its comment thread and 「うちでもやってみたい」 exist only once it is published */
		open,
		/** write a comment (made at the first one) */
		comment: open && canWrite(viewer, suspended),
		/** 「うちでもやってみたい」: open a thread in one's own area */
		inspire: open && canWrite(viewer, suspended)
	};
}
// ---------------------------------------------------------------------------
// Recognition (issue 12): awards, nominations, thanks, programmes.

/** Give, change and delete awards, review nominations, make programmes (RLS: coordinators). */
export const canAward = (viewer: Viewer) => canModerate(viewer);

/** Nominate a practice or an organization: signed in and not suspended (nominations_write). */
export const canNominate = (viewer: Viewer, suspended: boolean) => canWrite(viewer, suspended);

/** A thanks recipient as the rules need it: a person, or what an organization stands behind. */
export type ThanksRecipientFacts =
	| { kind: 'person'; profileId: string }
	/** an organization, or a practice (its lead organization) */
	| { kind: 'organization' | 'practice'; organizationId: string };

/**
 * Whether the viewer may thank this recipient now: 'can', 'own' (oneself, an
 * organization one belongs to or its practice), 'today' (thanked it already
 * this Tokyo day), or null (signed out or suspended: no button).
 * `memberOf`: the organizations the viewer belongs to (any role).
 * Mirrors private.thanks_write.
 */
export function thanksPermission(
	viewer: Viewer,
	recipient: ThanksRecipientFacts,
	memberOf: ReadonlySet<string>,
	thankedToday: boolean,
	suspended: boolean
): 'can' | 'own' | 'today' | null {
	if (!canWrite(viewer, suspended) || !viewer) return null;
	const own =
		recipient.kind === 'person'
			? recipient.profileId === viewer.id
			: memberOf.has(recipient.organizationId);
	if (own) return 'own';
	return thankedToday ? 'today' : 'can';
}

/** Who reads a nomination: its nominator and coordinators (RLS on nominations). */
export const canReadNomination = (viewer: Viewer, nominatorId: string) =>
	viewer !== null && (viewer.id === nominatorId || canModerate(viewer));

/** Who reads a programme: everybody once it is public, coordinators always (RLS on programmes). */
export const canReadProgramme = (viewer: Viewer, isPublic: boolean) =>
	isPublic || canModerate(viewer);

// ---------------------------------------------------------------------------
// Places (issue 15). Mirrors private.keeps_places_of and the functions of
// supabase/migrations/20261215000000_places.sql: an organization's owners and
// editors keep its places, coordinators keep every place (a place without an
// organization is theirs alone). `editorOf`: the organizations the viewer is
// an owner or editor of.

/** Writing a place that belongs (or will belong) to this organization, or to none (null). */
export const canKeepPlaceOf = (
	viewer: Viewer,
	organizationId: string | null,
	editorOf: ReadonlySet<string>,
	suspended = false
) =>
	viewer !== null &&
	!suspended &&
	(canModerate(viewer) || (organizationId !== null && editorOf.has(organizationId)));

/** What the viewer may do with one place. */
export function placePermissions(
	viewer: Viewer,
	place: { organizationId: string | null; published: boolean },
	editorOf: ReadonlySet<string>,
	suspended = false
) {
	const keeper = canKeepPlaceOf(viewer, place.organizationId, editorOf);
	return {
		/** edit it, confirm it, read and resolve its corrections */
		keep: keeper && !suspended,
		/** report that something changed (report_place_correction: a signed-in member, a published place) */
		report: place.published && canWrite(viewer, suspended),
		/** add a place at all: an editor of some organization, or a coordinator */
		create: canWrite(viewer, suspended) && (editorOf.size > 0 || canModerate(viewer))
	};
}
export type PlacePermissions = ReturnType<typeof placePermissions>;
