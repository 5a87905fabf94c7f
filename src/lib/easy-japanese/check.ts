// The やさしい日本語 checker (issue 16): what the guideline of 出入国在留管理庁・
// 文化庁 (「在留支援のためのやさしい日本語ガイドライン」, 2020) asks writers to
// avoid, found in a text as a writer types it. It never blocks anything: the
// writing form shows the findings beside the text. Client-safe and pure (no
// analyser), so that it runs in the browser as well as on the server.

export type EasyRule =
	/** a sentence over MAX_SENTENCE characters */
	| 'long_sentence'
	/** a sentence with many kanji */
	| 'many_kanji'
	/** 〜ないわけではない, 〜なくはない, 〜ないことはない… */
	| 'double_negative'
	/** a sentence that does not end in です・ます */
	| 'plain_ending'
	/** 令和8年, 平成31年, R8.4.1 instead of 西暦 */
	| 'era_year'
	/** 14:00, 15時 instead of 午前・午後 */
	| 'clock_24h'
	/** 〜 for a range (10時〜12時) instead of から・まで */
	| 'tilde_range'
	/** three or more katakana words in one sentence */
	| 'katakana_words';

export interface EasyFinding {
	rule: EasyRule;
	/** the sentence it was found in (as written, trimmed) */
	sentence: string;
	/** what was found, when it is a part of the sentence */
	match?: string;
	/** how many: the sentence's characters (long_sentence), its kanji (many_kanji) */
	count?: number;
}

/** The guideline's advice: a sentence of about 30 characters at most. */
export const MAX_SENTENCE = 30;
/** More kanji than this in one sentence is "many". */
export const MAX_KANJI = 10;
/** Three katakana words in one sentence are "many". */
export const MAX_KATAKANA_WORDS = 2;

const KANJI = /[\u4E00-\u9FFF\u3400-\u4DBF々〆]/gu;
const KATAKANA_WORD = /[\u30A1-\u30FA][\u30A1-\u30FAー・]+/gu;

/** The text's sentences: split after 。！？!? and line breaks, empty ones dropped. */
export function sentences(text: string): string[] {
	return text
		.split(/(?<=[。！？!?])|\r?\n/u)
		.map((s) => s.trim())
		.filter((s) => s.length > 0);
}

/** Characters as a person counts them (a surrogate pair is one; punctuation and spaces are not). */
export const sentenceLength = (s: string) =>
	[...s.replace(/[。！？!?「」『』（）()、\s]/gu, '')].length;

const DOUBLE_NEGATIVE =
	/(ない|なく)(わけ|訳)(では|じゃ)(ない|ありません)|なくは(ない|ありません)|ない(こと|事)は(ない|ありません)|ざるを(得|え)(ない|ません)|ないでは(いられ|おれ)/u;

// です・ます and their forms, before the closing punctuation and brackets
const POLITE_END =
	/(です|ます|ました|ません|でした|ましょう|ください|下さい|でしょう|ませんでした|ですね|ますね|ですよ|ますよ)(か|ね|よ)?[。！？!?）)」』]*$/u;

const ERA = /(令和|平成|昭和|大正|明治)\s*(元|[0-9０-９]+)\s*年|\b[RH][0-9]{1,2}[./][0-9]{1,2}/u;

// 14:00, 9:30 (a clock without 午前・午後 before it), 13時 … 24時
const CLOCK =
	/(?<!午前|午後)(?<![0-9０-９])([0-9０-９]{1,2})[:：]([0-5０-５][0-9０-９])|(?<![0-9０-９])(1[3-9]|2[0-4]|１[３-９]|２[０-４])時/u;

const TILDE = /[〜～]/u;

/** Only what is said is looked at: the line of a Markdown list or heading without its marks. */
const plain = (s: string) => s.replace(/^(#{1,6}|[-*+]|\d+\.)\s+/u, '');

/** Every finding in the text, sentence by sentence, in the order of the text. */
export function checkEasyJapanese(text: string): EasyFinding[] {
	const found: EasyFinding[] = [];
	for (const raw of sentences(text)) {
		const sentence = plain(raw);
		const add = (rule: EasyRule, match?: string) =>
			found.push(match === undefined ? { rule, sentence } : { rule, sentence, match });
		const chars = sentenceLength(sentence);
		if (chars > MAX_SENTENCE) found.push({ rule: 'long_sentence', sentence, count: chars });
		const kanji = sentence.match(KANJI)?.length ?? 0;
		if (kanji > MAX_KANJI) found.push({ rule: 'many_kanji', sentence, count: kanji });
		const negative = DOUBLE_NEGATIVE.exec(sentence);
		if (negative) add('double_negative', negative[0]);
		// a line without a verb at its end (a heading, an item of a list, a date) is not a sentence
		if (/[。！？!?]$/u.test(sentence) && !POLITE_END.test(sentence)) add('plain_ending');
		const era = ERA.exec(sentence);
		if (era) add('era_year', era[0]);
		const clock = CLOCK.exec(sentence);
		if (clock) add('clock_24h', clock[0]);
		const tilde = TILDE.exec(sentence);
		if (tilde) add('tilde_range', tilde[0]);
		const katakana = sentence.match(KATAKANA_WORD) ?? [];
		if (katakana.length > MAX_KATAKANA_WORDS) add('katakana_words', katakana.join('・'));
	}
	return found;
}
