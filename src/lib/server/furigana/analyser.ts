// The morphological analyser behind ふりがな (kuromoji and its IPA dictionary,
// offline). Loaded once per process, on first use: it takes about a second and a
// few hundred MB, so only the worker (readings are computed when text is saved,
// never on a page view) and the build-time script for the interface load it.
import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji from 'kuromoji';
import { hasKanji, splitReading, type Readings } from '../../furigana/ruby';
import type { TableWord } from '../db/furigana-source';

type Tokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;
let tokenizer: Promise<Tokenizer> | null = null;

function loadTokenizer(): Promise<Tokenizer> {
	tokenizer ??= new Promise((resolve, reject) => {
		const dicPath = path.join(
			path.dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')),
			'dict'
		);
		kuromoji.builder({ dicPath }).build((error, built) => (error ? reject(error) : resolve(built)));
	});
	return tokenizer;
}

/**
 * The words of a text with their readings. Words of the table win where they
 * start and end on the analyser's word boundaries (八柱 is one or two of its
 * words: やばしら, not はちはしら), so that 本町 is not read inside 日本町内会.
 */
export async function readingsOf(text: string, table: TableWord[]): Promise<Readings> {
	const words: Readings = {};
	if (!hasKanji(text)) return words;
	const tokenize = await loadTokenizer();
	const byFirst = new Map<string, TableWord[]>();
	for (const entry of table) {
		const list = byFirst.get(entry.word[0]) ?? [];
		list.push(entry);
		byFirst.set(entry.word[0], list);
	}
	for (const list of byFirst.values()) list.sort((a, b) => b.word.length - a.word.length);

	for (const line of text.split(/\r?\n/)) {
		if (!hasKanji(line)) continue;
		const tokens = tokenize.tokenize(line);
		const starts = new Set<number>();
		const ends = new Set<number>();
		for (const t of tokens) {
			starts.add(t.word_position - 1);
			ends.add(t.word_position - 1 + t.surface_form.length);
		}
		let skipUntil = 0;
		for (const t of tokens) {
			const start = t.word_position - 1;
			if (start < skipUntil) continue;
			const entry = byFirst
				.get(line[start])
				?.find((e) => line.startsWith(e.word, start) && ends.has(start + e.word.length));
			if (entry) {
				words[entry.word] ??= splitReading(entry.word, entry.reading);
				skipUntil = start + entry.word.length;
				continue;
			}
			const surface = t.surface_form;
			if (!hasKanji(surface) || !t.reading || t.reading === '*') continue;
			words[surface] ??= splitReading(surface, t.reading);
		}
	}
	return words;
}
