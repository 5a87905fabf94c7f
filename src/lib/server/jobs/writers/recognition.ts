// Recognition mails (kind 'recognition', preference practices_recognition),
// from the notice that caused them: award_received, nomination_answered,
// thanks_received. Nothing is sent when what it was about is gone (the award
// deleted) or hidden (the thanks) before the mail goes out.
import { mailRecognitionNotice } from '../../db/mail-recognition';
import { composeRecognitionMail } from '../../mail/recognition';
import { addressed, recipientFor } from './common';
import type { MailWriter, SendMailPayload } from './types';

interface RecognitionPayload extends SendMailPayload {
	notification_id?: string;
}

export const writeRecognitionMail: MailWriter = async (ctx, raw) => {
	const p = raw as RecognitionPayload;
	if (!p.notification_id) return null;
	const [recipient, notice] = await Promise.all([
		recipientFor(ctx, p),
		mailRecognitionNotice(ctx.db, p.notification_id)
	]);
	if (!recipient || !notice || notice.userId !== p.user_id) return null;
	const mail = composeRecognitionMail({
		locale: recipient.locale,
		origin: ctx.env.origin,
		recipientName: recipient.displayName,
		unsubscribeUrl: recipient.unsubscribe?.url ?? null,
		notice
	});
	return { ...mail, ...addressed(recipient) };
};
