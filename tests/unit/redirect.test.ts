// ?redirectTo= after login and sign-up: only paths on this site, decided the
// way a browser reads the Location header (issue: /%09/evil.example).
import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from '$lib/server/auth/redirect';

const ORIGIN = 'https://tsunagu.example';
const target = (value: string | null) => safeRedirectTarget(value, ORIGIN, '/');

describe('redirect targets', () => {
	it.each([
		['/account', '/account'],
		['/en/events?area=x#list', '/en/events?area=x#list'],
		['/%2F%2Fx', '/'],
		['/%5C%5Cx', '/'],
		['/events/%E3%81%82', '/events/%E3%81%82'],
		// non-ASCII comes back percent-encoded: a Location header must be ASCII
		['/イベント?q=食堂', '/%E3%82%A4%E3%83%99%E3%83%B3%E3%83%88?q=%E9%A3%9F%E5%A0%82'],
		['/ｅｖｉｌ', '/%EF%BD%85%EF%BD%96%EF%BD%89%EF%BD%8C']
	])('accepts %j as %j', (input, expected) => {
		expect(target(input)).toBe(expected);
	});

	it.each([
		'//x',
		'//evil.example/',
		'/\\x',
		'/\\evil.example',
		'\\/evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r/evil.example',
		'/\u0000/evil.example',
		'/\r\nSet-Cookie: x=1',
		' //evil.example',
		'http://x',
		'https://evil.example',
		'HTTPS://tsunagu.example.evil.example/',
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'x',
		'',
		'%2F%2Fevil.example',
		'/%ZZ'
	])('refuses %j', (input) => {
		expect(target(input)).toBe('/');
	});

	it('refuses nothing to go to', () => {
		expect(target(null)).toBe('/');
	});

	it('keeps the fallback of the page language', () => {
		expect(safeRedirectTarget('//evil.example', ORIGIN, '/en/')).toBe('/en/');
	});
});
