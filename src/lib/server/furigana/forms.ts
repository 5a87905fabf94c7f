// The reading table's form (/coordinate/readings): a word with kanji and its
// reading in hiragana. Katakana and spaces typed in the reading are taken as
// hiragana (ヤバシラ, や ばしら → やばしら); the database checks the same.
import { z } from 'zod';
import { hasKanji, toHiragana } from '$lib/furigana/ruby';
import { m } from '$lib/paraglide/messages';

export const READING = /^[ぁ-ゖー]+$/;

export const readingWordSchema = () =>
	z.object({
		id: z.union([z.uuid(), z.literal('')]).default(''),
		word: z
			.string()
			.trim()
			.min(1, m.readings_word_required())
			.max(30, m.readings_word_too_long())
			.refine(hasKanji, m.reading_refusal_no_kanji()),
		reading: z
			.string()
			.transform((v) => toHiragana(v.replace(/[\s\u3000]+/g, '')))
			.pipe(
				z
					.string()
					.min(1, m.readings_reading_required())
					.max(60, m.reading_refusal_bad_reading())
					.regex(READING, m.reading_refusal_bad_reading())
			),
		note: z.string().trim().max(200, m.readings_note_too_long()).default('')
	});
export type ReadingWordForm = z.infer<ReturnType<typeof readingWordSchema>>;
