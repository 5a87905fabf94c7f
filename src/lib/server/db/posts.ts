// Posts (投稿) of a thread: a page of them, replying, editing and deleting
// one's own, and a post's earlier versions. The database numbers the posts
// (never reusing a position), keeps the rate limits and refuses locked,
// hidden and deleted threads with a hint. body_html is the sanitised HTML the
// server rendered from body when it was written (src/lib/server/posts/render.ts);
// it is stored as given and shown with {@html} (see docs/ARCHITECTURE.md).
import type { Db } from '$lib/server/db/client';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import { POSTS_PER_PAGE, postPageOf } from '$lib/threads/paging';
import type { PersonRef, PostSlot, PostState, PostVersion } from '$lib/threads/types';

export { POSTS_PER_PAGE, postPageOf };
export type { PostSlot, PostState, PostVersion };

export const BODY_MAX = 20000;

const isState = (v: string): v is PostState => v === 'visible' || v === 'hidden' || v === 'deleted';

/** A post row as thread_page returns it (thread_posts' columns). */
interface PostRow {
	post_position: number;
	id: string;
	author_id: string | null;
	author_name: string | null;
	created_at: string;
	edited_at: string | null;
	quote_of: string | null;
	quote_position: number | null;
	quote_author_name: string | null;
	state: string;
	hidden_reason: string | null;
	body: string | null;
	body_html: string | null;
}

/** What thread_page returns (the generated types call a jsonb result `Json`). */
export interface ThreadPageJson {
	posts: PostRow[];
	hosts: string[];
	mentions: { user_id: string; display_name: string }[];
	mention_count: number;
}

/** One page of a thread, who of its writers organise its event, and whom one can @mention. */
export interface ThreadPage {
	posts: PostSlot[];
	/** writers of these posts who organise the thread's event (the 主催者 badge) */
	hosts: Set<string>;
	/** the first `mentions` people one can @mention (never the reader): the latest writers first */
	mentions: PersonRef[];
	/** how many people one can @mention in all */
	mentionCount: number;
}

/**
 * One page (POSTS_PER_PAGE positions) of a thread in one request
 * (thread_page): every position in order as the viewer may see it (a hidden
 * post's text only for its author and coordinators, a deleted post's for
 * nobody), or only the last `last` of them; the 主催者 among their writers; and
 * the first `mentions` of the people one can @mention (0: none read). Empty
 * when the thread is not visible to the viewer or the page is past its end.
 */
export async function readThreadPage(
	db: Db,
	threadId: string,
	page: number,
	opts: { last?: number; mentions: number }
): Promise<ThreadPage> {
	const { data, error } = await db.rpc('thread_page', {
		p_thread: threadId,
		p_page: Math.max(1, Math.floor(page)),
		p_last: opts.last,
		p_mentions: opts.mentions
	});
	if (error) dbFailure(error);
	// the generated types call a jsonb result `Json`: this is what thread_page writes
	const json: unknown = data;
	return threadPageOf(json as ThreadPageJson);
}

/** thread_page's result as the pages use it (item_comments holds one too). */
export const threadPageOf = (result: ThreadPageJson): ThreadPage => ({
	posts: result.posts.map((p) => ({
		id: p.id,
		position: p.post_position,
		state: isState(p.state) ? p.state : 'hidden',
		authorId: p.author_id,
		authorName: p.author_name,
		createdAt: p.created_at,
		editedAt: p.edited_at,
		quoteOf: p.quote_of,
		quotePosition: p.quote_position,
		quoteAuthor: p.quote_author_name,
		hiddenReason: p.hidden_reason,
		body: p.body,
		bodyHtml: p.body_html
	})),
	hosts: new Set(result.hosts),
	mentions: result.mentions.map((p) => ({ id: p.user_id, displayName: p.display_name })),
	mentionCount: result.mention_count
});

export interface PostRef {
	id: string;
	threadId: string;
	position: number;
	/** the page of the thread it is on */
	page: number;
	authorId: string | null;
	body: string;
	createdAt: string;
	editedAt: string | null;
	deletedAt: string | null;
	hiddenAt: string | null;
}

/**
 * A post as the posts table shows it to the viewer (RLS: showing posts of
 * visible threads, one's own, everything for coordinators), or null. For the
 * edit form and to send a person to where a post is.
 */
export async function findPost(db: Db, postId: string): Promise<PostRef | null> {
	const { data, error } = await db
		.from('posts')
		.select(
			'id, thread_id, position, author_id, body, created_at, edited_at, deleted_at, hidden_at'
		)
		.eq('id', postId)
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	return {
		id: data.id,
		threadId: data.thread_id,
		position: data.position,
		page: postPageOf(data.position),
		authorId: data.author_id,
		body: data.body,
		createdAt: data.created_at,
		editedAt: data.edited_at,
		deletedAt: data.deleted_at,
		hiddenAt: data.hidden_at
	};
}

