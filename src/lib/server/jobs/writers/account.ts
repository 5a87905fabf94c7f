// Account mails: confirming an address, password reset, a sign-up with a taken
// address, and changing one's address. Sent whatever the preferences say (no
// unsubscribe: they are what the person just asked for, or about the safety of
// their account), to the address in the payload, which for a change is not the
// member's current one. A mail whose link can no longer be used (used,
// expired, or the account's address changed since) is not sent.
import { usableAccountToken } from '../../db/account-mail';
import { mailRecipient } from '../../db/mail';
import { composeAccountMail, type AccountMailKind } from '../../mail/account';
import { tokenHash } from '../../tokens';
import type { MailWriter, SendMailPayload } from './types';

interface AccountMailPayload extends SendMailPayload {
	kind: AccountMailKind;
	/** where it goes: the account's address, or the new one for email_change_confirm, the old one for the notice */
	to?: string;
	/** the raw token of the link */
	token?: string;
	new_email?: string;
	changed_at?: string;
}

const PURPOSE: Partial<Record<AccountMailKind, string>> = {
	verify_email: 'verify_email',
	password_reset: 'password_reset',
	email_change_confirm: 'email_change',
	email_change_notice: 'email_revert'
};

export const writeAccountMail: MailWriter = async (ctx, raw) => {
	const p = raw as AccountMailPayload;
	const recipient = await mailRecipient(ctx.db, p.user_id);
	if (!recipient || !p.to) return null;
	const purpose = PURPOSE[p.kind];
	if (purpose) {
		if (!p.token) return null;
		const token = await usableAccountToken(ctx.db, tokenHash(p.token));
		if (!token || token.purpose !== purpose || token.userId !== p.user_id || token.email !== p.to)
			return null;
		// a reset or confirmation goes to the address the account has now
		if (
			(p.kind === 'password_reset' || p.kind === 'verify_email') &&
			token.email !== recipient.email
		)
			return null;
		if (p.kind === 'verify_email' && recipient.verified) return null;
	} else if (p.to !== recipient.email) {
		return null; // signup_existing: the owner's address changed meanwhile
	}
	const mail = composeAccountMail({
		kind: p.kind,
		locale: recipient.locale,
		origin: ctx.env.origin,
		recipientName: recipient.displayName,
		token: p.token,
		oldEmail: p.to,
		newEmail: p.new_email,
		changedAt: p.changed_at
	});
	return { to: p.to, ...mail };
};
