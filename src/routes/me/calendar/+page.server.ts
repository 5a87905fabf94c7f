import { fail } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { requestDb } from '$lib/server/db/request';
import {
	calendarFeedCreatedAt,
	removeCalendarToken,
	replaceCalendarToken
} from '$lib/server/events/calendar-token';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { user } = requireUser();
	return { createdAt: await calendarFeedCreatedAt(requestDb(), user.id) };
};

export const actions: Actions = {
	// makes the address, or a new one (the old one stops working); shown once
	create: async ({ url }) => {
		const { user } = requireUser();
		let token: string;
		try {
			token = await replaceCalendarToken(requestDb(), user.id);
		} catch (e) {
			logEvent('calendar_token_failed', { user: user.id, error: String(e) });
			return fail(500, { failed: true as const });
		}
		logEvent('calendar_token_created', { user: user.id });
		const path = localizeHref(`/me/calendar/${token}.ics`);
		return {
			feed: { https: new URL(path, url.origin).href, webcal: `webcal://${url.host}${path}` }
		};
	},
	remove: async () => {
		const { user } = requireUser();
		await removeCalendarToken(requestDb(), user.id);
		logEvent('calendar_token_removed', { user: user.id });
		return { removed: true as const };
	}
};
