import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { calendarFeedCreatedAt, removeCalendarToken } from '$lib/server/db/calendar-tokens';
import { requestDb } from '$lib/server/db/request';
import { replaceCalendarToken } from '$lib/server/events/calendar-token';
import { notice } from '$lib/server/forms/small';
import { m } from '$lib/paraglide/messages';
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
		const token = await replaceCalendarToken(requestDb(), user.id);
		logEvent('calendar_token_created', { user: user.id });
		const path = localizeHref(`/me/calendar/${token}.ics`);
		return notice('create', m.calendar_my_shown_once(), {
			feed: { https: new URL(path, url.origin).href, webcal: `webcal://${url.host}${path}` }
		});
	},
	remove: async () => {
		const { user } = requireUser();
		await removeCalendarToken(requestDb(), user.id);
		logEvent('calendar_token_removed', { user: user.id });
		return notice('remove', m.calendar_my_removed());
	}
};
