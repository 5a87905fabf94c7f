// npm run i18n:furigana: the interface's readings, made ahead from the
// Japanese messages (src/lib/i18n/messages/ja.json) with the same analyser as
// content, into src/lib/furigana/interface-words.json, which the root layout
// loads only while a person has ふりがな on. Run it after changing messages:
// tests/unit/furigana-interface.test.ts fails while a message has a word with
// kanji that the file does not cover. A word read two ways in the messages
// takes the reading it has most often.
import { readFile, writeFile } from 'node:fs/promises';
import { readingsOf } from '../src/lib/server/furigana/analyser.ts';
import type { Readings, RubyPart } from '../src/lib/furigana/ruby.ts';

// words the analyser cannot read in the messages (the interface's own reading table)
const TABLE = [{ word: '既読', reading: 'きどく' }];

const messages = JSON.parse(await readFile('src/lib/i18n/messages/ja.json', 'utf8')) as Record<
	string,
	unknown
>;
const counts = new Map<string, Map<string, { parts: RubyPart[]; n: number }>>();
for (const [key, value] of Object.entries(messages)) {
	if (key.startsWith('$') || typeof value !== 'string') continue;
	// placeholders ({name}) end a word; they are never read
	for (const piece of value.split(/\{[^}]*\}/)) {
		const words = await readingsOf(piece, TABLE);
		for (const [surface, parts] of Object.entries(words)) {
			const ways = counts.get(surface) ?? new Map<string, { parts: RubyPart[]; n: number }>();
			const way = JSON.stringify(parts);
			const seen = ways.get(way);
			if (seen) seen.n += 1;
			else ways.set(way, { parts, n: 1 });
			counts.set(surface, ways);
		}
	}
}
const out: Readings = {};
for (const surface of [...counts.keys()].sort()) {
	const ways = [...counts.get(surface)!.values()].sort((a, b) => b.n - a.n);
	out[surface] = ways[0].parts;
}
await writeFile('src/lib/furigana/interface-words.json', JSON.stringify(out) + '\n');
console.log(`${Object.keys(out).length} words from ${Object.keys(messages).length} messages`);
