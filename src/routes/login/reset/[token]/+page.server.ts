import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { passwordResetEmail, resetPasswordWithToken } from '$lib/server/auth/account';
import { passwordResetSchema } from '$lib/server/auth/forms';
import { startSession } from '$lib/server/auth/login';
import { hashPassword } from '$lib/server/auth/password';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

// The link in a password_reset mail. Opening it changes nothing (mail
// scanners open links too): the page asks for the new password, and only the
// form uses the link up. Unknown, used and expired links get one answer.
export const load: PageServerLoad = async ({ params }) => {
	const email = await passwordResetEmail(params.token);
	return {
		valid: email !== null,
		form: await superValidate(zod4(passwordResetSchema(email ?? '')), { id: 'reset' })
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { token } = event.params;
		const here = localizeHref(`/login/reset/${token}`);
		const email = await passwordResetEmail(token);
		// used or expired meanwhile: the page says so
		if (!email) redirect(303, here);
		const form = await superValidate(event.request, zod4(passwordResetSchema(email)), {
			id: 'reset'
		});
		const password = form.data.newPassword;
		form.data.newPassword = ''; // never sent back to the browser
		if (!form.valid) return fail(400, { form });
		// the token is used up, every session of the person ends, the password changes: one transaction
		const userId = await resetPasswordWithToken(token, await hashPassword(password));
		if (!userId) redirect(303, here);
		await startSession(event, userId);
		logEvent('password_reset', { userId });
		redirect(303, localizeHref('/login/reset/done'));
	}
};
