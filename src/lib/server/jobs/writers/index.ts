// Which writer writes each kind of mail. A kind without a writer fails its
// job (and shows in /admin/mail) rather than vanishing.
import type { MailKind } from '../../db/mail';
import { writeAccountMail } from './account';
import { writeDigestMail } from './digest';
import { writeEventMail } from './event';
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
	digest: writeDigestMail,
	// accounts (writers/account.ts): never subject to preferences, never unsubscribable
	verify_email: writeAccountMail,
	password_reset: writeAccountMail,
	signup_existing: writeAccountMail,
	email_change_confirm: writeAccountMail,
	email_change_notice: writeAccountMail
};
