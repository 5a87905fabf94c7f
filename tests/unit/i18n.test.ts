// Paraglide compiles no messages at all when its plugins fail to load (it only
// warns); these tests fail instead.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';

const load = async (locale: string) =>
	JSON.parse(
		await readFile(path.resolve('src/lib/i18n/messages', `${locale}.json`), 'utf8')
	) as Record<string, string>;

describe('messages', () => {
	it('exist in Japanese and English with the same keys', async () => {
		const ja = Object.keys(await load('ja')).sort();
		const en = Object.keys(await load('en')).sort();
		expect(ja.length).toBeGreaterThan(50);
		expect(en).toEqual(ja);
	});

	it('are compiled and callable in both languages', () => {
		expect(m.site_name({}, { locale: 'ja' })).toBe('つなぐ');
		expect(m.site_name({}, { locale: 'en' })).toBe('Tsunagu');
		expect(m.home_welcome({ name: '花子' }, { locale: 'ja' })).toBe('こんにちは、花子 さん');
	});

	it('every compiled message function has a translation in each language', async () => {
		const ja = await load('ja');
		for (const key of Object.keys(ja).filter((k) => k !== '$schema')) {
			const fn = (m as unknown as Record<string, (i: object, o: object) => string>)[key];
			expect(typeof fn, key).toBe('function');
			expect(fn({}, { locale: 'en' }), key).not.toBe('');
		}
	});
});
