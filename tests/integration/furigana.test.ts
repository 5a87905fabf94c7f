// ふりがな through PostgREST with real tokens and the worker's own task code:
// saving text enqueues its reading (in the save's transaction); the analyser
// with the reading table winning (八柱 やばしら, 矢切 やぎり, 日暮 ひぐらし,
// 明第1 めいだいいち, 一人で ひとりで); who reads the stored words (as who reads
// the text); who keeps the reading table and every refusal; a changed word
// read again in the texts that have it; a deleted subject's words go with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent } from '../support/events';
import { sql } from '../support/mail';
import { createCoordinator, suffix, type User } from '../support/recognition';
import type { Readings } from '$lib/furigana/ruby';
import { contentReadings, saveReadingWord } from '$lib/server/db/furigana';
import { furiganaTask, furiganaWordTask } from '$lib/server/jobs/furigana';

let coordinator: User, member: User;
const task = furiganaTask({ db: serviceClient() });
const wordTask = furiganaWordTask({ db: serviceClient() });

/** The furigana jobs waiting for these ids (by their key). */
async function queued(ids: string[]) {
	const rows = await sql<{ key: string }>(
		`select key from graphile_worker._private_jobs where key = any($1::text[])`,
		[ids.map((id) => `furigana:${id}`)]
	);
	return rows.map((r) => r.key.slice('furigana:'.length));
}

const readingOf = (words: Readings, surface: string) =>
	words[surface]?.map((p) => (typeof p === 'string' ? p : p[1])).join('');

beforeAll(async () => {
	coordinator = await createCoordinator();
	member = await createTestUser('読み 太郎');
	// the two words no area or town has; 矢切, 日暮 and 明第1 come from the seed's areas and towns
	for (const [word, reading] of [
		['八柱', 'やばしら'],
		['一人で', 'ひとりで']
	]) {
		await serviceClient().from('reading_words').delete().eq('word', word);
		const saved = await saveReadingWord(userClient(coordinator.id), {
			id: null,
			word,
			reading,
			note: ''
		});
		expect(saved.ok).toBe(true);
	}
});

// the words added here leave with the tests (the e2e run shares this stack and starts
// from the table a city starts with)
afterAll(async () => {
	await serviceClient().from('reading_words').delete().in('word', ['八柱', '一人で', '十三柱']);
});

describe('readings of saved text', () => {
	it('a saved event is queued in its transaction; the table wins over the analyser in five known cases', async () => {
		const title = `八柱駅で集まる会${suffix()}`;
		const { id } = await createEvent(member.id, {
			title,
			summary: '矢切の渡しと日暮の公園、明第1地区を歩きます。',
			body: '一人で参加できます。'
		});
		expect(await queued([id])).toEqual([id]);
		await task({ subject: 'event', id });
		const words = await contentReadings(anonClient(), [id]);
		expect(readingOf(words, '八柱')).toBe('やばしら');
		expect(readingOf(words, '矢切')).toBe('やぎり');
		expect(readingOf(words, '日暮')).toBe('ひぐらし');
		expect(readingOf(words, '明第1')).toBe('めいだいいち');
		expect(words['一人で']).toEqual([['一人', 'ひとり'], 'で']);
		// the analyser's own words, okurigana bare
		expect(words['集まる']).toEqual([['集', 'あつ'], 'まる']);
		// the analyser alone would have said はちはしら: the table is what changed it
		expect(JSON.stringify(words)).not.toContain('はちはしら');
	});

	it('the words are read as the text is: not a draft’s by anon or another member', async () => {
		const { id } = await createEvent(member.id, {
			title: `秘密の下書き${suffix()}`,
			status: 'draft'
		});
		await task({ subject: 'event', id });
		expect(Object.keys(await contentReadings(userClient(member.id), [id]))).toContain('秘密');
		expect(await contentReadings(anonClient(), [id])).toEqual({});
		const other = await createTestUser('ほか の人');
		expect(await contentReadings(userClient(other.id), [id])).toEqual({});
	});

	it('nobody but the worker writes them', async () => {
		const { id } = await createEvent(member.id, { title: `書けない${suffix()}` });
		const { error } = await userClient(member.id)
			.from('furigana')
			.upsert({ subject_id: id, subject: 'event', words: {}, source_md5: 'x' });
		expect(error?.code).toBe('42501');
		const { error: anonError } = await anonClient()
			.from('furigana')
			.insert({ subject_id: id, subject: 'event', words: {}, source_md5: 'x' });
		expect(anonError?.code).toBe('42501');
	});

	it('a deleted subject takes its words with it', async () => {
		const { id } = await createEvent(member.id, { title: `消える会${suffix()}`, status: 'draft' });
		await task({ subject: 'event', id });
		const rows = async () =>
			(await sql('select 1 from public.furigana where subject_id = $1', [id])).length;
		expect(await rows()).toBe(1);
		await sql('delete from public.events where id = $1', [id]);
		expect(await rows()).toBe(0);
	});
});

