// Moderation mails, from the notice that caused them: one's post or thread
// hidden ('post_hidden', the reason in its detail), one's report handled or
// dismissed ('report_handled'). Nothing is sent when the post or thread was
// restored or deleted before the mail went out.
import { mailNotification, mailPost, mailReport, mailThread } from '../../db/mail-notices';
import { composeHiddenMail, composeReportMail } from '../../mail/moderation';
import { addressed, recipientFor } from './common';
import type { MailWriter, SendMailPayload } from './types';

interface ModerationPayload extends SendMailPayload {
	notification_id?: string;
}

export const writeModerationMail: MailWriter = async (ctx, raw) => {
	const p = raw as ModerationPayload;
	if (!p.notification_id) return null;
	const [recipient, notice] = await Promise.all([
		recipientFor(ctx, p),
		mailNotification(ctx.db, p.notification_id)
	]);
	if (!recipient || !notice || notice.userId !== p.user_id) return null;
	const common = {
		locale: recipient.locale,
		origin: ctx.env.origin,
		recipientName: recipient.displayName,
		unsubscribeUrl: recipient.unsubscribe?.url ?? null
	};
	if (notice.kind === 'post_hidden' && notice.threadId) {
		const [thread, post] = await Promise.all([
			mailThread(ctx.db, notice.threadId),
			notice.postId ? mailPost(ctx.db, notice.postId) : Promise.resolve(null)
		]);
		if (!thread) return null;
		if (notice.postId) {
			// restored since, or deleted by its author: nothing to say any more
			if (!post || post.visible) return null;
		} else if (thread.visible) {
			return null;
		}
		const mail = composeHiddenMail({
			...common,
			thread,
			post: post
				? { id: post.id, position: post.position, body: post.body, createdAt: post.createdAt }
				: null,
			reason: notice.detail
		});
		return { ...mail, ...addressed(recipient) };
	}
	if (notice.kind === 'report_handled' && notice.reportId) {
		const report = await mailReport(ctx.db, notice.reportId);
		if (!report) return null;
		const mail = composeReportMail({
			...common,
			status: report.status === 'dismissed' ? 'dismissed' : 'handled',
			reported: report.reported,
			note: notice.detail
		});
		return { ...mail, ...addressed(recipient) };
	}
	return null;
};
