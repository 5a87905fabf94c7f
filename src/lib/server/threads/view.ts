// What the thread page and an event's 「質問・コメント」 section both need:
// one page of posts as the viewer may see them, with what they may do to
// each (permissions.ts), the 主催者 badges, the quoted authors, earlier
// versions for coordinators and the people one can @mention; and writing a
// reply (rendered once, here, with its mentions).
import { z } from 'zod';
import type { AppRole } from '$lib/auth/roles';
import {
	canModerate,
	canWrite,
	postPermissions,
	threadPermissions,
	type Viewer
} from '$lib/permissions';
import type { Db } from '$lib/server/db/client';
import {
	findPost,
	postVersionsOf,
	readThreadPage,
	replyToThread,
	type PostVersion,
	type ThreadPage
} from '$lib/server/db/posts';
import {
	authorNames,
	readItemComments,
	threadParticipants,
	type ThreadDetail
} from '$lib/server/db/threads';
import { currentSuspension } from '$lib/server/moderation/current';
import { renderPost } from '$lib/server/posts/render';
import { quoteText, type ReplyInput } from '$lib/server/threads/forms';
import type { PostPermissions, ThreadFacts } from '$lib/permissions';
import { postHref, threadPageCount } from '$lib/threads/paging';
import type { PersonRef, PostView } from '$lib/threads/types';

export type { PostView };

export const threadFacts = (t: ThreadDetail): ThreadFacts => ({
	authorId: t.authorId,
	isQuestion: t.isQuestion,
	locked: t.locked,
	hidden: t.hiddenAt !== null,
	deleted: t.deletedAt !== null
});

/** The viewer as permissions.ts sees them, and their suspension in force (null: none). */
export async function viewerOf(db: Db, user: { id: string; role: AppRole } | null) {
	const viewer: Viewer = user ? { id: user.id, role: user.role } : null;
	const suspension = user ? await currentSuspension(user.id) : null;
	return { viewer, suspension };
}

/**
 * The @mention hint names at most this many people (a long thread has hundreds:
 * a wall of names under the form on a phone); 「ほか◯人」 says how many more.
 */
export const MENTION_HINT_MAX = 10;

type PostsPage = {
	posts: PostView[];
	participants: PersonRef[];
	/** participants not in `participants` (the hint names MENTION_HINT_MAX) */
	moreParticipants: number;
	bodies: Map<string, string | null>;
};

/**
 * One page of a thread as the viewer sees it, and who can be @mentioned
 * there: one request (readThreadPage).
 */
export async function loadPostsPage(
	db: Db,
	thread: ThreadDetail,
	page: number,
	viewer: Viewer,
	suspended: boolean,
	// the @mention hint under the reply form: only read when the form is shown
	opts: { participants: boolean }
): Promise<PostsPage> {
	const read = await readThreadPage(db, thread.id, page, {
		mentions: opts.participants ? MENTION_HINT_MAX : 0
	});
	return viewPostsPage(db, thread, read, viewer, suspended);
}

/** A page of posts read (readThreadPage, readItemComments) with what the viewer may do to each. */
async function viewPostsPage(
	db: Db,
	thread: ThreadDetail,
	read: ThreadPage,
	viewer: Viewer,
	suspended: boolean
): Promise<PostsPage> {
	// earlier versions of the page's edited posts, for those who moderate
	const versions = canModerate(viewer)
		? await postVersionsOf(
				db,
				read.posts.filter((s) => s.editedAt).map((s) => s.id)
			)
		: new Map<string, PostVersion[]>();
	const facts = threadFacts(thread);
	// posts the viewer may do the same with share one `can`: the page's data for the
	// browser writes a repeated object once (a sixth of an event page's data was `can`)
	const cans = new Map<string, PostPermissions>();
	const shared = (can: PostPermissions) => {
		const key = Object.values(can).join();
		const seen = cans.get(key);
		if (seen) return seen;
		cans.set(key, can);
		return can;
	};
	// the Markdown stays here: a page shows body_html, and only the edit form needs the source
	const bodies = new Map<string, string | null>();
	const posts = read.posts.map(({ body, ...s }) => {
		bodies.set(s.id, body);
		// added to the copy the destructuring made (a second copy was 2% of a thread page's CPU)
		return Object.assign(s, {
			can: shared(postPermissions(viewer, s, facts, suspended)),
			host: s.state === 'visible' && s.authorId !== null && read.hosts.has(s.authorId),
			answer: thread.solvedPostId === s.id,
			versions: versions.get(s.id) ?? []
		});
	});
	return {
		posts,
		participants: read.mentions,
		moreParticipants: Math.max(0, read.mentionCount - read.mentions.length),
		bodies
	};
}

