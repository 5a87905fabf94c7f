// The interface's readings (src/lib/furigana/interface-words.json) are made
// from the messages by `npm run i18n:furigana`. A message changed or added
// without running it leaves kanji without a reading: this test names them.
import { describe, expect, it } from 'vitest';
import json from '$lib/furigana/interface-words.json';
import ja from '$lib/i18n/messages/ja.json';
import { annotate, hasKanji, toReadings } from '$lib/furigana/ruby';

const words = toReadings(json);

describe('the interface’s readings', () => {
	it('cover every kanji of every Japanese message (else: npm run i18n:furigana)', () => {
		const missing: string[] = [];
		for (const [key, value] of Object.entries(ja as Record<string, unknown>)) {
			if (key.startsWith('$') || typeof value !== 'string') continue;
			for (const piece of value.split(/\{[^}]*\}/)) {
				const bare = annotate(piece, words).filter(
					(p): p is string => typeof p === 'string' && hasKanji(p)
				);
				if (bare.length) missing.push(`${key}: ${bare.join(' / ')}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('read words as the messages use them', () => {
		const read = (text: string) =>
			annotate(text, words)
				.map((p) => (typeof p === 'string' ? p : `${p[0]}(${p[1]})`))
				.join('');
		expect(read('場所をさがす')).toBe('場所(ばしょ)をさがす');
		expect(read('地域')).toBe('地域(ちいき)');
		expect(read('イベント一覧')).toBe('イベント一覧(いちらん)');
	});
});
