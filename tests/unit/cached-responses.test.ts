// Cached responses for the feeds (src/lib/server/http/cached.ts) and the public
// feed's window, whose day is part of its ETag.
import { describe, expect, it } from 'vitest';
import { publicFeedWindow } from '$lib/server/events/feeds';
import { acceptsGzip, cachedResponse, notModified, versionTag } from '$lib/server/http/cached';

const get = (headers: Record<string, string> = {}) =>
	new Request('https://tsunagu.example/calendar.ics', { headers });

describe('versioned ETags', () => {
	it('the same parts make the same tag, any other part another', () => {
		const tag = versionTag(41, '2026-11-02T15:00:00.000Z', '/calendar.ics?area=kogane', 'ja');
		expect(tag).toMatch(/^"v[\w-]{32}"$/);
		expect(versionTag(41, '2026-11-02T15:00:00.000Z', '/calendar.ics?area=kogane', 'ja')).toBe(tag);
		expect(versionTag(42, '2026-11-02T15:00:00.000Z', '/calendar.ics?area=kogane', 'ja')).not.toBe(
			tag
		);
		expect(versionTag(41, '2026-11-02T15:00:00.000Z', '/calendar.ics?area=kogane', 'en')).not.toBe(
			tag
		);
	});

	it('304 before the body exists when the client has the tag; the body carries it', async () => {
		const tag = versionTag(7, 'x');
		const unchanged = notModified(get({ 'if-none-match': `W/${tag}` }), tag, 'public, max-age=300');
		expect(unchanged?.status).toBe(304);
		expect(unchanged?.headers.get('etag')).toBe(tag);
		expect(unchanged?.headers.get('cache-control')).toBe('public, max-age=300');
		expect(await unchanged?.text()).toBe('');
		expect(notModified(get({ 'if-none-match': '"other"' }), tag, 'no-cache')).toBeNull();
		expect(notModified(get(), tag, 'no-cache')).toBeNull();

		const sent = cachedResponse(get(), 'BEGIN:VCALENDAR', {
			contentType: 'text/calendar; charset=utf-8',
			cacheControl: 'public, max-age=300',
			etag: tag
		});
		expect(sent.status).toBe(200);
		expect(sent.headers.get('etag')).toBe(tag);
		expect(await sent.text()).toBe('BEGIN:VCALENDAR');
	});

	it('without a version, the tag is a hash of the body', () => {
		const opts = { contentType: 'text/csv', cacheControl: 'no-cache' };
		const a = cachedResponse(get(), 'a,b', opts).headers.get('etag')!;
		expect(a).toMatch(/^"[\w-]{32}"$/);
		expect(cachedResponse(get(), 'a,c', opts).headers.get('etag')).not.toBe(a);
		expect(cachedResponse(get({ 'if-none-match': a }), 'a,b', opts).status).toBe(304);
	});
});

describe('Accept-Encoding', () => {
	it.each([
		['gzip', true],
		['gzip, deflate, br', true],
		['br;q=1.0, GZIP;q=0.5', true],
		['x-gzip', true],
		['*', true],
		['deflate, *;q=0.1', true],
		[null, false],
		['', false],
		['identity', false],
		['br', false],
		['gzip;q=0', false],
		['gzip; q=0.000', false],
		['*;q=0', false],
		['gzip;q=0, *', false],
		['gzip;q=nonsense', false]
	])('%s: %s', (header, accepted) => {
		expect(acceptsGzip(header)).toBe(accepted);
	});
});

describe('the public feed window', () => {
	it('whole Tokyo days: the last 30 and the next year, the same all day', () => {
		// 2026-12-03 00:30 and 23:50 in Tokyo
		const early = publicFeedWindow(new Date('2026-12-02T15:30:00Z'));
		const late = publicFeedWindow(new Date('2026-12-03T14:50:00Z'));
		expect(early.from.toISOString()).toBe('2026-11-02T15:00:00.000Z'); // 11-03 00:00 Tokyo
		expect(early.to.toISOString()).toBe('2027-12-03T15:00:00.000Z'); // 2027-12-04 00:00 Tokyo
		expect(early.today.toISOString()).toBe('2026-12-02T15:00:00.000Z'); // 12-03 00:00 Tokyo
		expect(late).toEqual(early);
		// the next Tokyo day moves it
		const next = publicFeedWindow(new Date('2026-12-03T15:00:00Z'));
		expect(next.from.toISOString()).toBe('2026-11-03T15:00:00.000Z');
	});
});
