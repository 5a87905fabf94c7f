import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { confirmEmail, emailVerificationUsable } from '$lib/server/auth/account';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

// The link in a verify_email mail. Opening it changes nothing (mail scanners
// open links too); the button confirms. It works without being signed in (the
// mail may be read on another device). Unknown, used and expired links: one answer.
export const load: PageServerLoad = async ({ params }) => ({
	valid: await emailVerificationUsable(params.token)
});

export const actions: Actions = {
	default: async ({ params }) => {
		const userId = await confirmEmail(params.token);
		if (!userId) redirect(303, localizeHref(`/verify/${params.token}`));
		logEvent('email_verified', { userId });
		// a new request, so that the banner and the forms see the confirmed address
		redirect(303, localizeHref('/verify/done'));
	}
};
