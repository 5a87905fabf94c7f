import type { RequestEvent } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { anonDb, userDb, type Db } from '$lib/server/db/client';

// One client per request: layout, page and helpers all share it.
const clients = new WeakMap<RequestEvent, Db>();

/** The supabase-js client for the current request: RLS sees this person, or anon. */
export function requestDb(): Db {
	const event = getRequestEvent();
	let db = clients.get(event);
	if (!db) {
		db = event.locals.user ? userDb(event.locals.user.id) : anonDb();
		clients.set(event, db);
	}
	return db;
}
