// A session for a seeded member, made as the app makes one: a random token for the cookie and
// only its hash in the database (src/lib/server/auth/session.ts).
import pg from 'pg';
import { newToken, tokenHash } from '../../src/lib/server/tokens.ts';

/** The Cookie header of a new 30-day session of `userId`. */
export async function sessionCookie(databaseUrl: string, userId: string): Promise<string> {
	const token = newToken();
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		await db.query(
			`insert into public.sessions (id, user_id, expires_at, absolute_expires_at)
			 values ($1, $2, now() + interval '30 days', now() + interval '90 days')`,
			[tokenHash(token), userId]
		);
	} finally {
		await db.end();
	}
	return `tsunagu_session=${token}`;
}
