// The maps' tile server joins the CSP's img-src (hooks.server.ts), and the
// pure helpers of the maps (src/lib/places/map.ts).
import { describe, expect, it } from 'vitest';
import { attributionHtml, boundsOf, parseMapCenter, parsePoint } from '$lib/places/map';
import { allowImages, tileOrigin } from '$lib/server/http/csp';

describe('tileOrigin', () => {
	it.each([
		['https://tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://tile.openstreetmap.org'],
		[
			'https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png',
			'https://cyberjapandata.gsi.go.jp'
		],
		['https://{s}.tile.example.org/{z}/{x}/{y}.png', 'https://*.tile.example.org'],
		['https://tile-{s}.maps.example.org/{z}/{x}/{y}.png', 'https://*.maps.example.org'],
		[
			'  HTTPS://Tiles.City.Example.JP:8443/{z}/{x}/{y}.png?key=1 ',
			'https://tiles.city.example.jp:8443'
		],
		['https://tile.example.org:443/{z}/{x}/{y}.png', 'https://tile.example.org'],
		['http://gis.city.example.lg.jp/tiles/{z}/{x}/{y}.png', 'http://gis.city.example.lg.jp'],
		['https://タイル.example.jp/{z}/{x}/{y}.png', 'https://xn--ecktczg.example.jp']
	])('%s → %s', (template, origin) => {
		expect(tileOrigin(template)).toBe(origin);
	});

	it.each([
		'',
		'tile.openstreetmap.org/{z}/{x}/{y}.png',
		'/tiles/{z}/{x}/{y}.png',
		'ftp://tile.example.org/{z}/{x}/{y}.png',
		'javascript:alert(1)//{z}',
		'https://user:pass@tile.example.org/{z}/{x}/{y}.png',
		// what would widen the policy or break out of it
		'https://{s}.org/{z}/{x}/{y}.png',
		'https://{s}/{z}/{x}/{y}.png',
		"https://tile.example.org;script-src 'unsafe-inline'/{z}",
		'https://tile.example.org,evil.example/{z}',
		"https://tile'.example.org/{z}"
	])('refuses %j', (template) => {
		expect(tileOrigin(template)).toBeNull();
	});
});

describe('allowImages', () => {
	const KIT =
		"default-src 'self'; script-src 'self' 'nonce-abc'; img-src 'self' data:; frame-ancestors 'none'";

	it('adds the origin to img-src and leaves the other directives alone', () => {
		expect(allowImages(KIT, 'https://tile.openstreetmap.org')).toBe(
			"default-src 'self'; script-src 'self' 'nonce-abc'; img-src 'self' data: https://tile.openstreetmap.org; frame-ancestors 'none'"
		);
	});

	it('adds it once', () => {
		const once = allowImages(KIT, 'https://*.tile.example.org');
		expect(allowImages(once, 'https://*.tile.example.org')).toBe(once);
	});

	it('reads the directive names without regard to case and spacing', () => {
		expect(allowImages("IMG-SRC  'self' ;  default-src 'none';", 'https://t.example')).toBe(
			"IMG-SRC 'self' https://t.example; default-src 'none'"
		);
	});

	it('changes only the first img-src, the one browsers obey', () => {
		expect(allowImages("img-src 'self'; img-src data:", 'https://t.example')).toBe(
			"img-src 'self' https://t.example; img-src data:"
		);
	});

	it("replaces 'none'", () => {
		expect(allowImages("img-src 'none'", 'https://t.example')).toBe('img-src https://t.example');
	});

	it('leaves a policy that allows any image as it is', () => {
		expect(allowImages("img-src *; default-src 'self'", 'https://t.example')).toBe(
			"img-src *; default-src 'self'"
		);
		expect(allowImages("script-src 'self'", 'https://t.example')).toBe("script-src 'self'");
	});

	it('without img-src, starts one from default-src (what images followed)', () => {
		expect(allowImages("default-src 'self' https://cdn.example", 'https://t.example')).toBe(
			"default-src 'self' https://cdn.example; img-src 'self' https://cdn.example https://t.example"
		);
	});
});

describe('map helpers', () => {
	it('bounds the points, skipping impossible ones', () => {
		expect(boundsOf([])).toBeNull();
		expect(
			boundsOf([
				{ latitude: 35.78, longitude: 139.9 },
				{ latitude: 35.8, longitude: 139.88 },
				{ latitude: 95, longitude: 0 }
			])
		).toEqual([
			[35.78, 139.88],
			[35.8, 139.9]
		]);
	});

	it('reads the fields as the form does', () => {
		expect(parsePoint('35.787600', '139.903100')).toEqual({
			latitude: 35.7876,
			longitude: 139.9031
		});
		expect(parsePoint('３５．７８', ' 139.9 ')).toEqual({ latitude: 35.78, longitude: 139.9 });
		expect(parsePoint('35.', '139.9')).toBeNull();
		expect(parsePoint('', '')).toBeNull();
		expect(parsePoint('91', '139.9')).toBeNull();
	});

	it('reads TSUNAGU_MAP_CENTER', () => {
		expect(parseMapCenter('35.7876, 139.9031, 14')).toEqual({
			latitude: 35.7876,
			longitude: 139.9031,
			zoom: 14
		});
		expect(parseMapCenter('35.7876,139.9031')).toEqual({
			latitude: 35.7876,
			longitude: 139.9031,
			zoom: 13
		});
		expect(parseMapCenter(undefined)).toBeUndefined();
		expect(parseMapCenter('')).toBeUndefined();
		expect(parseMapCenter('35.7876')).toBeUndefined();
		expect(parseMapCenter('35.7876,139.9031,25')).toBeUndefined();
	});

	it('escapes the configured attribution', () => {
		expect(
			attributionHtml({
				url: '',
				attribution: '<img src=x onerror=alert(1)> & 国土地理院',
				attributionUrl: 'https://maps.gsi.go.jp/development/ichiran.html?a="b"'
			})
		).toBe(
			'<a href="https://maps.gsi.go.jp/development/ichiran.html?a=&quot;b&quot;" rel="external">&lt;img src=x onerror=alert(1)&gt; &amp; 国土地理院</a>'
		);
		expect(
			attributionHtml({ url: '', attribution: 'x', attributionUrl: 'javascript:alert(1)' })
		).toBe('x');
	});
});
