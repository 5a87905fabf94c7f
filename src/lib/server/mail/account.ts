// Writes an account mail from plain data (no database): confirming an address,
// resetting a password, a sign-up with an address that has an account, and
// changing one's address (the link to the new address, the notice to the old
// one). Self-contained: what happened, the link from ORIGIN and how long it
// works, what to do when it was not you. Plain text plus simple HTML in the
// shared layout (layout.ts). These mails are sent whatever the preferences say
// and carry no unsubscribe link: their footer is the note alone.
// Relative imports: the worker runs this outside SvelteKit.
import { formatDateTime } from '../../format';
import * as m from '../../paraglide/messages.js';
import { composeMail, siteUrl, type Addressee, type ComposedMail, type MailBlock } from './layout';

export type AccountMailKind =
	| 'verify_email'
	| 'password_reset'
	| 'signup_existing'
	| 'email_change_confirm'
	| 'email_change_notice';

export const ACCOUNT_MAIL_KINDS: readonly AccountMailKind[] = [
	'verify_email',
	'password_reset',
	'signup_existing',
	'email_change_confirm',
	'email_change_notice'
];

/** No unsubscribeUrl: these mails cannot be turned off. */
export interface AccountMailInput extends Omit<Addressee, 'unsubscribeUrl'> {
	kind: AccountMailKind;
	/** the raw token of the link (every kind but signup_existing) */
	token?: string;
	/** email_change_notice: the old and new address and when it changed */
	oldEmail?: string;
	newEmail?: string;
	changedAt?: string;
}

export function composeAccountMail(input: AccountMailInput): ComposedMail {
	const { locale, kind } = input;
	const o = { locale };
	const link = (path: string) => siteUrl(input.origin, locale, path);
	const token = input.token ?? '';
	let subject: string;
	let blocks: MailBlock[];
	switch (kind) {
		case 'verify_email':
			subject = m.mail_account_subject_verify_email({}, o);
			blocks = [
				{ text: m.mail_account_intro_verify_email({}, o) },
				{ label: m.mail_account_link_verify_email({}, o), url: link(`/verify/${token}`) },
				{ text: m.mail_account_valid_verify_email({}, o) },
				{ text: m.mail_account_not_you_verify_email({}, o) }
			];
			break;
		case 'password_reset':
			subject = m.mail_account_subject_password_reset({}, o);
			blocks = [
				{ text: m.mail_account_intro_password_reset({}, o) },
				{ label: m.mail_account_link_password_reset({}, o), url: link(`/login/reset/${token}`) },
				{ text: m.mail_account_valid_password_reset({}, o) },
				{ text: m.mail_account_not_you_password_reset({}, o) }
			];
			break;
		case 'signup_existing':
			subject = m.mail_account_subject_signup_existing({}, o);
			blocks = [
				{ text: m.mail_account_intro_signup_existing({}, o) },
				{ label: m.mail_account_link_login({}, o), url: link('/login') },
				{ label: m.mail_account_link_forgot({}, o), url: link('/login/reset') },
				{ text: m.mail_account_not_you_signup_existing({}, o) }
			];
			break;
		case 'email_change_confirm':
			subject = m.mail_account_subject_email_change_confirm({}, o);
			blocks = [
				{ text: m.mail_account_intro_email_change_confirm({}, o) },
				{
					label: m.mail_account_link_email_change_confirm({}, o),
					url: link(`/account/email/${token}`)
				},
				{ text: m.mail_account_valid_email_change_confirm({}, o) },
				{ text: m.mail_account_not_you_email_change_confirm({}, o) }
			];
			break;
		case 'email_change_notice':
			subject = m.mail_account_subject_email_change_notice({}, o);
			blocks = [
				{ text: m.mail_account_intro_email_change_notice({}, o) },
				{
					rows: [
						[m.mail_account_label_old_email({}, o), input.oldEmail ?? ''],
						[m.mail_account_label_new_email({}, o), input.newEmail ?? ''],
						[
							m.mail_account_label_changed_at({}, o),
							input.changedAt ? formatDateTime(input.changedAt, locale) : ''
						]
					]
				},
				{ text: m.mail_account_not_you_email_change_notice({}, o) },
				{
					label: m.mail_account_link_email_revert({}, o),
					url: link(`/account/email/undo/${token}`)
				},
				{ text: m.mail_account_valid_email_revert({}, o) }
			];
			break;
	}
	// not a kind one can turn off: no one-click link, the footer is the note alone
	return composeMail({ ...input, unsubscribeUrl: null }, subject, blocks);
}
