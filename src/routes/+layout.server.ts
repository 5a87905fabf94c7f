import type { Readings } from '$lib/furigana/ruby';
import { readingTableWords } from '$lib/server/db/furigana';
import { countUnread } from '$lib/server/db/notifications';
import { requestDb } from '$lib/server/db/request';
import { logEvent } from '$lib/server/log';
import { statusIsCurrent } from '$lib/server/auth/status';
import { currentSuspension } from '$lib/server/moderation/current';
import { readEasyView, readFurigana, readTextSize } from '$lib/server/preferences';
import type { LayoutServerLoad } from './$types';

// Only what the header needs; never the session. The bell's count, the
// person's suspension in force (the banner) and whether the address is
// confirmed (the other banner) come with the session (validate_session): no
// request at all. After a form's action (POST: 全部既読にする, say) the count
// and the suspension are read again, side by side; a failure there never takes
// the page down.
// ふりがな on adds the reading table (one small read; +layout.ts adds the
// interface's words).
export const load: LayoutServerLoad = async ({ locals, cookies }) => {
	const textSize = readTextSize(cookies);
	const easyView = readEasyView(cookies);
	const furiganaTable: Promise<Readings | null> = readFurigana(cookies)
		? readingTableWords(requestDb()).catch((e: unknown) => {
				logEvent('reading_table_failed', { error: e instanceof Error ? e.message : String(e) });
				return {};
			})
		: Promise.resolve(null);
	if (!locals.user)
		return {
			user: null,
			unreadNotifications: 0,
			suspension: null,
			unverified: false,
			textSize,
			easyView,
			furiganaTable: await furiganaTable
		};
	const db = requestDb();
	const status = statusIsCurrent() ? locals.status : null;
	const [unreadNotifications, suspension, table] = await Promise.all([
		status
			? status.unreadNotifications
			: countUnread(db, locals.user.id).catch((e: unknown) => {
					logEvent('notifications_count_failed', {
						error: e instanceof Error ? e.message : String(e)
					});
					return 0;
				}),
		// the session's status, or read again after an action
		currentSuspension(locals.user.id).catch((e: unknown) => {
			logEvent('suspension_lookup_failed', { error: e instanceof Error ? e.message : String(e) });
			return null;
		}),
		furiganaTable
	]);
	return {
		user: { displayName: locals.user.displayName, role: locals.user.role },
		unreadNotifications,
		suspension: suspension && { until: suspension.until, reason: suspension.reason },
		unverified: !locals.user.emailVerified,
		textSize,
		easyView,
		furiganaTable: table
	};
};
