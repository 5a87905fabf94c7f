// One-time links of accounts (password reset, confirming an address, changing
// it) and sign-up: the SQL functions of migration 20261207100000, which store
// only a token's SHA-256 and enqueue the mail that carries the raw token in the
// same transaction. Service role only (adminDb): anon and members can neither
// read account_tokens nor call these. The callers are in src/lib/server/auth/account.ts.
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';

export type TokenPurpose = 'password_reset' | 'verify_email' | 'email_change' | 'email_revert';
export type MailAttemptKind = 'password_reset' | 'verify_resend' | 'email_change';

/** The new account's id, or null when the address is taken (its owner is mailed instead). */
export async function signUp(
	db: Db,
	account: { email: string; displayName: string; passwordHash: string; token: string }
): Promise<string | null> {
	const { data, error } = await db.rpc('sign_up', {
		p_email: account.email,
		p_display_name: account.displayName,
		p_password_hash: account.passwordHash,
		p_token: account.token
	});
	if (error) dbFailure(error);
	return data;
}

/** A new confirmation link to the member's address; false when it is confirmed already. */
export async function requestEmailVerification(db: Db, userId: string, token: string) {
	const { data, error } = await db.rpc('request_email_verification', {
		p_user: userId,
		p_token: token
	});
	if (error) dbFailure(error);
	return data;
}

/** The member whose address the link confirmed, or null when it cannot be used. */
export async function verifyEmail(db: Db, token: string): Promise<string | null> {
	const { data, error } = await db.rpc('verify_email', { p_token: token });
	if (error) dbFailure(error);
	return data;
}

/** A reset link to the address when it has an account; nothing otherwise. */
export async function requestPasswordReset(db: Db, email: string, token: string) {
	const { error } = await db.rpc('request_password_reset', { p_email: email, p_token: token });
	if (error) dbFailure(error);
}

/** Sets the password, uses the link up, ends every session: the member's id, or null. */
export async function resetPassword(
	db: Db,
	token: string,
	passwordHash: string
): Promise<string | null> {
	const { data, error } = await db.rpc('reset_password', {
		p_token: token,
		p_password_hash: passwordHash
	});
	if (error) dbFailure(error);
	return data;
}

/** The address a usable link is about, or null (unknown, used or expired). */
export async function accountTokenEmail(
	db: Db,
	purpose: TokenPurpose,
	token: string
): Promise<string | null> {
	const { data, error } = await db.rpc('account_token_email', {
		p_purpose: purpose,
		p_token: token
	});
	if (error) dbFailure(error);
	return data;
}

/** A confirmation link to the new address (none when it is taken; the answer is the same). */
export async function requestEmailChange(db: Db, userId: string, newEmail: string, token: string) {
	const { error } = await db.rpc('request_email_change', {
		p_user: userId,
		p_new_email: newEmail,
		p_token: token
	});
	if (error) dbFailure(error);
}

export type EmailChangeResult = 'changed' | 'taken' | 'invalid';

export async function confirmEmailChange(
	db: Db,
	token: string,
	revertToken: string
): Promise<EmailChangeResult> {
	const { data, error } = await db.rpc('confirm_email_change', {
		p_token: token,
		p_revert_token: revertToken
	});
	if (error) dbFailure(error);
	return data === 'changed' || data === 'taken' ? data : 'invalid';
}

export type EmailRevertResult = 'reverted' | 'taken' | 'invalid';

export async function revertEmailChange(
	db: Db,
	token: string,
	resetToken: string
): Promise<EmailRevertResult> {
	const { data, error } = await db.rpc('revert_email_change', {
		p_token: token,
		p_reset_token: resetToken
	});
	if (error) dbFailure(error);
	return data === 'reverted' || data === 'taken' ? data : 'invalid';
}

/** Seconds until this client may ask for another mail of this kind for `email` (0: now). */
export async function accountMailThrottle(
	db: Db,
	kind: MailAttemptKind,
	email: string,
	client: string,
	perIp: boolean
): Promise<number> {
	const { data, error } = await db.rpc('account_mail_throttle', {
		p_kind: kind,
		p_email: email.toLowerCase(),
		p_ip: client,
		p_per_ip: perIp
	});
	if (error) dbFailure(error);
	return Math.max(0, data ?? 0);
}
