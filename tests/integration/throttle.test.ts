// Login throttling counted in the database (so it holds across processes):
// login_throttle and record_login_attempt through PostgREST, with the client
// addresses an attacker and an account's owner would have.
import { describe, expect, it } from 'vitest';
import { recordAttempt, throttleFor } from '$lib/server/auth/throttle';
import { serviceClient, uniqueEmail } from '../support/db';

let n = 0;
/** A fresh public address (TEST-NET-2/3), different on every call. */
const ip = () => {
	n += 1;
	return `${n % 2 ? '198.51.100' : '203.0.113'}.${(Math.floor(n / 2) % 250) + 1}-${Math.random().toString(36).slice(2, 6)}`;
};

const fail = (email: string, address: string) => recordAttempt('login', email, address, false);
const succeed = (email: string, address: string) => recordAttempt('login', email, address, true);

describe('login throttling per client (one email from one address)', () => {
	it('refuses the attacker’s client after 5 failures, for at most 15 minutes, while the owner’s other client gets in', async () => {
		const email = uniqueEmail('victim');
		const attacker = ip();
		const owner = ip();
		for (let i = 0; i < 4; i++) await fail(email, attacker);
		expect((await throttleFor('login', email, attacker)).retryAfter).toBe(0);
		await fail(email, attacker);
		const refused = await throttleFor('login', email, attacker);
		expect(refused.retryAfter).toBeGreaterThan(800);
		expect(refused.retryAfter).toBeLessThanOrEqual(900);
		// email matching ignores case
		expect((await throttleFor('login', email.toUpperCase(), attacker)).retryAfter).toBeGreaterThan(
			0
		);

		// the owner, from an address that has not failed: neither refused nor delayed
		expect(await throttleFor('login', email, owner)).toEqual({ retryAfter: 0, delaySeconds: 0 });
		await succeed(email, owner);
		// ... and the owner getting in does not let the attacker's client try again
		expect((await throttleFor('login', email, attacker)).retryAfter).toBeGreaterThan(800);
		// the attacker's address may still try other emails (up to its own limit)
		expect((await throttleFor('login', uniqueEmail(), attacker)).retryAfter).toBe(0);
	});

	it('starts counting again after that client logs in', async () => {
		const email = uniqueEmail();
		const address = ip();
		for (let i = 0; i < 4; i++) await fail(email, address);
		await succeed(email, address);
		await fail(email, address);
		expect((await throttleFor('login', email, address)).retryAfter).toBe(0);

		// a login from elsewhere does not reset this client
		const other = uniqueEmail();
		for (let i = 0; i < 4; i++) await fail(other, address);
		await succeed(other, ip());
		await fail(other, address);
		expect((await throttleFor('login', other, address)).retryAfter).toBeGreaterThan(0);
	});

	it('is never permanent: failures older than 15 minutes stop counting', async () => {
		const email = uniqueEmail();
		const address = ip();
		for (let i = 0; i < 5; i++) await fail(email, address);
		expect((await throttleFor('login', email, address)).retryAfter).toBeGreaterThan(0);
		const { error } = await serviceClient()
			.from('login_attempts')
			.update({ created_at: new Date(Date.now() - 16 * 60_000).toISOString() })
			.eq('email', email);
		expect(error).toBeNull();
		expect((await throttleFor('login', email, address)).retryAfter).toBe(0);
	});

	it('counts the addresses of one IPv6 /64 as one client', async () => {
		const email = uniqueEmail();
		for (let i = 1; i <= 5; i++) await fail(email, `2001:db8:7:${n}::${i.toString(16)}`);
		expect(
			(await throttleFor('login', email, `2001:db8:7:${n}:ffff::1`)).retryAfter
		).toBeGreaterThan(0);
		expect((await throttleFor('login', email, `2001:db8:7:${n + 1}::1`)).retryAfter).toBe(0);
		n += 2;
	});
});

describe('login throttling per address', () => {
	it('refuses after 20 failures from one address, whatever the emails', async () => {
		const address = ip();
		for (let i = 0; i < 19; i++) await fail(uniqueEmail(), address);
		expect((await throttleFor('login', uniqueEmail(), address)).retryAfter).toBe(0);
		await fail(uniqueEmail(), address);
		expect((await throttleFor('login', uniqueEmail(), address)).retryAfter).toBeGreaterThan(0);
		expect((await throttleFor('login', uniqueEmail(), ip())).retryAfter).toBe(0);
	});

	it('throttles sign-ups per address', async () => {
		const address = ip();
		for (let i = 0; i < 20; i++) await recordAttempt('signup', uniqueEmail(), address, true);
		expect((await throttleFor('signup', uniqueEmail(), address)).retryAfter).toBeGreaterThan(0);
		expect((await throttleFor('signup', uniqueEmail(), ip())).retryAfter).toBe(0);
	});
});

describe('login throttling per email, across clients', () => {
	it('slows a distributed guesser down (1, 2, 4, 8, then 10 s) but never refuses a fresh client', async () => {
		const email = uniqueEmail('spread');
		const delays: number[] = [];
		for (let i = 1; i <= 16; i++) {
			await fail(email, ip());
			const next = await throttleFor('login', email, ip());
			expect(next.retryAfter).toBe(0);
			delays.push(next.delaySeconds);
		}
		expect(delays).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 10, 10, 10]);
		// the owner gets in (after the delay): the count starts again
		await succeed(email, ip());
		expect(await throttleFor('login', email, ip())).toEqual({ retryAfter: 0, delaySeconds: 0 });
	});

	it('does not delay other emails', async () => {
		const email = uniqueEmail();
		for (let i = 0; i < 12; i++) await fail(email, ip());
		expect((await throttleFor('login', email, ip())).delaySeconds).toBeGreaterThan(0);
		expect((await throttleFor('login', uniqueEmail(), ip())).delaySeconds).toBe(0);
	});
});

describe('loopback addresses', () => {
	it('are not limited per address (they are a proxy or the machine itself)', async () => {
		for (let i = 0; i < 25; i++) await recordAttempt('signup', uniqueEmail(), '127.0.0.1', true);
		expect((await throttleFor('signup', uniqueEmail(), '127.0.0.1')).retryAfter).toBe(0);
		for (let i = 0; i < 21; i++) await fail(uniqueEmail(), '::1');
		expect((await throttleFor('login', uniqueEmail(), '::1')).retryAfter).toBe(0);
	});

	it('still refuse a client after 5 failures for one email (the tests rely on it, and brute force stays refused)', async () => {
		const email = uniqueEmail();
		for (let i = 0; i < 5; i++) await fail(email, '::1');
		expect((await throttleFor('login', email, '::1')).retryAfter).toBeGreaterThan(0);
		// another loopback address is another client
		expect((await throttleFor('login', email, '127.0.0.2')).retryAfter).toBe(0);
		// ::ffff:127.0.0.1 is 127.0.0.1
		const mapped = uniqueEmail();
		for (let i = 0; i < 5; i++) await fail(mapped, '::ffff:127.0.0.1');
		expect((await throttleFor('login', mapped, '127.0.0.1')).retryAfter).toBeGreaterThan(0);
	});
});
