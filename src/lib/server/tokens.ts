// Secret tokens: session cookies, invitation links, personal calendar feeds.
// 160 random bits as 32 lower-case base32 characters; only the SHA-256 of a
// token is ever stored, so a copy of the database opens nothing.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** What a token looks like in a URL or cookie (checked before any lookup). */
export const TOKEN = /^[a-z2-7]{32}$/;

export function newToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored form of a token: hex SHA-256. */
export function tokenHash(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