describe('the reading table', () => {
	it('lists the areas and towns with their kana, and the coordinators’ words', async () => {
		const { data, error } = await anonClient()
			.from('reading_table')
			.select('word, reading, source')
			.in('word', ['矢切', '日暮', '明第1', '上矢切', '八柱']);
		expect(error).toBeNull();
		const by = new Map((data ?? []).map((r) => [r.word, r]));
		expect(by.get('矢切')).toMatchObject({ reading: 'やぎり', source: 'area' });
		expect(by.get('明第1')).toMatchObject({ reading: 'めいだいいち', source: 'area' });
		expect(by.get('日暮')).toMatchObject({ reading: 'ひぐらし', source: 'town' });
		expect(by.get('上矢切')).toMatchObject({ reading: 'かみやきり', source: 'town' });
		expect(by.get('八柱')).toMatchObject({ reading: 'やばしら', source: 'coordinator' });
	});

	it('only coordinators write it; every refusal writes nothing', async () => {
		const count = async () => (await sql('select 1 from public.reading_words')).length;
		const before = await count();
		const asMember = await saveReadingWord(userClient(member.id), {
			id: null,
			word: '松飛台',
			reading: 'まつひだい',
			note: ''
		});
		expect(asMember).toEqual({ ok: false, refusal: 'forbidden' });
		const db = userClient(coordinator.id);
		const cases: [string, string, string][] = [
			['ひらがな', 'ひらがな', 'no_kanji'],
			['五香', 'ゴコウ', 'bad_reading'],
			['五香', 'gokou', 'bad_reading'],
			['八柱', 'はちはしら', 'word_taken'],
			['あ'.repeat(20) + '漢'.repeat(11), 'かん', 'bad_length']
		];
		for (const [word, reading, refusal] of cases) {
			expect(await saveReadingWord(db, { id: null, word, reading, note: '' })).toEqual({
				ok: false,
				refusal
			});
		}
		const { error } = await userClient(coordinator.id)
			.from('reading_words')
			.insert({ word: '直接', reading: 'ちょくせつ' });
		expect(error?.code).toBe('42501');
		expect(await count()).toBe(before);
	});

	it('a changed word is read again in every text that has it', async () => {
		const { id } = await createEvent(member.id, { title: `十三柱の集い${suffix()}` });
		await task({ subject: 'event', id });
		expect(readingOf(await contentReadings(anonClient(), [id]), '十三柱')).toBeUndefined();
		const saved = await saveReadingWord(userClient(coordinator.id), {
			id: null,
			word: '十三柱',
			reading: 'とみはしら',
			note: 'テスト'
		});
		expect(saved.ok).toBe(true);
		// the save queued furigana_word; the worker's task queues the texts that have the word
		const [job] = await sql<{ payload: { word: string } }>(
			`select payload from graphile_worker._private_jobs where key = 'furigana_word:十三柱'`
		);
		expect(job?.payload.word).toBe('十三柱');
		await sql(`delete from graphile_worker._private_jobs where key = any($1::text[])`, [
			[`furigana:${id}`]
		]);
		await wordTask({ word: '十三柱' });
		expect(await queued([id])).toEqual([id]);
		await task({ subject: 'event', id });
		expect(readingOf(await contentReadings(anonClient(), [id]), '十三柱')).toBe('とみはしら');
	});
});
