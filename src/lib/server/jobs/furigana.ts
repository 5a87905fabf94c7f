// Tasks furigana and furigana_word (ふりがな, issue 16). furigana: one
// subject's text was saved (a trigger enqueued it, key furigana:<id>, in the
// save's transaction): its words and their readings, from the analyser with
// the reading table winning, are stored in public.furigana. furigana_word: a
// word of the reading table changed, so every subject whose text has it is
// enqueued again. The analyser loads on the first job (about a second and
// 400 MB), once per worker process.
import { createHash } from 'node:crypto';
import {
	FURIGANA_SUBJECTS,
	furiganaSource,
	readingTableEntries,
	removeFurigana,
	requeueWord,
	saveFurigana,
	type FuriganaSubject
} from '../db/furigana-source';
import { readingsOf } from '../furigana/analyser';
import type { JobContext } from './config';

export interface FuriganaPayload {
	subject: FuriganaSubject;
	id: string;
}

export const furiganaTask = (ctx: Pick<JobContext, 'db'>) => async (raw: unknown) => {
	const { subject, id } = raw as FuriganaPayload;
	if (!FURIGANA_SUBJECTS.includes(subject)) throw new Error(`furigana: unknown subject ${subject}`);
	const text = await furiganaSource(ctx.db, subject, id);
	if (text === null) return removeFurigana(ctx.db, id);
	const words = await readingsOf(text, await readingTableEntries(ctx.db));
	const sourceMd5 = createHash('md5').update(text).digest('hex');
	await saveFurigana(ctx.db, { subject, id, words, sourceMd5 });
};

export const furiganaWordTask = (ctx: Pick<JobContext, 'db'>) => async (raw: unknown) => {
	const { word } = raw as { word: string };
	await requeueWord(ctx.db, word);
};
