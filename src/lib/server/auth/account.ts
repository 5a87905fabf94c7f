// Accounts and credentials, always through the service role (adminDb): the
// only way the app reads or changes an email or a password hash.
import { adminDb } from '$lib/server/db/client';
import * as credentials from '$lib/server/db/credentials';

/** The new account's id, or null when the email is taken. */
export const createAccount = (email: string, displayName: string, passwordHash: string) =>
	credentials.createAccount(adminDb(), email, displayName, passwordHash);

export const findCredentialsByEmail = (email: string) =>
	credentials.findCredentialsByEmail(adminDb(), email);

export const findCredentialsByUser = (userId: string) =>
	credentials.findCredentialsByUser(adminDb(), userId);

export const setPasswordHash = (userId: string, passwordHash: string) =>
	credentials.setPasswordHash(adminDb(), userId, passwordHash);
