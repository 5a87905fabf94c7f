// What the worker reads and writes for ふりがな (service role): a subject's
// text as its page shows it, the reading table, and the words it found.
// Imports are relative and type-only: the worker runs this outside SvelteKit.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Readings } from '../../furigana/ruby';
import type { Database, Json } from './database.types';

type Db = SupabaseClient<Database>;

export const FURIGANA_SUBJECTS = [
	'event',
	'practice',
	'place',
	'organization',
	'thread',
	'post'
] as const;
export type FuriganaSubject = (typeof FURIGANA_SUBJECTS)[number];

function fail(what: string, error: { message: string }): never {
	throw new Error(`${what}: ${error.message}`);
}

/** Every string in a JSON value (a practice's published snapshot). */
function stringsOf(value: Json | undefined): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(stringsOf);
	if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
	return [];
}

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join('\n');

/** The text of a subject, one field a line; null when it is gone. */
export async function furiganaSource(
	db: Db,
	subject: FuriganaSubject,
	id: string
): Promise<string | null> {
	switch (subject) {
		case 'event': {
			const { data, error } = await db
				.from('events')
				.select('title, summary, body, venue_name, venue_address, easy_summary, easy_body')
				.eq('id', id)
				.maybeSingle();
			if (error) fail('events', error);
			return data && join(...Object.values(data));
		}
		case 'practice': {
			const { data, error } = await db
				.from('practices')
				.select(
					'title, summary, story_origin, story_activities, story_tips, story_outcomes, story_challenges, story_next, story_contact, easy_summary, easy_body, published_snapshot'
				)
				.eq('id', id)
				.maybeSingle();
			if (error) fail('practices', error);
			if (!data) return null;
			const { published_snapshot, ...fields } = data;
			return join(...Object.values(fields), ...stringsOf(published_snapshot));
		}
		case 'place': {
			const { data, error } = await db
				.from('places')
				.select('name, description, address, easy_summary, easy_body')
				.eq('id', id)
				.maybeSingle();
			if (error) fail('places', error);
			return data && join(...Object.values(data));
		}
		case 'organization': {
			const { data, error } = await db
				.from('organizations')
				.select('name, description')
				.eq('id', id)
				.maybeSingle();
			if (error) fail('organizations', error);
			return data && join(data.name, data.description);
		}
		case 'thread': {
			const { data, error } = await db.from('threads').select('title').eq('id', id).maybeSingle();
			if (error) fail('threads', error);
			return data && data.title;
		}
		case 'post': {
			const { data, error } = await db
				.from('posts')
				.select('body, deleted_at, hidden_at')
				.eq('id', id)
				.maybeSingle();
			if (error) fail('posts', error);
			// a deleted or hidden post shows no text: it keeps no words
			return data && (data.deleted_at || data.hidden_at ? '' : data.body);
		}
	}
}

/** A word of the reading table, with its reading in hiragana. */
export interface TableWord {
	word: string;
	reading: string;
}

/** The reading table: coordinators' words, then the areas' and towns' names. */
export async function readingTableEntries(db: Db): Promise<TableWord[]> {
	const { data, error } = await db.from('reading_table').select('word, reading').limit(10000);
	if (error) fail('reading_table', error);
	return data.flatMap((r) => (r.word && r.reading ? [{ word: r.word, reading: r.reading }] : []));
}

export async function saveFurigana(
	db: Db,
	row: { subject: FuriganaSubject; id: string; words: Readings; sourceMd5: string }
) {
	const { error } = await db.from('furigana').upsert({
		subject_id: row.id,
		subject: row.subject,
		words: row.words,
		source_md5: row.sourceMd5,
		updated_at: new Date().toISOString()
	});
	if (error) fail('furigana', error);
}

export async function removeFurigana(db: Db, id: string) {
	const { error } = await db.from('furigana').delete().eq('subject_id', id);
	if (error) fail('furigana', error);
}

/** Every subject whose text has `word` is read again; how many. */
export async function requeueWord(db: Db, word: string): Promise<number> {
	const { data, error } = await db.rpc('furigana_requeue_word', { p_word: word });
	if (error) fail('furigana_requeue_word', error);
	return data;
}
