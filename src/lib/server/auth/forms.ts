// Form schemas for sign-up, login and account. Built per request so that the
// messages come out in the request's language.
import { z } from 'zod';
import { EMAIL } from '$lib/forms/patterns';
import { m } from '$lib/paraglide/messages';
import { passwordProblem, PASSWORD_MAX, type PasswordProblem } from './password';

const passwordMessages: Record<PasswordProblem, () => string> = {
	too_short: m.error_password_too_short,
	too_long: m.error_password_too_long,
	same_as_email: m.error_password_same_as_email,
	too_common: m.error_password_too_common
};

const displayName = () =>
	z
		.string()
		.trim()
		.min(1, m.error_display_name_required())
		.max(50, m.error_display_name_too_long());

const email = () =>
	z
		.string()
		.trim()
		.min(1, m.error_email_required())
		.max(254, m.error_email_invalid())
		.regex(EMAIL, m.error_email_invalid())
		.transform((v) => v.toLowerCase());

/** A new password, judged against the account's email address. */
function checkNewPassword(password: string, address: string, ctx: z.RefinementCtx, path: string) {
	const problem = passwordProblem(password, address);
	if (problem) ctx.addIssue({ code: 'custom', path: [path], message: passwordMessages[problem]() });
}

export const signupSchema = () =>
	z
		.object({
			displayName: displayName(),
			email: email(),
			password: z
				.string()
				.min(1, m.error_password_required())
				.max(PASSWORD_MAX, m.error_password_too_long())
		})
		.superRefine((v, ctx) => checkNewPassword(v.password, v.email, ctx, 'password'));

export const loginSchema = () =>
	z.object({
		email: email(),
		password: z
			.string()
			.min(1, m.error_password_required())
			.max(PASSWORD_MAX, m.error_password_too_long())
	});

export const displayNameSchema = () => z.object({ displayName: displayName() });

export const passwordChangeSchema = (accountEmail: string) =>
	z
		.object({
			currentPassword: z.string().min(1, m.error_password_required()).max(PASSWORD_MAX),
			newPassword: z
				.string()
				.min(1, m.error_password_required())
				.max(PASSWORD_MAX, m.error_password_too_long())
		})
		.superRefine((v, ctx) => checkNewPassword(v.newPassword, accountEmail, ctx, 'newPassword'));

/** パスワードを忘れた方: the address to send the link to. */
export const passwordResetRequestSchema = () => z.object({ email: email() });

/** The new password from a reset link, judged against the account's address. */
export const passwordResetSchema = (accountEmail: string) =>
	z
		.object({
			newPassword: z
				.string()
				.min(1, m.error_password_required())
				.max(PASSWORD_MAX, m.error_password_too_long())
		})
		.superRefine((v, ctx) => checkNewPassword(v.newPassword, accountEmail, ctx, 'newPassword'));

/** A new address for the account, with the current password. */
export const emailChangeSchema = (currentEmail: string) =>
	z
		.object({
			newEmail: email(),
			password: z.string().min(1, m.error_password_required()).max(PASSWORD_MAX)
		})
		.superRefine((v, ctx) => {
			if (v.newEmail === currentEmail.toLowerCase())
				ctx.addIssue({ code: 'custom', path: ['newEmail'], message: m.error_email_same() });
		});
