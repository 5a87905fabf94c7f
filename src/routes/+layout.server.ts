import { countUnread } from '$lib/server/db/notifications';
import { requestDb } from '$lib/server/db/request';
import { logEvent } from '$lib/server/log';
import { readTextSize } from '$lib/server/preferences';
import type { LayoutServerLoad } from './$types';

// Only what the header needs; never the session. The bell's count is one
// head-only count query, and a failure there never takes the page down.
export const load: LayoutServerLoad = async ({ locals, cookies }) => {
	const textSize = readTextSize(cookies);
	if (!locals.user) return { user: null, unreadNotifications: 0, textSize };
	let unreadNotifications = 0;
	try {
		unreadNotifications = await countUnread(requestDb(), locals.user.id);
	} catch (e) {
		logEvent('notifications_count_failed', { error: e instanceof Error ? e.message : String(e) });
	}
	return {
		user: { displayName: locals.user.displayName, role: locals.user.role },
		unreadNotifications,
		textSize
	};
};
