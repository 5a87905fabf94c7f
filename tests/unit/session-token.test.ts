import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jwtVerify } from 'jose';
import { newToken, tokenHash } from '$lib/server/tokens';
import { mintUserToken } from '$lib/server/db/jwt';

describe('session tokens', () => {
	it('carry 160 random bits and are stored as their SHA-256', () => {
		const tokens = new Set(Array.from({ length: 1000 }, newToken));
		expect(tokens.size).toBe(1000);
		const token = [...tokens][0];
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(tokenHash(token)).toBe(createHash('sha256').update(token).digest('hex'));
	});
});

describe('per-request user token', () => {
	it('is an HS256 JWT for role authenticated with the user id as sub, valid at most 5 minutes', async () => {
		const secret = 'a-test-secret-of-at-least-32-characters!';
		const now = Date.now();
		const token = await mintUserToken('00000000-0000-4000-8000-000000000009', secret, now);
		const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(secret), {
			audience: 'authenticated',
			currentDate: new Date(now)
		});
		expect(protectedHeader.alg).toBe('HS256');
		expect(payload.role).toBe('authenticated');
		expect(payload.sub).toBe('00000000-0000-4000-8000-000000000009');
		expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
		await expect(
			jwtVerify(token, new TextEncoder().encode('another-secret-of-32-characters-long!'))
		).rejects.toThrow();
	});
});
