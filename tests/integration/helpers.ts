import { createClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import ws from 'ws';
import type { Database } from '../../src/lib/server/db/database.types';
import { mintUserToken } from '../../src/lib/server/db/jwt';

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

const options = {
	auth: { persistSession: false, autoRefreshToken: false },
	realtime: { transport: ws as never }
};

export const serviceClient = () =>
	createClient<Database>(testEnv().url, testEnv().serviceRoleKey, options);

export const anonClient = () => createClient<Database>(testEnv().url, testEnv().anonKey, options);

/** A client acting as this user, with a real minted token, through PostgREST. */
export const userClient = (userId: string) =>
	createClient<Database>(testEnv().url, testEnv().anonKey, {
		...options,
		accessToken: () => mintUserToken(userId, testEnv().jwtSecret)
	});

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@test.example`;

/** Creates an account directly (the password hash is not a real argon2 hash). */
export async function createTestUser(displayName = 'テスト 利用者') {
	const email = uniqueEmail();
	const { data, error } = await serviceClient().rpc('create_account', {
		p_email: email,
		p_display_name: displayName,
		p_password_hash: 'not-a-real-hash'
	});
	if (error || !data) throw new Error(error?.message ?? 'no id');
	return { id: data, email };
}
