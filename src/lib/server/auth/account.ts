// Accounts and credentials, always through the service role (adminDb): the
// only way the app reads or changes an email or a password hash, and the
// one-time links that mail makes possible (db/account-tokens.ts). Every link
// is a fresh token (tokens.ts); the database keeps its SHA-256 and enqueues
// the mail with the raw token in the same transaction.
import { adminDb } from '$lib/server/db/client';
import * as tokens from '$lib/server/db/account-tokens';
import * as credentials from '$lib/server/db/credentials';
import { newToken, TOKEN } from '$lib/server/tokens';

export const findCredentialsByEmail = (email: string) =>
	credentials.findCredentialsByEmail(adminDb(), email);

export const findCredentialsByUser = (userId: string) =>
	credentials.findCredentialsByUser(adminDb(), userId);

export const setPasswordHash = (userId: string, passwordHash: string) =>
	credentials.setPasswordHash(adminDb(), userId, passwordHash);

/**
 * Sign-up: the new account's id (unconfirmed; the confirmation mail is on its
 * way), or null when the address is taken — then nothing is created and its
 * owner gets a mail instead. One database call either way.
 */
export const signUpAccount = (email: string, displayName: string, passwordHash: string) =>
	tokens.signUp(adminDb(), { email, displayName, passwordHash, token: newToken() });

/** 確認メールをもう一度送る: false when the address is confirmed already. */
export const sendEmailVerification = (userId: string) =>
	tokens.requestEmailVerification(adminDb(), userId, newToken());

/** Whether this verify_email link can be used. */
export const emailVerificationUsable = async (token: string) =>
	TOKEN.test(token) && (await tokens.accountTokenEmail(adminDb(), 'verify_email', token)) !== null;

/** Confirms the address of a verify_email link: the member's id, or null. */
export const confirmEmail = (token: string) =>
	TOKEN.test(token) ? tokens.verifyEmail(adminDb(), token) : Promise.resolve(null);

/** パスワードを忘れた方: a link when the address has an account, nothing otherwise. */
export const sendPasswordReset = (email: string) =>
	tokens.requestPasswordReset(adminDb(), email, newToken());

/** The account's address when this reset link can be used, else null. */
export const passwordResetEmail = (token: string) =>
	TOKEN.test(token)
		? tokens.accountTokenEmail(adminDb(), 'password_reset', token)
		: Promise.resolve(null);

/** Sets the new password from a reset link and ends every session: the member's id, or null. */
export const resetPasswordWithToken = (token: string, passwordHash: string) =>
	TOKEN.test(token) ? tokens.resetPassword(adminDb(), token, passwordHash) : Promise.resolve(null);

/** A confirmation link to the new address (nothing when it is taken: the same answer). */
export const sendEmailChange = (userId: string, newEmail: string) =>
	tokens.requestEmailChange(adminDb(), userId, newEmail, newToken());

/** The new address of a usable email_change link, else null. */
export const emailChangeTarget = (token: string) =>
	TOKEN.test(token)
		? tokens.accountTokenEmail(adminDb(), 'email_change', token)
		: Promise.resolve(null);

export const confirmEmailChange = (token: string) =>
	TOKEN.test(token)
		? tokens.confirmEmailChange(adminDb(), token, newToken())
		: Promise.resolve('invalid' as const);

/** The old address of a usable email_revert link (in the notice of a change), else null. */
export const emailRevertTarget = (token: string) =>
	TOKEN.test(token)
		? tokens.accountTokenEmail(adminDb(), 'email_revert', token)
		: Promise.resolve(null);

/**
 * Undoes a change of address from the notice to the old one: the old address
 * is back, every session ended, and `resetToken` is a fresh password reset
 * link (one hour) for the page to go to next.
 */
export async function revertEmailChange(token: string) {
	if (!TOKEN.test(token)) return { result: 'invalid' as const, resetToken: null };
	const resetToken = newToken();
	const result = await tokens.revertEmailChange(adminDb(), token, resetToken);
	return { result, resetToken: result === 'reverted' ? resetToken : null };
}
