// Which writer writes each kind of mail: every kind in mail_log.kind has one
// (the type says so; a new kind in a migration fails `npm run check` here).
import type { MailKind } from '../../db/mail';
import { writeAccountMail } from './account';
import { writeDigestMail } from './digest';
import { writeEventMail } from './event';
import { writeInvitationMail } from './invitation';
import { writeModerationMail } from './moderation';
import { writePlaceMail } from './places';
import { writePracticeMail } from './practice';
import { writeRecognitionMail } from './recognition';
import { writeRecordMail } from './records';
import { writeMentionMail, writeThreadReplyMail } from './threads';
import type { MailWriter } from './types';

export const mailWriters: Record<MailKind, MailWriter> = {
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
	invitation: writeInvitationMail,
	digest: writeDigestMail,
	practice: writePracticeMail,
	// awards, nominations and thanks (writers/recognition.ts)
	recognition: writeRecognitionMail,
	// a held date without a record, a 声 answered (writers/records.ts)
	record: writeRecordMail,
	voice: writeRecordMail,
	// a change reported on a place, places waiting for a check (writers/places.ts)
	place: writePlaceMail,
	// accounts (writers/account.ts): never subject to preferences, never unsubscribable
	verify_email: writeAccountMail,
	password_reset: writeAccountMail,
	signup_existing: writeAccountMail,
	email_change_confirm: writeAccountMail,
	email_change_notice: writeAccountMail
};