export const threadCan = (thread: ThreadDetail, viewer: Viewer, suspended: boolean) =>
	threadPermissions(viewer, threadFacts(thread), suspended);

/** Writes a reply from a valid reply form: rendered with the thread's participants as mentions. */
export async function writeReply(db: Db, threadId: string, reply: ReplyInput) {
	const participants = await threadParticipants(db, threadId);
	const rendered = renderPost(reply.body, participants);
	return replyToThread(db, threadId, {
		body: reply.body,
		bodyHtml: rendered.html,
		quoteOf: reply.quoteOf || null,
		mentionedIds: rendered.mentions
	});
}

/**
 * The reply form of a thread (or an item's comment form), started with the
 * post `quoteId` quoted when it is one of the thread's that shows (?quote=):
 * what the form starts with, and whose post it quotes.
 */
export async function startReply(db: Db, threadId: string | null, quoteId: string | null) {
	const post =
		threadId && quoteId && z.uuid().safeParse(quoteId).success ? await findPost(db, quoteId) : null;
	const quoted =
		post && post.threadId === threadId && !post.deletedAt && !post.hiddenAt ? post : null;
	const names = quoted ? await authorNames(db, [quoted.authorId]) : null;
	return {
		start: { body: quoted ? quoteText(quoted.body) : '', quoteOf: quoted?.id ?? '' },
		quoting: quoted
			? {
					author: (quoted.authorId && names?.get(quoted.authorId)) || null,
					position: quoted.position
				}
			: null
	};
}

/**
 * An event's 「質問・コメント」: the latest comments of its thread (COMMENTS_SHOWN),
 * and the comment form. Nothing is made here: the thread is
 * made at the first comment (getOrCreateEventThread).
 */
export async function loadEventComments(
	db: Db,
	eventId: string,
	user: { id: string; role: AppRole; emailVerified?: boolean } | null,
	quoteId: string | null
) {
	return loadComments(db, { eventId }, user, quoteId);
}

/**
 * An item's page shows its latest comments, the form under them; the earlier
 * ones are on the thread's own pages (a phone scrolls past ten, not fifty).
 */
export const COMMENTS_SHOWN = 10;

/**
 * The same for any item's comment thread (an event's, a practice's), read by
 * the item's key (there is none while nobody has commented), beside the viewer's.
 */
export async function loadComments(
	db: Db,
	key: { eventId: string } | { practiceId: string },
	user: { id: string; role: AppRole; emailVerified?: boolean } | null,
	quoteId: string | null
) {
	// the viewer first (a page read takes the suspension from the session: no request), then
	// the thread and its last page in one request, with the @mention hint for anybody who may
	// write (dropped below when the thread turns out to be locked or closed to them)
	const { viewer, suspension } = await viewerOf(db, user);
	const suspended = suspension !== null;
	const comments = await readItemComments(db, key, {
		// one more than shown: the link to the earlier comments leads to it
		last: COMMENTS_SHOWN + 1,
		mentions: canWrite(viewer, suspended) ? MENTION_HINT_MAX : 0
	});
	const thread = comments?.thread ?? null;
	const threadId = thread?.id ?? null;
	const page = thread ? threadPageCount(thread.postCount) : 1;
	const can = thread
		? threadCan(thread, viewer, suspended)
		: { reply: canWrite(viewer, suspended) };
	const [shown, reply] = await Promise.all([
		comments
			? viewPostsPage(db, comments.thread, comments.page, viewer, suspended).then((s) =>
					can.reply ? s : { ...s, participants: [], moreParticipants: 0 }
				)
			: { posts: [], participants: [] as PersonRef[], moreParticipants: 0 },
		startReply(db, can.reply ? threadId : null, quoteId)
	]);
	const posts = shown.posts.slice(-COMMENTS_SHOWN);
	// where the earlier comments are: the last of them on its thread page
	const last = shown.posts.at(-posts.length - 1);
	const earlierHref =
		threadId && last
			? postHref(threadId, last.position, last.id)
			: threadId && page > 1
				? `/threads/${threadId}?page=${page - 1}`
				: null;
	return {
		threadId: thread?.id ?? null,
		page,
		posts,
		earlierHref,
		participants: shown.participants,
		moreParticipants: shown.moreParticipants,
		blocked: can.reply
			? user?.emailVerified === false
				? ('unverified' as const)
				: null
			: !user
				? ('signin' as const)
				: suspended
					? ('suspended' as const)
					: thread?.locked
						? ('locked' as const)
						: ('closed' as const),
		suspendedUntil: suspension?.until ?? null,
		start: reply.start,
		quoting: reply.quoting
	};
}
