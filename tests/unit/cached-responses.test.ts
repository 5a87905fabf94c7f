// Cached responses for the feeds (src/lib/server/http/cached.ts) and the public
// feed's window, whose day is part of its ETag.
import { describe, expect, it } from 'vitest';
import { publicFeedWindow } from '$lib/server/events/feeds';
import { error, isHttpError } from '@sveltejs/kit';
import { cachedResponse, notModified, renderedOnce, versionTag } from '$lib/server/http/cached';

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

describe('bodies rendered once for a tag', () => {
	const text = (body: Uint8Array) => new TextDecoder().decode(body);

	it('one render for a key, however many ask at once; another key renders again', async () => {
		const key = `test ${versionTag(Math.random())}`;
		let renders = 0;
		const render = async () => {
			renders++;
			await new Promise((r) => setTimeout(r, 20));
			return `BEGIN:VCALENDAR 常盤平 ${renders}`;
		};
		const bodies = await Promise.all([1, 2, 3].map(() => renderedOnce(key, render)));
		expect(renders).toBe(1);
		expect(bodies.map(text)).toEqual(Array(3).fill('BEGIN:VCALENDAR 常盤平 1'));
		expect(text(await renderedOnce(key, render))).toBe('BEGIN:VCALENDAR 常盤平 1');
		expect(renders).toBe(1);
		expect(text(await renderedOnce(`${key} en`, render))).toBe('BEGIN:VCALENDAR 常盤平 2');
		// the response sends the bytes with the tag
		const res = cachedResponse(get(), await renderedOnce(key, render), {
			contentType: 'text/calendar; charset=utf-8',
			cacheControl: 'public, max-age=300',
			etag: '"v1"'
		});
		expect(await res.text()).toBe('BEGIN:VCALENDAR 常盤平 1');
		expect(res.headers.get('etag')).toBe('"v1"');
	});

	it('a render that fails is not kept: the error reaches the caller, the next one renders', async () => {
		const key = `test ${versionTag(Math.random())}`;
		const missing = renderedOnce(key, async () => error(404, 'Not Found'));
		await expect(missing).rejects.toSatisfy((e) => isHttpError(e, 404));
		expect(text(await renderedOnce(key, async () => 'found'))).toBe('found');
	});

	it('keeps 16 MB at most: the least recently used go first', async () => {
		const big = 'x'.repeat(3 * 1024 * 1024);
		const first = `test ${versionTag(Math.random())}`;
		let renders = 0;
		const render = async () => (renders++, big);
		await renderedOnce(first, render);
		for (let i = 0; i < 6; i++) await renderedOnce(`${first} ${i}`, async () => big);
		await renderedOnce(first, render);
		expect(renders).toBe(2);
	});
});

describe('the public feed window', () => {
	it('whole Tokyo days: the last 30 and the next year, the same all day', () => {
		// 2026-12-03 00:30 and 23:50 in Tokyo
		const early = publicFeedWindow(new Date('2026-12-02T15:30:00Z'));
		const late = publicFeedWindow(new Date('2026-12-03T14:50:00Z'));
		expect(early.from.toISOString()).toBe('2026-11-02T15:00:00.000Z'); // 11-03 00:00 Tokyo
		expect(early.to.toISOString()).toBe('2027-12-03T15:00:00.000Z'); // 2027-12-04 00:00 Tokyo
		expect(late).toEqual(early);
		// the next Tokyo day moves it
		const next = publicFeedWindow(new Date('2026-12-03T15:00:00Z'));
		expect(next.from.toISOString()).toBe('2026-11-03T15:00:00.000Z');
	});
});
