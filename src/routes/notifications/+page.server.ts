import { requireUser } from '$lib/server/auth/guard';
import {
	listNotifications,
	markAllRead,
	NOTIFICATION_KINDS,
	NOTIFICATION_PAGE_SIZE
} from '$lib/server/db/notifications';
import { requestDb } from '$lib/server/db/request';
import { notice } from '$lib/server/forms/small';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { user } = requireUser();
	const requested = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
	const { items, total } = await listNotifications(requestDb(), user.id, page, NOTIFICATION_KINDS);
	return {
		notifications: items,
		page,
		pageCount: Math.max(1, Math.ceil(total / NOTIFICATION_PAGE_SIZE))
	};
};

export const actions: Actions = {
	markAllRead: async () => {
		const { user } = requireUser();
		const marked = await markAllRead(requestDb(), user.id);
		return notice('markAllRead', m.notifications_marked_read(), { marked });
	}
};
