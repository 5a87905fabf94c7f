// Login throttling counted in the database (so it holds across processes).
import { describe, expect, it } from 'vitest';
import { recordAttempt, retryAfterSeconds } from '../../src/lib/server/auth/throttle';
import { serviceClient, uniqueEmail } from './helpers';

const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${Math.random().toString(36).slice(2, 6)}`;

describe('login throttling', () => {
	it('refuses a sixth attempt after 5 failures for one email, for at most 15 minutes', async () => {
		const email = uniqueEmail();
		for (let i = 0; i < 4; i++) await recordAttempt('login', email, ip(), false);
		expect(await retryAfterSeconds('login', email, ip())).toBe(0);
		await recordAttempt('login', email, ip(), false);
		const wait = await retryAfterSeconds('login', email, ip());
		expect(wait).toBeGreaterThan(800);
		expect(wait).toBeLessThanOrEqual(900);
		// email matching ignores case
		expect(await retryAfterSeconds('login', email.toUpperCase(), ip())).toBeGreaterThan(0);
		// another email from another address is not affected
		expect(await retryAfterSeconds('login', uniqueEmail(), ip())).toBe(0);
	});

	it('refuses after 20 failures from one IP, whatever the emails', async () => {
		const address = ip();
		for (let i = 0; i < 19; i++) await recordAttempt('login', uniqueEmail(), address, false);
		expect(await retryAfterSeconds('login', uniqueEmail(), address)).toBe(0);
		await recordAttempt('login', uniqueEmail(), address, false);
		expect(await retryAfterSeconds('login', uniqueEmail(), address)).toBeGreaterThan(0);
	});

	it('is never permanent: failures older than 15 minutes stop counting', async () => {
		const email = uniqueEmail();
		for (let i = 0; i < 5; i++) await recordAttempt('login', email, ip(), false);
		expect(await retryAfterSeconds('login', email, ip())).toBeGreaterThan(0);
		const { error } = await serviceClient()
			.from('login_attempts')
			.update({ created_at: new Date(Date.now() - 16 * 60_000).toISOString() })
			.eq('email', email);
		expect(error).toBeNull();
		expect(await retryAfterSeconds('login', email, ip())).toBe(0);
	});

	it('starts counting again after a successful login', async () => {
		const email = uniqueEmail();
		for (let i = 0; i < 4; i++) await recordAttempt('login', email, ip(), false);
		await recordAttempt('login', email, ip(), true);
		await recordAttempt('login', email, ip(), false);
		expect(await retryAfterSeconds('login', email, ip())).toBe(0);
	});

	it('throttles sign-ups per IP', async () => {
		const address = ip();
		for (let i = 0; i < 20; i++) await recordAttempt('signup', uniqueEmail(), address, true);
		expect(await retryAfterSeconds('signup', uniqueEmail(), address)).toBeGreaterThan(0);
		expect(await retryAfterSeconds('signup', uniqueEmail(), ip())).toBe(0);
	});
});

describe('loopback addresses', () => {
	it('are not limited per IP (they are a proxy or the machine itself), but the per-email limit still holds', async () => {
		for (let i = 0; i < 25; i++) await recordAttempt('signup', uniqueEmail(), '127.0.0.1', true);
		expect(await retryAfterSeconds('signup', uniqueEmail(), '127.0.0.1')).toBe(0);
		const email = uniqueEmail();
		for (let i = 0; i < 5; i++) await recordAttempt('login', email, '::1', false);
		expect(await retryAfterSeconds('login', email, '::1')).toBeGreaterThan(0);
	});
});
