import { getRequestEvent } from '$app/server';
import { anonDb, userDb, type Db } from '$lib/server/db/client';

/** The supabase-js client for the current request: RLS sees this person, or anon. */
export function requestDb(): Db {
	const { locals } = getRequestEvent();
	return locals.user ? userDb(locals.user.id) : anonDb();
}
