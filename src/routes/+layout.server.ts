import type { Readings } from '$lib/furigana/ruby';
import { readingTableWords } from '$lib/server/db/furigana';
import { countUnread } from '$lib/server/db/notifications';
import { requestDb } from '$lib/server/db/request';
import { logEvent } from '$lib/server/log';
import { currentSuspension } from '$lib/server/moderation/current';
import { readEasyView, readFurigana, readTextSize } from '$lib/server/preferences';
import type { LayoutServerLoad } from './$types';

// Only what the header needs; never the session. The bell's count is one
// head-only count query, the person's suspension in force (the banner) one
// indexed lookup, both only for signed-in people and run together; a failure
// there never takes the page down. Whether the address is confirmed (the
// other banner) comes with the session (validate_session): no request at all.
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
	const [unreadNotifications, suspension, table] = await Promise.all([
		countUnread(db, locals.user.id).catch((e: unknown) => {
			logEvent('notifications_count_failed', { error: e instanceof Error ? e.message : String(e) });
			return 0;
		}),
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
