// The only place the app makes supabase-js clients. `adminDb` (service role,
// bypasses RLS) is for sessions, credentials, seeding and jobs only; every
// request on behalf of a person uses `userDb`/`anonDb` so that RLS decides.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/server/db/database.types';
import { clientOptions } from '$lib/server/db/client-options';
import { mintUserToken } from '$lib/server/db/jwt';
import { serverEnv } from '$lib/server/env';

export type Db = SupabaseClient<Database>;

let admin: Db | undefined;
let anon: Db | undefined;

export function adminDb(): Db {
	admin ??= createClient<Database>(
		serverEnv.supabaseUrl,
		serverEnv.serviceRoleKey,
		clientOptions(serverEnv.dbTimeoutMs)
	);
	return admin;
}

export function anonDb(): Db {
	anon ??= createClient<Database>(
		serverEnv.supabaseUrl,
		serverEnv.anonKey,
		clientOptions(serverEnv.dbTimeoutMs)
	);
	return anon;
}

/**
 * A client for one request by a signed-in user. Its token is made at its first
 * call and serves the request's other calls (signing one for each call was a
 * tenth of a signed-in page's CPU); a request ends long before it expires.
 */
export function userDb(userId: string): Db {
	const secret = serverEnv.jwtSecret;
	let token: Promise<string> | undefined;
	return createClient<Database>(serverEnv.supabaseUrl, serverEnv.anonKey, {
		...clientOptions(serverEnv.dbTimeoutMs),
		accessToken: () => (token ??= mintUserToken(userId, secret))
	});
}
