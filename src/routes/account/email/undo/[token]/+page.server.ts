import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { emailRevertTarget, revertEmailChange } from '$lib/server/auth/account';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

// The link in an email_change_notice (sent to the old address: 心当たりがない
// 場合). The button brings the old address back, ends every session and goes
// on to a fresh password reset link, so that whoever changed it is locked out.
export const load: PageServerLoad = async ({ params }) => ({
	oldEmail: await emailRevertTarget(params.token)
});

export const actions: Actions = {
	default: async ({ params, cookies, url }) => {
		const { result, resetToken } = await revertEmailChange(params.token);
		if (result === 'invalid') redirect(303, localizeHref(`/account/email/undo/${params.token}`));
		if (result === 'taken') return fail(409, { taken: true });
		logEvent('email_change_reverted', {});
		// every session ended with the change back, this browser's too
		deleteSessionCookie(cookies, url);
		redirect(303, localizeHref(`/login/reset/${resetToken}`));
	}
};
