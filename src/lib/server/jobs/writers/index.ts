// Which writer writes each kind of mail. A kind without a writer fails its
// job (and shows in /admin/mail) rather than vanishing.
import type { MailKind } from '../../db/mail';
import { writeEventMail } from './event';
import { writeInvitationMail } from './invitation';
import { writeModerationMail } from './moderation';
import { writeMentionMail, writeThreadReplyMail } from './threads';
import type { MailWriter } from './types';

export const mailWriters: Partial<Record<MailKind, MailWriter>> = {
	registered: writeEventMail,
	waitlisted: writeEventMail,
	promoted: writeEventMail,
	event_changed: writeEventMail,
	event_cancelled: writeEventMail,
	occurrence_changed: writeEventMail,
	occurrence_cancelled: writeEventMail,
	reminder: writeEventMail,
	thread_reply: writeThreadReplyMail,
	mention: writeMentionMail,
	moderation: writeModerationMail,
	invitation: writeInvitationMail
};
