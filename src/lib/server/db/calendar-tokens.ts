// Personal calendar feed tokens. Only a token's SHA-256 is stored; RLS lets a
// member read, make and remove their own row. A feed is fetched by calendar
// apps without a session, so finding a token's owner needs the service role
// (src/lib/server/events/calendar-token.ts), as for sessions.
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';

/** Whose feed this token hash opens, or null (call with adminDb()). */
export async function findCalendarTokenOwner(db: Db, tokenHash: string): Promise<string | null> {
	const { data, error } = await db
		.from('calendar_tokens')
		.select('user_id')
		.eq('token_hash', tokenHash)
		.maybeSingle();
	if (error) dbFailure(error);
	return data?.user_id ?? null;
}

/** When the member's current feed address was made, or null when there is none. */
export async function calendarFeedCreatedAt(db: Db, userId: string): Promise<string | null> {
	const { data, error } = await db
		.from('calendar_tokens')
		.select('created_at')
		.eq('user_id', userId)
		.maybeSingle();
	if (error) dbFailure(error);
	return data?.created_at ?? null;
}

/** Stores the member's token hash; a member has one at most (remove the old one first). */
export async function insertCalendarToken(db: Db, userId: string, tokenHash: string) {
	const { error } = await db
		.from('calendar_tokens')
		.insert({ user_id: userId, token_hash: tokenHash });
	if (error) dbFailure(error);
}

/** Removes the member's feed address: it stops working. */
export async function removeCalendarToken(db: Db, userId: string) {
	const { error } = await db.from('calendar_tokens').delete().eq('user_id', userId);
	if (error) dbFailure(error);
}
