// Accounts and their credentials (email, password hash). Service role only
// (adminDb): no person ever reads these through RLS. The callers are in
// src/lib/server/auth/account.ts; accounts are made by sign_up
// (db/account-tokens.ts).
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';

export async function findCredentialsByEmail(
	db: Db,
	email: string
): Promise<{ userId: string; passwordHash: string } | null> {
	const { data, error } = await db
		.from('credentials')
		.select('user_id, password_hash')
		.eq('email', email.trim().toLowerCase())
		.maybeSingle();
	if (error) dbFailure(error);
	return data && { userId: data.user_id, passwordHash: data.password_hash };
}

export async function findCredentialsByUser(
	db: Db,
	userId: string
): Promise<{ email: string; passwordHash: string }> {
	const { data, error } = await db
		.from('credentials')
		.select('email, password_hash')
		.eq('user_id', userId)
		.single();
	if (error) dbFailure(error);
	return { email: data.email, passwordHash: data.password_hash };
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string) {
	const { error } = await db
		.from('credentials')
		.update({ password_hash: passwordHash })
		.eq('user_id', userId);
	if (error) dbFailure(error);
}
