// The one set of test helpers for talking to the stack: real supabase-js
// clients through real PostgREST (service role, anon, or a user with a freshly
// minted token), test accounts and the seed's demo ids. Used by integration
// and e2e tests alike; `npm test` provides the stack's environment.
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { clientOptions } from '$lib/server/db/client-options';
import type { Database } from '$lib/server/db/database.types';
import { mintUserToken } from '$lib/server/db/jwt';

/** Demo accounts from supabase/seed.sql. */
export const DEMO_IDS = {
	member: '00000000-0000-4000-8000-000000000001',
	coordinator: '00000000-0000-4000-8000-000000000002',
	admin: '00000000-0000-4000-8000-000000000003'
};

export function testEnv() {
	const get = (k: string) => {
		const v = process.env[k];
		if (!v) throw new Error(`${k} missing: run through npm test`);
		return v;
	};
	return {
		url: get('SUPABASE_URL'),
		anonKey: get('SUPABASE_ANON_KEY'),
		serviceRoleKey: get('SUPABASE_SERVICE_ROLE_KEY'),
		jwtSecret: get('SUPABASE_JWT_SECRET'),
		databaseUrl: get('DATABASE_URL')
	};
}

// tests wait longer than a page would: a loaded CI machine is slow, not broken
const options = () => clientOptions(30_000);

export const serviceClient = () =>
	createClient<Database>(testEnv().url, testEnv().serviceRoleKey, options());

export const anonClient = () => createClient<Database>(testEnv().url, testEnv().anonKey, options());

/** A client acting as this user, with a real minted token, through PostgREST. */
export const userClient = (userId: string) =>
	createClient<Database>(testEnv().url, testEnv().anonKey, {
		...options(),
		accessToken: () => mintUserToken(userId, testEnv().jwtSecret)
	});

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@test.example`;

/**
 * Creates an account directly (the password hash is not a real argon2 hash
 * unless one is given: it cannot log in). Its address counts as confirmed, as
 * every account's did before confirmation existed, so that it can join and
 * post; `verified: false` makes a new account as sign-up does, unconfirmed.
 */
export async function createTestUser(
	displayName = 'テスト 利用者',
	opts: { verified?: boolean; email?: string; passwordHash?: string } = {}
) {
	const email = opts.email ?? uniqueEmail();
	const { data, error } = await serviceClient().rpc('create_account', {
		p_email: email,
		p_display_name: displayName,
		p_password_hash: opts.passwordHash ?? 'not-a-real-hash'
	});
	if (error || !data) throw new Error(error?.message ?? 'no id');
	if (opts.verified ?? true) await confirmTestEmail(data);
	return { id: data, email };
}

/** Marks the account's address confirmed, as its verify_email link would. */
export async function confirmTestEmail(userId: string) {
	const { error } = await serviceClient()
		.from('credentials')
		.update({ email_verified_at: new Date().toISOString() })
		.eq('user_id', userId);
	if (error) throw new Error(error.message);
}

/** The same by the account's address (an account made through the sign-up page). */
export async function confirmTestEmailOf(email: string) {
	const { data, error } = await serviceClient()
		.from('credentials')
		.update({ email_verified_at: new Date().toISOString() })
		.eq('email', email.toLowerCase())
		.select('user_id');
	if (error) throw new Error(error.message);
	if (data.length !== 1) throw new Error(`no account with ${email}`);
}
