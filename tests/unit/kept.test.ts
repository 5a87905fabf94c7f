// What the process keeps of what it made from public data ($lib/server/kept):
// made once per key however many ask, failures not kept, bounded.
import { error, isHttpError } from '@sveltejs/kit';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cachedResponse, versionTag } from '$lib/server/http/cached';
import { readOnce, renderedOnce } from '$lib/server/kept';

const get = () => new Request('https://tsunagu.example/calendar.ics');

describe('bodies made once for a key', () => {
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
		expect(bodies.map((b) => text(b.bytes))).toEqual(Array(3).fill('BEGIN:VCALENDAR 常盤平 1'));
		// made for the first; the two that asked while it was made got it again
		expect(bodies.map((b) => b.again)).toEqual([false, true, true]);
		const later = await renderedOnce(key, render);
		expect([text(later.bytes), later.again]).toEqual(['BEGIN:VCALENDAR 常盤平 1', true]);
		expect(renders).toBe(1);
		const en = await renderedOnce(`${key} en`, render);
		expect([text(en.bytes), en.again]).toEqual(['BEGIN:VCALENDAR 常盤平 2', false]);
		// the response sends the bytes with the tag
		const res = cachedResponse(get(), await renderedOnce(key, render), {
			contentType: 'text/calendar; charset=utf-8',
			cacheControl: 'public, max-age=300',
			etag: '"v1"'
		});
		expect(await res.text()).toBe('BEGIN:VCALENDAR 常盤平 1');
		expect(res.headers.get('etag')).toBe('"v1"');
	});

	it('a body made as bytes (a public feed) is kept as those bytes, not encoded again', async () => {
		const key = `test ${versionTag(Math.random())}`;
		const bytes = new TextEncoder().encode('BEGIN:VCALENDAR 常盤平');
		expect((await renderedOnce(key, async () => bytes)).bytes).toBe(bytes);
		expect((await renderedOnce(key, async () => new Uint8Array())).bytes).toBe(bytes);
	});

	it('a render that fails is not kept: the error reaches the caller, the next one renders', async () => {
		const key = `test ${versionTag(Math.random())}`;
		const missing = renderedOnce(key, async () => error(404, 'Not Found'));
		await expect(missing).rejects.toSatisfy((e) => isHttpError(e, 404));
		expect(text((await renderedOnce(key, async () => 'found')).bytes)).toBe('found');
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

describe('a kept body asked for again is sent compressed', () => {
	const feed =
		'BEGIN:VCALENDAR\r\n' +
		'BEGIN:VEVENT\r\nSUMMARY:常盤平 ふれあいサロン\r\nEND:VEVENT\r\n'.repeat(200);
	const send = (body: Parameters<typeof cachedResponse>[1], headers: Record<string, string>) =>
		cachedResponse(new Request('https://tsunagu.example/calendar.ics', { headers }), body, {
			contentType: 'text/calendar; charset=utf-8',
			cacheControl: 'public, max-age=300',
			etag: '"v2"'
		});
	const gzip = { 'accept-encoding': 'gzip, deflate, br' };

	it('made for this request: sent as it is, whatever the client accepts', async () => {
		const key = `test ${versionTag(Math.random())}`;
		const res = send(await renderedOnce(key, async () => feed), gzip);
		expect(res.headers.get('content-encoding')).toBeNull();
		expect(res.headers.get('etag')).toBe('"v2"');
		expect(res.headers.get('vary')).toBe('accept-encoding');
		expect(await res.text()).toBe(feed);
	});

	it('asked for again: gzip to a client that accepts it, with a weak tag; as it is to others', async () => {
		const key = `test ${versionTag(Math.random())}`;
		await renderedOnce(key, async () => feed);
		const again = await renderedOnce(key, async () => 'not made again');

		const zipped = send(again, gzip);
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		expect(zipped.headers.get('etag')).toBe('W/"v2"');
		expect(zipped.headers.get('vary')).toBe('accept-encoding');
		const bytes = new Uint8Array(await zipped.arrayBuffer());
		expect(bytes.byteLength).toBeLessThan(feed.length / 10);
		expect(gunzipSync(bytes).toString('utf8')).toBe(feed);
		// compressed once: the next client gets the same bytes
		expect(new Uint8Array(await send(again, gzip).arrayBuffer())).toEqual(bytes);

		const others: Record<string, string>[] = [
			{},
			{ 'accept-encoding': 'identity' },
			{ 'accept-encoding': 'gzip;q=0' }
		];
		for (const accepts of others) {
			const plain = send(again, accepts);
			expect(plain.headers.get('content-encoding')).toBeNull();
			expect(plain.headers.get('etag')).toBe('"v2"');
			expect(await plain.text()).toBe(feed);
		}
		// the weak tag a client got with the compressed body is answered 304
		const polled = send(again, { ...gzip, 'if-none-match': 'W/"v2"' });
		expect(polled.status).toBe(304);
		expect(polled.headers.get('vary')).toBe('accept-encoding');
	});

	it('a body too large to keep (the open data at L) is never compressed, however many ask at once', async () => {
		const key = `test ${versionTag(Math.random())}`;
		const big = 'x'.repeat(5 * 1024 * 1024);
		let renders = 0;
		const render = async () => {
			renders++;
			await new Promise((r) => setTimeout(r, 20));
			return big;
		};
		const bodies = await Promise.all([1, 2].map(() => renderedOnce(key, render)));
		expect(renders).toBe(1);
		expect(bodies.map((b) => b.again)).toEqual([false, false]);
		expect(send(bodies[1], gzip).headers.get('content-encoding')).toBeNull();
		expect((await renderedOnce(key, render)).again).toBe(false);
		expect(renders).toBe(2);
	});

	it('a body that is not kept (made for one person) is never compressed and does not vary', async () => {
		const res = send(feed, gzip);
		expect(res.headers.get('content-encoding')).toBeNull();
		expect(res.headers.get('vary')).toBeNull();
		expect(await res.text()).toBe(feed);
	});
});

describe('reads made once for a key', () => {
	it('one read for a key, shared by all that ask; another key reads again; failures are not kept', async () => {
		const key = `test ${Math.random()}`;
		let reads = 0;
		const read = async () => {
			reads++;
			await new Promise((r) => setTimeout(r, 20));
			return { days: { '2026-12-01': reads } };
		};
		const [a, b] = await Promise.all([readOnce(key, read), readOnce(key, read)]);
		expect(reads).toBe(1);
		expect(a).toBe(b);
		expect(await readOnce(key, read)).toEqual({ days: { '2026-12-01': 1 } });
		expect(await readOnce(`${key} next`, read)).toEqual({ days: { '2026-12-01': 2 } });

		const failing = `test ${Math.random()}`;
		await expect(
			readOnce(failing, async () => {
				throw new Error('database down');
			})
		).rejects.toThrow('database down');
		expect(await readOnce(failing, async () => 'read')).toBe('read');
	});
});
