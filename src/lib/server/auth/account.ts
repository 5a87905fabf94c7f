// Credentials are only ever touched here, with the service role.
import { adminDb } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';

export async function createAccount(email: string, displayName: string, passwordHash: string) {
	const { data, error } = await adminDb().rpc('create_account', {
		p_email: email,
		p_display_name: displayName,
		p_password_hash: passwordHash
	});
	if (error) dbFailure(error);
	return data; // null when the email is taken
}

export async function findCredentialsByEmail(email: string) {
	const { data, error } = await adminDb()
		.from('credentials')
		.select('user_id, password_hash')
		.eq('email', email.trim().toLowerCase())
		.maybeSingle();
	if (error) dbFailure(error);
	return data;
}

export async function findCredentialsByUser(userId: string) {
	const { data, error } = await adminDb()
		.from('credentials')
		.select('email, password_hash')
		.eq('user_id', userId)
		.single();
	if (error) dbFailure(error);
	return data;
}

export async function setPasswordHash(userId: string, passwordHash: string) {
	const { error } = await adminDb()
		.from('credentials')
		.update({ password_hash: passwordHash })
		.eq('user_id', userId);
	if (error) dbFailure(error);
}
