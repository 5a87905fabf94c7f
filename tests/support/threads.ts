// Threads and posts in tests, through the real functions and PostgREST as a
// real user (userClient), plus what only the service role may do to set a
// scene: age an account past the new-account limits, write many posts at once.
import { randomBytes } from 'node:crypto';
import type { Db } from '$lib/server/db/client';
import { readThreadPage } from '$lib/server/db/posts';
import { createThread, type NewThread } from '$lib/server/db/threads';
import { serviceClient, userClient } from './db';

/** A short unique word to find a test's threads by (q=…). */
export const tag = () => `話題${randomBytes(3).toString('hex')}`;

/** HTML as the renderer would store it for a plain paragraph. */
export const html = (text: string) => `<p>${text}</p>`;

/** HTML with n links in it. */
export const htmlWithLinks = (n: number) =>
	`<p>${Array.from({ length: n }, (_, i) => `<a href="https://example.com/${i}" rel="nofollow ugc noopener">リンク${i}</a>`).join(' ')}</p>`;

/** Makes an account older than the new-account limits (24 hours). */
export async function ageAccount(userId: string, days = 2) {
	const { error } = await serviceClient()
		.from('profiles')
		.update({ created_at: new Date(Date.now() - days * 86400_000).toISOString() })
		.eq('id', userId);
	if (error) throw new Error(error.message);
}

/**
 * Moves the user's posts out of the 5-minute window of the post limit (10),
 * so that a test file can keep writing as the same people.
 */
export async function forgetRecentPosts(...userIds: string[]) {
	const { error } = await serviceClient()
		.from('posts')
		.update({ created_at: new Date(Date.now() - 10 * 60_000).toISOString() })
		.in('author_id', userIds)
		.gt('created_at', new Date(Date.now() - 6 * 60_000).toISOString());
	if (error) throw new Error(error.message);
}

/** Starts a thread as the user (create_thread) and returns its id; throws on a refusal. */
export async function startThread(userId: string, t: Partial<NewThread> = {}) {
	const result = await createThread(userClient(userId), {
		title: t.title ?? `${tag()} の話題`,
		body: t.body ?? '最初の投稿です。',
		bodyHtml: t.bodyHtml ?? html(t.body ?? '最初の投稿です。'),
		areaId: t.areaId ?? null,
		organizationId: t.organizationId ?? null,
		fieldIds: t.fieldIds ?? [],
		isQuestion: t.isQuestion ?? false
	});
	if (!result.ok) throw new Error(`createThread refused: ${result.refusal}`);
	return result.id;
}

/** Writes n posts by `authorId` at once as the service role (no rate limit applies to it). */
export async function writePosts(threadId: string, authorId: string, n: number) {
	const { data, error } = await serviceClient()
		.from('posts')
		.insert(
			Array.from({ length: n }, (_, i) => ({
				thread_id: threadId,
				author_id: authorId,
				body: `投稿 ${i + 1}`,
				body_html: html(`投稿 ${i + 1}`)
			}))
		)
		.select('id, position');
	if (error) throw new Error(error.message);
	return data;
}

/** A thread's row as the service role sees it. */
export async function threadRow(threadId: string) {
	const { data, error } = await serviceClient()
		.from('threads')
		.select(
			'post_count, reply_count, hidden_at, locked_at, deleted_at, solved_post_id, last_posted_at'
		)
		.eq('id', threadId)
		.single();
	if (error) throw new Error(error.message);
	return data;
}

/** The notifications of a user about a thread, oldest first: [kind, post id]. */
export async function threadNotices(userId: string, threadId: string) {
	const { data, error } = await userClient(userId)
		.from('notifications')
		.select('kind, post_id, detail')
		.eq('thread_id', threadId)
		.order('created_at')
		.order('kind');
	if (error) throw new Error(error.message);
	return data;
}

/** The id of an area or field of the seed, by slug. */
export async function seedId(table: 'areas' | 'fields', slug: string) {
	const { data, error } = await serviceClient().from(table).select('id').eq('slug', slug).single();
	if (error) throw new Error(error.message);
	return data.id;
}

/** The posts of one page of a thread as `db`'s reader sees them (thread_page, nobody to mention). */
export const pagePosts = async (db: Db, threadId: string, page: number) =>
	(await readThreadPage(db, threadId, page, { mentions: 0 })).posts;

/** readItemComments' options for the thread alone: no posts, nobody to mention. */
export const noPosts = { last: 0, mentions: 0 };
