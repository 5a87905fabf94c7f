import { describe, expect, it } from 'vitest';
import { clientKey, countsPerIp } from '$lib/server/auth/throttle';

describe('clientKey (the address a login client is counted under)', () => {
	it('keeps IPv4, also when written as an IPv4-mapped IPv6 address', () => {
		expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
		expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
		expect(clientKey('::FFFF:cb00:7109')).toBe('203.0.113.9');
		expect(clientKey(' 127.0.0.1 ')).toBe('127.0.0.1');
	});

	it('counts IPv6 by its /64, whatever the spelling', () => {
		expect(clientKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
		expect(clientKey('2001:0DB8:0001:0002::ffff')).toBe('2001:db8:1:2::/64');
		expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
		expect(clientKey('2001:db8:1:2::1.2.3.4')).toBe('2001:db8:1:2::/64');
	});

	it('keeps the IPv6 loopback as one address', () => {
		expect(clientKey('::1')).toBe('::1');
		expect(clientKey('0:0:0:0:0:0:0:1')).toBe('::1');
	});

	it('keeps anything else as text that fits the column', () => {
		expect(clientKey('not an address')).toBe('not an address');
		expect(clientKey('x'.repeat(100))).toHaveLength(64);
	});
});

describe('countsPerIp', () => {
	it('is false for loopback addresses only', () => {
		for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
			expect(countsPerIp(clientKey(address)), address).toBe(false);
		}
		for (const address of ['203.0.113.9', '2001:db8::1', '10.0.0.1', '::2']) {
			expect(countsPerIp(clientKey(address)), address).toBe(true);
		}
	});
});