export interface NewPost {
	/** Markdown as written */
	body: string;
	/** the sanitised HTML rendered from it (renderPost) */
	bodyHtml: string;
	/** a post of the same thread this one quotes */
	quoteOf?: string | null;
	/** user ids the renderer found as @mentions; the database keeps only the thread's participants */
	mentionedIds?: string[];
}

export type ReplyRefusal =
	| 'not_found'
	| 'locked'
	| 'gone'
	| 'post_rate'
	| 'too_many_links'
	| 'suspended'
	| 'bad_length'
	| 'unverified';

/**
 * Writes a post in the thread (a plain insert under RLS; the database numbers
 * it under the thread's row lock). Returns where it is: its position and page.
 */
export async function replyToThread(
	db: Db,
	threadId: string,
	post: NewPost
): Promise<Refusable<{ id: string; position: number; page: number }, ReplyRefusal>> {
	const { data, error } = await db
		.from('posts')
		.insert({
			thread_id: threadId,
			body: post.body,
			body_html: post.bodyHtml,
			quote_of: post.quoteOf ?? null,
			mentioned_ids: post.mentionedIds ?? []
		})
		.select('id, position')
		.single();
	if (error) {
		// the policy refuses a thread the person cannot see (the trigger names the other cases)
		if (error.code === '42501' && !error.hint) return { ok: false, refusal: 'not_found' };
		return refused(error, [
			'not_found',
			'locked',
			'gone',
			'post_rate',
			'too_many_links',
			'suspended',
			'bad_length',
			'unverified'
		]);
	}
	return { ok: true, id: data.id, position: data.position, page: postPageOf(data.position) };
}

export type EditRefusal =
	'not_found' | 'locked' | 'gone' | 'too_many_links' | 'suspended' | 'bad_length';

/**
 * Edits one's own post (new Markdown and its new HTML). The database keeps
 * the earlier version and marks the post edited. 'not_found' when it is not
 * the person's, or is hidden or deleted (RLS lets no row change).
 */
export async function editPost(
	db: Db,
	postId: string,
	post: { body: string; bodyHtml: string }
): Promise<Refusable<{ position: number; threadId: string }, EditRefusal>> {
	const { data, error } = await db
		.from('posts')
		.update({ body: post.body, body_html: post.bodyHtml })
		.eq('id', postId)
		.select('position, thread_id');
	if (error)
		return refused(error, [
			'not_found',
			'locked',
			'gone',
			'too_many_links',
			'suspended',
			'bad_length'
		]);
	const [row] = data;
	return row
		? { ok: true, position: row.position, threadId: row.thread_id }
		: { ok: false, refusal: 'not_found' };
}

/**
 * Deletes one's own post (soft: its place says 「この投稿は削除されました」 and
 * replies stay). Deleting the first post of a thread nobody has replied to
 * deletes the thread. 'not_found' when it is not the person's or already gone.
 */
export async function deletePost(db: Db, postId: string): Promise<Refusable<object, 'not_found'>> {
	const { data, error } = await db
		.from('posts')
		// the database records its own time (a trigger), whatever is sent
		.update({ deleted_at: new Date().toISOString() })
		.eq('id', postId)
		.select('id');
	if (error) dbFailure(error);
	return data.length === 1 ? { ok: true } : { ok: false, refusal: 'not_found' };
}

/** Earlier versions of an edited post, newest first: coordinators only (empty for anybody else). */
export async function postVersions(db: Db, postId: string): Promise<PostVersion[]> {
	const { data, error } = await db
		.from('post_versions')
		.select('id, body, body_html, written_at, replaced_at')
		.eq('post_id', postId)
		.order('replaced_at', { ascending: false })
		.order('id');
	if (error) dbFailure(error);
	return data.map((v) => ({
		id: v.id,
		body: v.body,
		bodyHtml: v.body_html,
		writtenAt: v.written_at,
		replacedAt: v.replaced_at
	}));
}

// ---------------------------------------------------------------------------
// For the thread page (issue 10, part 2): one query for a whole page.

/** Earlier versions of several posts (coordinators; nothing for anybody else), newest first each. */
export async function postVersionsOf(
	db: Db,
	postIds: string[]
): Promise<Map<string, PostVersion[]>> {
	const byPost = new Map<string, PostVersion[]>();
	if (postIds.length === 0) return byPost;
	const { data, error } = await db
		.from('post_versions')
		.select('id, post_id, body, body_html, written_at, replaced_at')
		.in('post_id', postIds)
		.order('replaced_at', { ascending: false })
		.order('id');
	if (error) dbFailure(error);
	for (const v of data) {
		const list = byPost.get(v.post_id) ?? [];
		list.push({
			id: v.id,
			body: v.body,
			bodyHtml: v.body_html,
			writtenAt: v.written_at,
			replacedAt: v.replaced_at
		});
		byPost.set(v.post_id, list);
	}
	return byPost;
}
