// Practice mails (kind 'practice', preference practices_recognition), from the
// notice that caused them (payload notification_id, like moderation mails):
// practice_published, practice_returned (with the coordinator's comment) and
// practice_inspired (someone opened a thread to try it in their area). Nothing
// is sent when the notice, its practice or the thread is gone or hidden.
import { mailPracticeNotice } from '../../db/mail-practices';
import { composePracticeMail } from '../../mail/practices';
import { addressed, recipientFor } from './common';
import type { MailWriter, SendMailPayload } from './types';

interface PracticePayload extends SendMailPayload {
	notification_id?: string;
}

export const writePracticeMail: MailWriter = async (ctx, raw) => {
	const p = raw as PracticePayload;
	if (!p.notification_id) return null;
	const [recipient, notice] = await Promise.all([
		recipientFor(ctx, p),
		mailPracticeNotice(ctx.db, p.notification_id)
	]);
	if (!recipient || !notice || notice.userId !== p.user_id) return null;
	const mail = composePracticeMail({
		locale: recipient.locale,
		origin: ctx.env.origin,
		recipientName: recipient.displayName,
		unsubscribeUrl: recipient.unsubscribe?.url ?? null,
		kind: notice.kind,
		practice: notice.practice,
		comment: notice.detail,
		thread: notice.thread
	});
	return { ...mail, ...addressed(recipient) };
};
