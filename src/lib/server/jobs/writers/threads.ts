// Mails about threads: new posts in a thread one follows (a burst of replies
// within mail_settings.reply_delay is one job, key mail:thread:<thread>:<person>,
// listing what came since that key's previous mail) and a mention of one's
// name in a post. Never about one's own posts, nor hidden or deleted ones.
import {
	mailNames,
	mailPost,
	mailPreviousAt,
	mailThread,
	mailThreadReplies,
	type MailPostRow
} from '../../db/mail-notices';
import { composeMentionMail, composeThreadReplyMail, type MailPost } from '../../mail/threads';
import { addressed, recipientFor } from './common';
import type { MailWriter, SendMailPayload } from './types';

/** Posts listed in one mail at most (the rest: 「ほかにn件」 and the thread's link). */
const LISTED = 10;
/** A first mail about a thread looks back no further than this. */
const LOOK_BACK_MS = 7 * 86_400_000;

interface ThreadPayload extends SendMailPayload {
	thread_id?: string;
	post_id?: string;
}

const withNames = (posts: MailPostRow[], names: Map<string, string>): MailPost[] =>
	posts.map((p) => ({
		id: p.id,
		position: p.position,
		authorName: p.authorId ? (names.get(p.authorId) ?? null) : null,
		createdAt: p.createdAt,
		body: p.body
	}));

export const writeThreadReplyMail: MailWriter = async (ctx, raw, job) => {
	const p = raw as ThreadPayload;
	if (!p.thread_id) return null;
	const [recipient, thread] = await Promise.all([
		recipientFor(ctx, p),
		mailThread(ctx.db, p.thread_id)
	]);
	if (!recipient || !thread?.visible) return null;
	const key = job.key ?? `mail:thread:${thread.id}:${p.user_id}`;
	const previous = await mailPreviousAt(ctx.db, key, job.id);
	const floor = Date.now() - LOOK_BACK_MS;
	const since =
		previous && new Date(previous).getTime() > floor ? previous : new Date(floor).toISOString();
	const { posts, total } = await mailThreadReplies(ctx.db, p.user_id, thread.id, since, LISTED);
	const shown = posts.filter((x) => x.visible && x.authorId !== p.user_id);
	if (!shown.length) return null;
	const names = await mailNames(
		ctx.db,
		shown.flatMap((x) => (x.authorId ? [x.authorId] : []))
	);
	const mail = composeThreadReplyMail({
		locale: recipient.locale,
		origin: ctx.env.origin,
		recipientName: recipient.displayName,
		thread,
		posts: withNames(shown, names),
		more: Math.max(0, total - posts.length),
		unsubscribeUrl: recipient.unsubscribe?.url ?? null
	});
	return { ...mail, ...addressed(recipient) };
};

export const writeMentionMail: MailWriter = async (ctx, raw) => {
	const p = raw as ThreadPayload;
	if (!p.post_id) return null;
	const [recipient, post] = await Promise.all([recipientFor(ctx, p), mailPost(ctx.db, p.post_id)]);
	if (!recipient || !post?.visible || post.authorId === p.user_id) return null;
	const thread = await mailThread(ctx.db, post.threadId);
	if (!thread?.visible) return null;
	const names = await mailNames(ctx.db, post.authorId ? [post.authorId] : []);
	const mail = composeMentionMail({
		locale: recipient.locale,
		origin: ctx.env.origin,
		recipientName: recipient.displayName,
		thread,
		post: withNames([post], names)[0],
		unsubscribeUrl: recipient.unsubscribe?.url ?? null
	});
	return { ...mail, ...addressed(recipient) };
};
