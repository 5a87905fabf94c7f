// ふりがな: the readings a page applies, and the reading table coordinators keep
// (supabase/migrations/20261216000000_furigana.sql). The worker writes the
// words (db/furigana-source.ts); pages only read them, by the ids they show,
// and only while the person has ふりがな on.
//
//   contentReadings(db, ids)      the words of those subjects, as one dictionary
//   readingTableWords(db)         the reading table as words (every page, while on)
//   readingTable(db)              the table's entries, for /coordinate/readings
//   saveReadingWord / deleteReadingWord
import { splitReading, type Readings } from '$lib/furigana/ruby';
import type { Db } from '$lib/server/db/client';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import { readingTableEntries } from '$lib/server/db/furigana-source';

/** The words of the subjects with these ids (those the reader may read), merged. */
export async function contentReadings(db: Db, ids: readonly (string | null | undefined)[]) {
	const wanted = [...new Set(ids.filter((id): id is string => !!id))];
	const words: Readings = {};
	if (wanted.length === 0) return words;
	const { data, error } = await db.from('furigana').select('words').in('subject_id', wanted);
	if (error) dbFailure(error);
	for (const row of data) Object.assign(words, row.words as Readings);
	return words;
}

/** The reading table as words: each entry's reading over its kanji. */
export async function readingTableWords(db: Db): Promise<Readings> {
	const words: Readings = {};
	for (const { word, reading } of await readingTableEntries(db)) {
		words[word] = splitReading(word, reading);
	}
	return words;
}

export interface ReadingEntry {
	/** null for an area's or a town's name (kept with the area) */
	id: string | null;
	word: string;
	reading: string;
	source: 'coordinator' | 'area' | 'town';
	note: string | null;
	updatedAt: string | null;
}

/** The table's entries: coordinators' words first (what a coordinator keeps), then the names. */
export async function readingTable(db: Db): Promise<ReadingEntry[]> {
	const { data, error } = await db
		.from('reading_table')
		.select('id, word, reading, source, note, updated_at')
		.order('word')
		.limit(10000);
	if (error) dbFailure(error);
	const entries: ReadingEntry[] = data.map((r) => ({
		id: r.id,
		word: r.word ?? '',
		reading: r.reading ?? '',
		source: r.source === 'area' || r.source === 'town' ? r.source : 'coordinator',
		note: r.note,
		updatedAt: r.updated_at
	}));
	// a stable sort: by word within each group
	return entries.sort(
		(a, b) => Number(b.source === 'coordinator') - Number(a.source === 'coordinator')
	);
}

type WordRefusal =
	'forbidden' | 'not_found' | 'bad_length' | 'no_kanji' | 'bad_reading' | 'word_taken';
const WORD_REFUSALS: WordRefusal[] = [
	'forbidden',
	'not_found',
	'bad_length',
	'no_kanji',
	'bad_reading',
	'word_taken'
];

/** Adds a word (id null) or changes one; the texts that have it are read again. */
export async function saveReadingWord(
	db: Db,
	input: { id: string | null; word: string; reading: string; note: string }
): Promise<Refusable<{ id: string }, WordRefusal>> {
	const { data, error } = await db.rpc('save_reading_word', {
		p_word: input.word,
		p_reading: input.reading,
		p_note: input.note,
		...(input.id ? { p_id: input.id } : {})
	});
	if (error) return refused(error, WORD_REFUSALS);
	return { ok: true, id: data };
}

export async function deleteReadingWord(
	db: Db,
	id: string
): Promise<Refusable<object, 'forbidden' | 'not_found'>> {
	const { error } = await db.rpc('delete_reading_word', { p_id: id });
	if (error) return refused(error, ['forbidden', 'not_found']);
	return { ok: true };
}
