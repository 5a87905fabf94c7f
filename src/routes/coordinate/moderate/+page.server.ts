import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCoordinator } from '$lib/server/auth/guard';
import { activeSuspension, authorRecentPosts, findMember } from '$lib/server/db/moderation';
import { findPost } from '$lib/server/db/posts';
import { requestDb } from '$lib/server/db/request';
import { getThread } from '$lib/server/db/threads';
import { findThanks } from '$lib/server/db/thanks';
import { takeFlash } from '$lib/server/events/flash';
import { moderationActions } from '$lib/server/moderation/actions';
import type { Actions, PageServerLoad } from './$types';

const id = z.uuid();
const RECENT = 5;

// One post, thread, thanks or member found on a page (?post=, ?thread=, ?thanks=, ?member=),
// with or without a report: its state and the same forms as the queue.
export const load: PageServerLoad = async ({ url, cookies }) => {
	requireCoordinator();
	const db = requestDb();
	const param = (key: string) => {
		const v = url.searchParams.get(key);
		return v !== null && id.safeParse(v).success ? v : null;
	};
	const thanksId = param('thanks');
	const thanks = thanksId ? await findThanks(db, thanksId) : null;
	if (thanksId && !thanks) error(404, 'Not Found');
	const postId = param('post');
	const post = postId ? await findPost(db, postId) : null;
	if (postId && !post) error(404, 'Not Found');
	const threadId = post?.threadId ?? param('thread');
	const thread = threadId ? await getThread(db, threadId, null) : null;
	if (threadId && !thread) error(404, 'Not Found');
	const memberId = thanks
		? thanks.thankerId
		: post
			? post.authorId
			: thread
				? thread.authorId
				: param('member');
	if (!thanks && !post && !thread && !memberId) error(404, 'Not Found');
	const [member, suspension, recentPosts] = memberId
		? await Promise.all([
				findMember(db, memberId),
				activeSuspension(db, memberId),
				authorRecentPosts(db, memberId, RECENT)
			])
		: [null, null, []];
	if (!thanks && !post && !thread && !member) error(404, 'Not Found');
	return {
		flash: takeFlash(cookies, url),
		post: post && {
			id: post.id,
			position: post.position,
			body: post.body,
			createdAt: post.createdAt,
			hidden: post.hiddenAt !== null,
			deleted: post.deletedAt !== null
		},
		thread: thread && {
			id: thread.id,
			title: thread.title,
			hidden: thread.hiddenAt !== null,
			hiddenReason: thread.hiddenReason,
			locked: thread.locked,
			deleted: thread.deletedAt !== null,
			event: thread.event
		},
		thanks,
		member: member && { ...member, suspension },
		recentPosts
	};
};

export const actions: Actions = { ...moderationActions };
