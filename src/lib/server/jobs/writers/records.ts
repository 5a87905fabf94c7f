// Record and 声 mails, from the notice that caused them: record_missing (kind
// 'record', preference reminders: to the date's organisers) and
// voice_answered (kind 'voice', preference practices_recognition: to the
// forum's attendees). Nothing is sent when the record was written meanwhile,
// or the 声 is gone, private again, or no longer at that outcome.
import { mailRecordNotice } from '../../db/mail-records';
import { composeRecordMail } from '../../mail/records';
import { addressed, recipientFor } from './common';
import type { MailWriter, SendMailPayload } from './types';

interface RecordPayload extends SendMailPayload {
	notification_id?: string;
}

export const writeRecordMail: MailWriter = async (ctx, raw) => {
	const p = raw as RecordPayload;
	if (!p.notification_id) return null;
	const [recipient, notice] = await Promise.all([
		recipientFor(ctx, p),
		mailRecordNotice(ctx.db, p.notification_id)
	]);
	if (!recipient || !notice || notice.userId !== p.user_id) return null;
	const mail = composeRecordMail({
		locale: recipient.locale,
		origin: ctx.env.origin,
		recipientName: recipient.displayName,
		unsubscribeUrl: recipient.unsubscribe?.url ?? null,
		notice
	});
	return { ...mail, ...addressed(recipient) };
};
