import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session && locals.user) {
			await invalidateSession(locals.session.id);
			logEvent('logout', { userId: locals.user.id });
		}
		deleteSessionCookie(cookies, url);
		redirect(303, localizeHref('/'));
	}
};
