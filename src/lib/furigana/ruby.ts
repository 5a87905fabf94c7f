// ふりがな: readings over kanji, as data. The server's analyser (worker) turns a
// text into words: for each word with kanji, its surface and its parts, kana
// kept as they are ("集まる" → [["集", "あつ"], "まる"]). A page applies the
// words of what it shows (and the interface's, made at build time) to its text
// here: longest word first, no analysis. Pure and client-safe: the Ruby
// component runs it on the server and again on hydration, with the same result.

import { escapeHtml } from './escape';

/** A run of text, or a base with its reading in hiragana. */
export type RubyPart = string | [base: string, reading: string];

/** Words of a text: the surface as written, and its parts. */
export type Readings = Record<string, RubyPart[]>;

/** Words as JSON has them (interface-words.json): each pair checked into a part. */
export function toReadings(json: Record<string, (string | string[])[]>): Readings {
	const words: Readings = {};
	for (const [surface, parts] of Object.entries(json)) {
		words[surface] = parts.map((p) => (typeof p === 'string' ? p : [p[0] ?? '', p[1] ?? '']));
	}
	return words;
}

const KANJI = /[\u3005\u3007\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

export const hasKanji = (text: string): boolean => KANJI.test(text);

/** カタカナ → ひらがな (ー and other signs stay). */
export function toHiragana(text: string): string {
	return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * A word's parts from its surface and its reading: kana in the surface are
 * matched in the reading and left bare, the kanji between them take what is
 * left (okurigana: 集まる あつまる → 集(あつ)まる). A reading that does not fit
 * the surface goes over the whole word.
 */
export function splitReading(surface: string, reading: string): RubyPart[] {
	const kana = toHiragana(reading);
	const runs =
		surface.match(new RegExp(`${KANJI.source}+|[^${KANJI.source.slice(1, -1)}]+`, 'g')) ?? [];
	if (runs.length === 1) return hasKanji(surface) ? [[surface, kana]] : [surface];
	// one group per kanji run, the kana between as they are
	const pattern = runs
		.map((run) => (hasKanji(run) ? '(.+?)' : escapeRegExp(toHiragana(run))))
		.join('');
	const match = new RegExp(`^${pattern}$`).exec(kana);
	if (!match) return [[surface, kana]];
	let group = 1;
	return runs.map((run) => (hasKanji(run) ? [run, match[group++]] : run));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words indexed by their first character, longest first: built once per dictionary. */
type Index = Map<string, string[]>;
const indexes = new WeakMap<Readings, Index>();

function indexOf(words: Readings): Index {
	let index = indexes.get(words);
	if (index) return index;
	index = new Map();
	for (const [surface, parts] of Object.entries(words)) {
		// a word whose parts do not spell its surface is left out: readings never change
		// the text (the HTML a reader gets is the escaped text, plus <ruby> and <rt>)
		if (parts.map((p) => (typeof p === 'string' ? p : p[0])).join('') !== surface) continue;
		const first = surface[0];
		const list = index.get(first);
		if (list) list.push(surface);
		else index.set(first, [surface]);
	}
	for (const list of index.values()) list.sort((a, b) => b.length - a.length);
	indexes.set(words, index);
	return index;
}

// Numbers with a counter and weekdays in brackets are read by rule, not by
// the words around them: 12月 がつ, 5日 いつか, 1人 ひとり, (土) ど.
const DAYS: Record<number, string> = {
	1: 'ついたち',
	2: 'ふつか',
	3: 'みっか',
	4: 'よっか',
	5: 'いつか',
	6: 'むいか',
	7: 'なのか',
	8: 'ようか',
	9: 'ここのか',
	10: 'とおか',
	14: 'じゅうよっか',
	20: 'はつか',
	24: 'にじゅうよっか'
};
const WEEKDAYS: Record<string, string> = {
	月: 'げつ',
	火: 'か',
	水: 'すい',
	木: 'もく',
	金: 'きん',
	土: 'ど',
	日: 'にち',
	祝: 'しゅく'
};
const COUNTER =
	/^([0-9０-９]+)(年度|年|か月|ヶ月|月|日|時間|時|分|回|人|歳|才|件|円|個|枚|階|丁目|名|週|番)/;
const WEEKDAY = /^[(（]([月火水木金土日祝])[)）・]/;
const COUNTER_READINGS: Record<string, string> = {
	年度: 'ねんど',
	年: 'ねん',
	月: 'がつ',
	時間: 'じかん',
	時: 'じ',
	回: 'かい',
	歳: 'さい',
	才: 'さい',
	件: 'けん',
	円: 'えん',
	個: 'こ',
	枚: 'まい',
	階: 'かい',
	丁目: 'ちょうめ',
	名: 'めい',
	週: 'しゅう',
	番: 'ばん'
};

// the rules begin at a digit (counters) or an opening bracket (weekdays): elsewhere they are not
// tried (a slice and two patterns at every character were nearly half of reading a text)
const mayStartRule = (c: number) =>
	(c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || c === 0x28 || c === 0xff08;

function ruleAt(text: string, i: number): { length: number; parts: RubyPart[] } | null {
	if (!mayStartRule(text.charCodeAt(i))) return null;
	const rest = text.slice(i, i + 8);
	const weekday = WEEKDAY.exec(rest);
	if (weekday) {
		return { length: 2, parts: [rest[0], [weekday[1], WEEKDAYS[weekday[1]]]] };
	}
	if (i > 0 && /[0-9０-９]/.test(text[i - 1])) return null;
	const counted = COUNTER.exec(rest);
	if (!counted) return null;
	const [all, digits, counter] = counted;
	const n = Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
	const length = all.length;
	if (counter === '日')
		return { length, parts: DAYS[n] ? [[all, DAYS[n]]] : [digits, ['日', 'にち']] };
	if (counter === '人' && (n === 1 || n === 2))
		return { length, parts: [[all, n === 1 ? 'ひとり' : 'ふたり']] };
	if (counter === '人') return { length, parts: [digits, ['人', 'にん']] };
	if (counter === '分')
		return {
			length,
			parts: [digits, ['分', [1, 3, 4, 6, 8, 0].includes(n % 10) ? 'ぷん' : 'ふん']]
		};
	if (counter === 'か月' || counter === 'ヶ月')
		return { length, parts: [digits, counter[0], ['月', 'げつ']] };
	return { length, parts: [digits, [counter, COUNTER_READINGS[counter]]] };
}

/**
 * The text as parts: at each place the longest word any dictionary has there
 * (the first dictionary's when two have the same length). Text without kanji
 * comes back as one part.
 */
export function annotate(
	text: string,
	...dictionaries: (Readings | null | undefined)[]
): RubyPart[] {
	if (!text || !hasKanji(text)) return [text];
	const indexed = dictionaries
		.filter((d): d is Readings => !!d)
		.map((d) => [d, indexOf(d)] as const);
	const parts: RubyPart[] = [];
	let plain = '';
	let i = 0;
	while (i < text.length) {
		const rule = ruleAt(text, i);
		if (rule) {
			if (plain) parts.push(plain);
			plain = '';
			parts.push(...rule.parts);
			i += rule.length;
			continue;
		}
		let best: { surface: string; parts: RubyPart[] } | null = null;
		for (const [dict, index] of indexed) {
			for (const surface of index.get(text[i]) ?? []) {
				if (best && surface.length <= best.surface.length) break;
				if (text.startsWith(surface, i)) {
					best = { surface, parts: dict[surface] };
					break;
				}
			}
		}
		if (!best) {
			plain += text[i];
			i += 1;
			continue;
		}
		if (plain) parts.push(plain);
		plain = '';
		parts.push(...best.parts);
		i += best.surface.length;
	}
	if (plain) parts.push(plain);
	return parts;
}

const compounds = new WeakMap<Readings, Readings>();

/**
 * The words of two characters or more: the interface's words that are safe on
 * content too (a single kanji is read by its neighbours: 方 is かた in 参加する方
 * and ほう in 方法), for text whose own words a page did not bring.
 */
export function compoundsOf(words: Readings): Readings {
	let found = compounds.get(words);
	if (!found) {
		found = Object.fromEntries(Object.entries(words).filter(([surface]) => surface.length > 1));
		compounds.set(words, found);
	}
	return found;
}

/** Parts as HTML: escaped text, readings in <rt> that copying and screen readers skip. */
export function partsToHtml(parts: RubyPart[]): string {
	return parts
		.map((p) =>
			typeof p === 'string'
				? escapeHtml(p)
				: `<ruby>${escapeHtml(p[0])}<rt aria-hidden="true">${escapeHtml(p[1])}</rt></ruby>`
		)
		.join('');
}

// elements whose text is not annotated in rendered Markdown
const SKIP = /^<(code|pre|rt|script|style)\b/i;

/**
 * Rendered (sanitised) HTML with readings over the words found in its text
 * nodes; tags, attributes and code stay as they are.
 */
export function annotateHtml(
	html: string,
	...dictionaries: (Readings | null | undefined)[]
): string {
	if (!hasKanji(html)) return html;
	let skipping: string | null = null;
	return html
		.split(/(<[^>]*>)/)
		.map((piece) => {
			if (piece.startsWith('<')) {
				const open = SKIP.exec(piece);
				if (open && !skipping) skipping = open[1].toLowerCase();
				else if (skipping && piece.toLowerCase().startsWith(`</${skipping}`)) skipping = null;
				return piece;
			}
			if (skipping || !hasKanji(piece)) return piece;
			// the piece is HTML text already: its words are matched as written, escapes kept
			return annotate(piece, ...dictionaries)
				.map((p) =>
					typeof p === 'string'
						? p
						: `<ruby>${p[0]}<rt aria-hidden="true">${escapeHtml(p[1])}</rt></ruby>`
				)
				.join('');
		})
		.join('');
}
