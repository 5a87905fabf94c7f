import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { deletePost, editPost, findPost } from '$lib/server/db/posts';
import { pageReadings, postsWithReadings } from '$lib/server/furigana/page';
import { requestDb } from '$lib/server/db/request';
import { getThread, markSolved, setFollowing, threadParticipants } from '$lib/server/db/threads';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { readForm, refuse } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';
import { renderPost } from '$lib/server/posts/render';
import { readEdit, readReply, refuseText } from '$lib/server/threads/forms';
import {
	loadPostsPage,
	startReply,
	threadCan,
	viewerOf,
	writeReply
} from '$lib/server/threads/view';
import { postAnchor, postPageOf, threadPageCount } from '$lib/threads/paging';
import type { Actions, PageServerLoad } from './$types';

const pageOf = (url: URL) =>
	Math.max(1, Math.min(100000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));

export const load: PageServerLoad = async ({ params, url, locals, cookies }) => {
	const db = requestDb();
	const [head, { viewer, suspension }] = await Promise.all([
		getThread(db, params.id, locals.user?.id ?? null),
		viewerOf(db, locals.user)
	]);
	if (!head) error(404, 'Not Found');
	// a practice's comment thread, or one opened from a practice (うちでもやってみたい)
	const { practices, ...thread } = head;
	const pageCount = threadPageCount(thread.postCount);
	const page = pageOf(url);
	if (page > pageCount) error(404, 'Not Found');
	const flash = takeFlash(cookies, url);
	const suspended = suspension !== null;
	const can = threadCan(thread, viewer, suspended);
	const [{ posts, participants, moreParticipants, bodies }, reply] = await Promise.all([
		loadPostsPage(db, thread, page, viewer, suspended, { participants: can.reply }),
		// ?quote=<post id>: the reply form starts with that post quoted (works without JavaScript)
		startReply(db, can.reply ? thread.id : null, url.searchParams.get('quote'))
	]);
	// ?edit=<post id>: the edit form in place of one's own post
	const editing = posts.find((p) => p.id === url.searchParams.get('edit') && p.can.edit) ?? null;
	const confirm = url.searchParams.get('confirm');
	// ふりがな: the words of the title and the posts shown (one read, only while it is on)
	const readings = await pageReadings(cookies, db, [
		thread.id,
		practices.commentsOf?.id,
		practices.inspiredBy?.id,
		...posts.map((p) => p.id)
	]);
	return {
		thread,
		practices,
		page,
		pageCount,
		readings,
		posts: postsWithReadings(posts, readings),
		participants,
		moreParticipants,
		can,
		suspension,
		flash,
		replyStart: reply.start,
		editStart: (editing && bodies.get(editing.id)) ?? '',
		editingId: editing?.id ?? null,
		confirmDelete: posts.find((p) => confirm === `delete-${p.id}` && p.can.delete)?.id ?? null,
		quoting: reply.quoting
	};
};

/** Back to a post, on its page, with a one-time message there. */
const landAt = (
	cookies: Parameters<typeof redirectWithFlash>[0],
	url: URL,
	threadId: string,
	post: { id: string; position: number },
	text: string,
	ok = true
) =>
	redirectWithFlash(
		cookies,
		url,
		localizeHref(`/threads/${threadId}`),
		{ text, ok, target: postAnchor(post.id) },
		`?page=${postPageOf(post.position)}`
	);

const postIdSchema = z.object({ postId: z.uuid() });
const solveSchema = z.object({ postId: z.union([z.uuid(), z.literal('')]), target: z.uuid() });
const followSchema = z.object({
	following: z.enum(['true', 'false']),
	page: z.coerce.number().int().min(1).default(1)
});

export const actions: Actions = {
	reply: async ({ request, params, url, cookies }) => {
		const { user } = requireUser();
		const db = requestDb();
		const read = await readReply(request);
		if (!read.ok) return refuseText('reply', read.why, read.kept);
		const result = await writeReply(db, params.id, read.data);
		if (!result.ok) return refuseText('reply', refusalMessage(result.refusal), read.kept);
		logEvent('post_written', { userId: user.id, threadId: params.id, postId: result.id });
		return landAt(cookies, url, params.id, result, m.post_posted());
	},

	edit: async ({ request, params, url, cookies }) => {
		const { user } = requireUser();
		const db = requestDb();
		const read = await readEdit(request);
		if (!read.ok) return refuseText('edit', read.why, read.kept);
		const { postId, body } = read.data;
		const participants = await threadParticipants(db, params.id);
		const rendered = renderPost(body, participants);
		const result = await editPost(db, postId, { body, bodyHtml: rendered.html });
		if (!result.ok) return refuseText('edit', refusalMessage(result.refusal), read.kept);
		logEvent('post_edited', { userId: user.id, postId });
		return landAt(
			cookies,
			url,
			params.id,
			{ id: postId, position: result.position },
			m.post_edit_saved()
		);
	},

	delete: async ({ request, params, url, cookies }) => {
		const { user } = requireUser();
		const db = requestDb();
		const form = await readForm(request, postIdSchema);
		const post = form ? await findPost(db, form.postId) : null;
		if (!form || !post || post.threadId !== params.id)
			return refuse(404, 'delete', m.post_not_found());
		const result = await deletePost(db, post.id);
		if (!result.ok) return refuse(404, 'delete', m.post_not_found());
		logEvent('post_deleted', { userId: user.id, postId: post.id });
		// deleting the first post of a thread nobody answered deletes the thread
		const thread = await getThread(db, params.id, user.id);
		if (!thread || thread.deletedAt)
			return redirectWithFlash(cookies, url, localizeHref('/threads'), {
				text: m.thread_deleted(),
				ok: true,
				target: 'threads-top'
			});
		return landAt(cookies, url, params.id, post, m.post_deleted());
	},

	solve: async ({ request, params, url, cookies }) => {
		requireUser();
		const db = requestDb();
		const form = await readForm(request, solveSchema);
		const target = form ? await findPost(db, form.target) : null;
		if (!form || !target || target.threadId !== params.id)
			return refuse(404, 'solve', m.post_not_found());
		const result = await markSolved(db, params.id, form.postId || null);
		if (!result.ok)
			return landAt(cookies, url, params.id, target, refusalMessage(result.refusal), false);
		return landAt(
			cookies,
			url,
			params.id,
			target,
			form.postId ? m.post_solved_marked() : m.post_solved_unmarked()
		);
	},

	follow: async ({ request, params, url, cookies }) => {
		requireUser();
		const form = await readForm(request, followSchema);
		if (!form) return refuse(400, 'follow', m.refusal_not_found());
		const following = form.following === 'true';
		const result = await setFollowing(requestDb(), params.id, following);
		const text = result.ok
			? following
				? m.thread_followed()
				: m.thread_unfollowed()
			: refusalMessage(result.refusal);
		return redirectWithFlash(
			cookies,
			url,
			localizeHref(`/threads/${params.id}`),
			{ text, ok: result.ok, target: 'thread-follow' },
			form.page > 1 ? `?page=${form.page}` : ''
		);
	}
};
