import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2 = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_email' | 'too_common';

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN) return 'too_short';
	if (length > PASSWORD_MAX) return 'too_long';
	const lower = password.toLowerCase();
	if (email && lower === email.trim().toLowerCase()) return 'same_as_email';
	if (COMMON_PASSWORDS.has(lower)) return 'too_common';
	return null;
}

export const hashPassword = (password: string) => hash(password, ARGON2);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// Verifying against this when no account matches keeps the response time the
// same, so timing does not reveal whether an email is registered.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash() {
	dummyHash ??= hashPassword('tsunagu-timing-equaliser');
	return dummyHash;
}
