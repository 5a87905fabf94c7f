import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { confirmEmailChange, emailChangeTarget } from '$lib/server/auth/account';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

// The link in an email_change_confirm mail (sent to the new address). Opening
// it changes nothing; the button does. No sign-in needed: the link is the
// proof. An address that got an account meanwhile is refused here, gracefully.
export const load: PageServerLoad = async ({ params }) => ({
	newEmail: await emailChangeTarget(params.token)
});

export const actions: Actions = {
	default: async ({ params }) => {
		const result = await confirmEmailChange(params.token);
		if (result === 'invalid') redirect(303, localizeHref(`/account/email/${params.token}`));
		if (result === 'taken') return fail(409, { taken: true });
		logEvent('email_changed', {});
		redirect(303, localizeHref('/account/email/done'));
	}
};
