// What the process keeps of what it made from public data ($lib/server/kept):
// made once per key however many ask, failures not kept, bounded.
import { error, isHttpError } from '@sveltejs/kit';
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

	it('a body made as bytes (a public feed) is kept as those bytes, not encoded again', async () => {
		const key = `test ${versionTag(Math.random())}`;
		const bytes = new TextEncoder().encode('BEGIN:VCALENDAR 常盤平');
		expect(await renderedOnce(key, async () => bytes)).toBe(bytes);
		expect(await renderedOnce(key, async () => new Uint8Array())).toBe(bytes);
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
