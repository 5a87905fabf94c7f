import { redirect } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { signUpAccount } from '$lib/server/auth/account';
import { signupSchema } from '$lib/server/auth/forms';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { startSession } from '$lib/server/auth/login';
import { hashPassword } from '$lib/server/auth/password';
import { recordAttempt, throttleFor } from '$lib/server/auth/throttle';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, localizeHref('/'));
	return { form: await superValidate(zod4(signupSchema())) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate(event.request, zod4(signupSchema()));
		const password = form.data.password;
		form.data.password = ''; // never sent back to the browser
		if (!form.valid) return fail(400, { form });

		const ip = event.getClientAddress();
		const { retryAfter } = await throttleFor('signup', form.data.email, ip);
		if (retryAfter > 0) {
			logEvent('signup_throttled', { ip });
			event.setHeaders({ 'retry-after': String(retryAfter) });
			return message(form, m.signup_throttled({ minutes: Math.ceil(retryAfter / 60) }), {
				status: 429
			});
		}

		// The same work, the same redirect and the same page whether or not the
		// address is taken: one hash, one database call (sign_up makes the account
		// and its confirmation mail, or mails the owner of the address instead).
		// Only a new account gets signed in; it can browse and fill its profile,
		// and joins and posts once it has confirmed its address.
		const passwordHash = await hashPassword(password);
		const userId = await signUpAccount(form.data.email, form.data.displayName, passwordHash);
		await recordAttempt('signup', form.data.email, ip, true);
		if (userId) {
			logEvent('signup', { userId, ip });
			await startSession(event, userId);
		} else {
			logEvent('signup_existing', { ip });
		}
		const next = safeRedirectTarget(
			event.url.searchParams.get('redirectTo'),
			event.url.origin,
			localizeHref('/')
		);
		const sent = localizeHref('/signup/sent');
		redirect(
			303,
			next === localizeHref('/') ? sent : `${sent}?redirectTo=${encodeURIComponent(next)}`
		);
	}
};
