import { getRequestEvent } from '$app/server';
import { anonDb, userDb, type Db } from '$lib/server/db/client';

// One client per request: layout, page and helpers all share it. Keyed by the request's
// locals, the one object they all see: SvelteKit gives each load its own event object.
const clients = new WeakMap<App.Locals, Db>();

/** The supabase-js client for the current request: RLS sees this person, or anon. */
export function requestDb(): Db {
	const event = getRequestEvent();
	let db = clients.get(event.locals);
	if (!db) {
		db = event.locals.user ? userDb(event.locals.user.id) : anonDb();
		clients.set(event.locals, db);
	}
	return db;
}
