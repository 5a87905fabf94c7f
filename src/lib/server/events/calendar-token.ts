// Personal calendar feeds (/me/calendar/<token>.ics). The token is random
// (160 bits, like a session token); only its SHA-256 is stored. A feed is
// fetched by calendar apps without a session, so the token is resolved to its
// owner with the service role (credential handling, like sessions), and the
// owner's data is then read as that owner, under RLS.
import { adminDb, type Db } from '$lib/server/db/client';
import { newToken, TOKEN, tokenHash } from '$lib/server/tokens';
import { dbFailure } from '$lib/server/db/errors';

/** <token>.ics: 32 lowercase base32 characters (20 random bytes). */
export const CALENDAR_FILE = new RegExp(`^(${TOKEN.source.slice(1, -1)})\\.ics$`);

/** Whose feed this token opens, or null. */
export async function calendarTokenOwner(token: string): Promise<string | null> {
	const { data, error } = await adminDb()
		.from('calendar_tokens')
		.select('user_id')
		.eq('token_hash', tokenHash(token))
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

/** Makes a new feed token for the member (the old one stops working) and returns it: shown once. */
export async function replaceCalendarToken(db: Db, userId: string): Promise<string> {
	await removeCalendarToken(db, userId);
	const token = newToken();
	const { error } = await db
		.from('calendar_tokens')
		.insert({ user_id: userId, token_hash: tokenHash(token) });
	if (error) dbFailure(error);
	return token;
}

export async function removeCalendarToken(db: Db, userId: string) {
	const { error } = await db.from('calendar_tokens').delete().eq('user_id', userId);
	if (error) dbFailure(error);
}
