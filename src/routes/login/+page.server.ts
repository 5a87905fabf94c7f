import { redirect } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { findCredentialsByEmail } from '$lib/server/auth/account';
import { loginSchema } from '$lib/server/auth/forms';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { startSession } from '$lib/server/auth/login';
import { dummyPasswordHash, verifyPassword } from '$lib/server/auth/password';
import { recordAttempt, sleep, throttleFor } from '$lib/server/auth/throttle';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, localizeHref('/'));
	return { form: await superValidate(zod4(loginSchema())) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate(event.request, zod4(loginSchema()));
		const password = form.data.password;
		form.data.password = ''; // never sent back to the browser
		if (!form.valid) return fail(400, { form });

		const { email } = form.data;
		const ip = event.getClientAddress();
		// before any argon2 work: hashing is deliberately slow
		const { retryAfter, delaySeconds } = await throttleFor('login', email, ip);
		if (retryAfter > 0) {
			logEvent('login_throttled', { email, ip, retryAfter });
			event.setHeaders({ 'retry-after': String(retryAfter) });
			return message(form, m.login_throttled({ minutes: Math.ceil(retryAfter / 60) }), {
				status: 429
			});
		}
		// many failures for this email from anywhere: slowed down, never refused
		if (delaySeconds > 0) {
			logEvent('login_delayed', { email, ip, delaySeconds });
			await sleep(delaySeconds * 1000);
		}

		const credentials = await findCredentialsByEmail(email);
		const valid = credentials
			? await verifyPassword(credentials.passwordHash, password)
			: (await verifyPassword(await dummyPasswordHash(), password), false);
		await recordAttempt('login', email, ip, valid);
		if (!credentials || !valid) {
			logEvent('login_failed', { email, ip });
			return message(form, m.login_failed(), { status: 400 });
		}

		logEvent('login', { userId: credentials.userId, ip });
		await startSession(event, credentials.userId);
		redirect(
			303,
			safeRedirectTarget(
				event.url.searchParams.get('redirectTo'),
				event.url.origin,
				localizeHref('/')
			)
		);
	}
};
