// Personal calendar feeds (/me/calendar/<token>.ics). The token is random
// (160 bits, like a session token); only its SHA-256 is stored
// (db/calendar-tokens.ts). A feed is fetched by calendar apps without a
// session, so the token is resolved to its owner with the service role
// (credential handling, like sessions), and the owner's data is then read as
// that owner, under RLS.
import { adminDb, type Db } from '$lib/server/db/client';
import {
	findCalendarTokenOwner,
	insertCalendarToken,
	removeCalendarToken
} from '$lib/server/db/calendar-tokens';
import { newToken, TOKEN, tokenHash } from '$lib/server/tokens';

/** <token>.ics: 32 lowercase base32 characters (20 random bytes). */
export const CALENDAR_FILE = new RegExp(`^(${TOKEN.source.slice(1, -1)})\\.ics$`);

/** Whose feed this token opens, or null. */
export const calendarTokenOwner = (token: string) =>
	findCalendarTokenOwner(adminDb(), tokenHash(token));

/** Makes a new feed token for the member (the old one stops working) and returns it: shown once. */
export async function replaceCalendarToken(db: Db, userId: string): Promise<string> {
	await removeCalendarToken(db, userId);
	const token = newToken();
	await insertCalendarToken(db, userId, tokenHash(token));
	return token;
}
