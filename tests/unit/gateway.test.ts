import { describe, expect, it } from 'vitest';
import { refusesUnfiltered } from '../../scripts/lib/gateway';

const u = (path: string) => new URL(path, 'http://gw');

describe('safeupdate emulation', () => {
	it.each([
		['DELETE', '/rest/v1/profiles', 'DELETE requires a WHERE clause'],
		['DELETE', '/rest/v1/profiles?select=id', 'DELETE requires a WHERE clause'],
		['PATCH', '/rest/v1/profiles?select=id&order=id', 'UPDATE requires a WHERE clause'],
		['DELETE', '/rest/v1/profiles?id=eq.1', null],
		['PATCH', '/rest/v1/profiles?or=(id.eq.1,id.eq.2)', null],
		['POST', '/rest/v1/profiles', null],
		['GET', '/rest/v1/profiles', null],
		['PATCH', '/rest/v1/rpc/anything', null]
	])('%s %s', (method, path, expected) => {
		expect(refusesUnfiltered(method, u(path))).toBe(expected);
	});
});
