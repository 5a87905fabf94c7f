// Login and sign-up throttling, counted in the database (login_throttle) so
// that it holds across server processes. Checked before any argon2 work.
//
// The rules (also in the README, "Configuration"). A *client* is one email
// tried from one address.
//   login, per client: 5 failures in 15 minutes since that client last got in
//     → that client waits (429 + Retry-After) until the oldest of them is 15
//     minutes old. Other clients of the same account are not affected.
//   login, per address: 20 failures in 15 minutes, whatever the emails → that
//     address waits.
//   login, per email across all clients: from the 10th failure in 15 minutes
//     since anyone last got in, each attempt waits 1, 2, 4, 8, then at most 10
//     seconds before its password is checked — slowed, never refused, so a
//     distributed guesser cannot lock the owner out, and the owner on a client
//     that has not failed still gets in with the right password.
//   sign-up, per address: 20 in 15 minutes.
//   account mails (password reset, 確認メールをもう一度送る, changing one's
//     address; mailThrottleFor): 3 an hour per email address, 10 in 15 minutes
//     per client address — counted whether or not the email has an account.
// Refused attempts are not recorded, so no wait can be renewed by waiting.
import { isIPv4, isIPv6 } from 'node:net';
import { adminDb } from '$lib/server/db/client';
import { accountMailThrottle, type MailAttemptKind } from '$lib/server/db/account-tokens';
import {
	loginThrottle,
	recordLoginAttempt,
	type AttemptKind,
	type Throttle
} from '$lib/server/db/login-attempts';
import { logEvent } from '$lib/server/log';

export type { AttemptKind, Throttle };

/**
 * The address a client is counted under: IPv4 as it is (also when written as
 * ::ffff:a.b.c.d), IPv6 by its /64 network — one host usually holds a whole
 * /64, and counting single addresses would let it take a fresh one for every
 * guess. Anything else (a misconfigured ADDRESS_HEADER) as text, cut to fit.
 */
export function clientKey(address: string): string {
	const a = address.trim().toLowerCase().replace(/%.*$/, '');
	if (isIPv4(a)) return a;
	if (!isIPv6(a)) return a.slice(0, 64);
	const groups = expandIPv6(a);
	const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
	if (zeros(0, 5) && groups[5] === 0xffff) {
		return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
	}
	if (zeros(0, 7) && groups[7] === 1) return '::1';
	return `${groups
		.slice(0, 4)
		.map((g) => g.toString(16))
		.join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (with ::, or a dotted IPv4 tail). */
function expandIPv6(a: string): number[] {
	let text = a;
	const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
	if (v4) {
		const [b0, b1, b2, b3] = v4.slice(1).map(Number);
		text = `${text.slice(0, v4.index)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
	}
	const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
	const part = (s: string | null) => (s ? s.split(':') : []);
	const missing = 8 - part(head).length - part(tail).length;
	return [
		...part(head),
		...Array<string>(tail === null ? 0 : missing).fill('0'),
		...part(tail)
	].map((g) => parseInt(g, 16));
}

// A loopback address is this machine, or a reverse proxy whose ADDRESS_HEADER
// is not set: then every visitor has it. Limiting it as an address would stop
// everyone, so per-address limits skip it. The per-client limit still applies
// (the tests, which all come from loopback, rely on it; and brute force stays
// refused) — but behind such a proxy all visitors are one client per email, so
// five wrong passwords hold an account back for everyone again. Set ADDRESS_HEADER.
const LOOPBACK = /^(127\.|::1$)/;
export const countsPerIp = (key: string) => !LOOPBACK.test(key);

let warnedLoopback = false;

/** Whether and how long the next attempt of this client must wait. */
export async function throttleFor(
	kind: 'login' | 'signup',
	email: string,
	address: string
): Promise<Throttle> {
	const key = clientKey(address);
	if (!countsPerIp(key) && !warnedLoopback) {
		warnedLoopback = true;
		logEvent('client_address_loopback', {
			ip: address,
			note: 'per-address limits are off for loopback; behind a reverse proxy, set ADDRESS_HEADER'
		});
	}
	return loginThrottle(adminDb(), kind, email, key, countsPerIp(key));
}

/**
 * Seconds until this client may ask for another account mail of this kind
 * for `email` (0: now). The caller records the request with recordAttempt.
 */
export async function mailThrottleFor(
	kind: MailAttemptKind,
	email: string,
	address: string
): Promise<number> {
	const key = clientKey(address);
	return accountMailThrottle(adminDb(), kind, email, key, countsPerIp(key));
}

export async function recordAttempt(
	kind: AttemptKind,
	email: string,
	address: string,
	succeeded: boolean
) {
	await recordLoginAttempt(adminDb(), kind, email, clientKey(address), succeeded);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
