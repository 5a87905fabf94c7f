// The only place supabase-js clients are made. `adminDb` (service role,
// bypasses RLS) is for sessions, credentials, seeding and jobs only; every
// request on behalf of a person uses `userDb`/`anonDb` so that RLS decides.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import type { Database } from '$lib/server/db/database.types';
import { serverEnv } from '$lib/server/env';
import { mintUserToken } from '$lib/server/db/jwt';

export type Db = SupabaseClient<Database>;

const options = () => ({
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	// Node 20 has no global WebSocket; realtime is unused but the client needs one.
	realtime: { transport: ws as never },
	db: {
		schema: 'public' as const,
		// A hung API must not hang every page: each call is aborted after this
		// long and the person gets the 503 page (db/errors.ts). No retries:
		// a page waits at most this long per call, never several times over.
		timeout: serverEnv.dbTimeoutMs,
		retry: false
	}
});

let admin: Db | undefined;
let anon: Db | undefined;

export function adminDb(): Db {
	admin ??= createClient<Database>(serverEnv.supabaseUrl, serverEnv.serviceRoleKey, options());
	return admin;
}

export function anonDb(): Db {
	anon ??= createClient<Database>(serverEnv.supabaseUrl, serverEnv.anonKey, options());
	return anon;
}

/** A client for one request by a signed-in user: a fresh token for every call. */
export function userDb(userId: string): Db {
	const secret = serverEnv.jwtSecret;
	return createClient<Database>(serverEnv.supabaseUrl, serverEnv.anonKey, {
		...options(),
		accessToken: () => mintUserToken(userId, secret)
	});
}
