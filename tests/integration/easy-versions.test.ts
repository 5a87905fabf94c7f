// やさしい日本語 versions (issue 16) through PostgREST with real tokens: who
// writes one for an event, a practice and a place (as each subject's own
// save decides) and every refusal, which writes nothing; who reads it (as who
// reads the subject); both fields empty removes it; the lists filtered to what
// has one; ふりがな's job queued when it changes, and its text read with the rest.
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent } from '../support/events';
import { sql } from '../support/mail';
import {
	addMember,
	createCoordinator,
	createOrg,
	createPractice,
	suffix,
	type User
} from '../support/recognition';
import { saveEasyVersion } from '$lib/server/db/easy-versions';
import { findEvent, searchEventSeries } from '$lib/server/db/events';
import { suspendMember } from '$lib/server/db/moderation';
import { getPlace, listPlaces } from '$lib/server/db/places';
import { getPractice, listPractices } from '$lib/server/db/practices';
import { furiganaSource } from '$lib/server/db/furigana-source';

let organiser: User, editor: User, stranger: User, coordinator: User;
let orgId: string;

const EASY = {
	summary: 'みんなで ごはんを たべます。',
	body: 'まいつき 1かい あります。\n\nだれでも きて ください。'
};

async function newPlace(keeper: User, over: Record<string, unknown> = {}) {
	const { data, error } = await userClient(keeper.id).rpc('save_place', {
		p: {
			name: `やさしいテストの場所${suffix()}`,
			kinds: ['ibasho'],
			organization_id: orgId,
			audiences: [],
			hours: [],
			description: '地域の居場所です。',
			published: true,
			...over
		}
	});
	if (error) throw new Error(error.message);
	return data;
}

async function easyColumns(table: 'events' | 'practices' | 'places', id: string) {
	const { data, error } = await serviceClient()
		.from(table)
		.select('easy_summary, easy_body')
		.eq('id', id)
		.single();
	if (error) throw new Error(error.message);
	return data;
}

beforeAll(async () => {
	[organiser, editor, stranger] = await Promise.all([
		createTestUser('やさしい 主催 さん'),
		createTestUser('やさしい 編集 さん'),
		createTestUser('やさしい 通りがかり さん')
	]);
	coordinator = await createCoordinator();
	orgId = (await createOrg(organiser, { name: `やさしい団体${suffix()}` })).id;
	await addMember(orgId, editor, 'editor');
});

describe('an event', () => {
	it('its organiser writes one; everybody reads it on the event; empty fields are null', async () => {
		const { id } = await createEvent(organiser.id, { title: `やさしい版のある会${suffix()}` });
		expect(await saveEasyVersion(userClient(organiser.id), 'event', id, EASY)).toEqual({
			ok: true
		});
		const event = await findEvent(anonClient(), id);
		expect(event?.easy).toEqual(EASY);
		// trimmed, and a field left empty is no field
		const saved = await saveEasyVersion(userClient(organiser.id), 'event', id, {
			summary: '  ',
			body: '  よみやすい ぶんです。  '
		});
		expect(saved.ok).toBe(true);
		expect(await easyColumns('events', id)).toEqual({
			easy_summary: null,
			easy_body: 'よみやすい ぶんです。'
		});
		// both empty: the version is gone
		await saveEasyVersion(userClient(organiser.id), 'event', id, { summary: '', body: null });
		expect(await easyColumns('events', id)).toEqual({ easy_summary: null, easy_body: null });
	});

	it('refused to anybody else, to nobody signed in, and over the lengths; nothing is written', async () => {
		const { id } = await createEvent(organiser.id);
		expect(await saveEasyVersion(userClient(stranger.id), 'event', id, EASY)).toEqual({
			ok: false,
			refusal: 'forbidden'
		});
		const anon = await anonClient().rpc('save_easy_version', {
			p_subject: 'event',
			p_id: id,
			p_summary: EASY.summary,
			p_body: EASY.body
		});
		// anon may not call it at all
		expect(anon.error?.code).toBe('42501');
		expect(
			await saveEasyVersion(userClient(organiser.id), 'event', id, {
				summary: 'あ'.repeat(201),
				body: EASY.body
			})
		).toEqual({ ok: false, refusal: 'bad_length' });
		expect(
			await saveEasyVersion(userClient(organiser.id), 'event', id, {
				summary: null,
				body: 'あ'.repeat(5001)
			})
		).toEqual({ ok: false, refusal: 'bad_length' });
		expect(
			await saveEasyVersion(userClient(organiser.id), 'event', crypto.randomUUID(), EASY)
		).toEqual({ ok: false, refusal: 'not_found' });
		expect(await easyColumns('events', id)).toEqual({ easy_summary: null, easy_body: null });
		// nobody writes the columns directly
		const direct = await userClient(organiser.id)
			.from('events')
			.update({ easy_summary: 'ちょくせつ' })
			.eq('id', id)
			.select('id');
		expect(direct.error?.code).toBe('42501');
		expect(await easyColumns('events', id)).toEqual({ easy_summary: null, easy_body: null });
	});

	it('a draft’s version is read only by who reads the draft', async () => {
		const { id } = await createEvent(organiser.id, { status: 'draft' });
		expect((await saveEasyVersion(userClient(organiser.id), 'event', id, EASY)).ok).toBe(true);
		const { data } = await anonClient().from('events').select('easy_body').eq('id', id);
		expect(data).toEqual([]);
		expect((await findEvent(userClient(organiser.id), id))?.easy).toEqual(EASY);
	});

	it('the list of cards is filtered to events with one', async () => {
		const title = `やさしいフィルタ${suffix()}`;
		const [withEasy, without] = await Promise.all([
			createEvent(organiser.id, { title: `${title} あり` }),
			createEvent(organiser.id, { title: `${title} なし` })
		]);
		await saveEasyVersion(userClient(organiser.id), 'event', withEasy.id, {
			summary: null,
			body: EASY.body
		});
		const list = (easy: boolean) =>
			searchEventSeries(
				anonClient(),
				{ from: new Date(), q: title, easy },
				{ offset: 0, limit: 20 }
			);
		const all = await list(false);
		expect(all.cards.map((c) => c.event.id).sort()).toEqual([withEasy.id, without.id].sort());
		const easy = await list(true);
		expect(easy.cards.map((c) => c.event.id)).toEqual([withEasy.id]);
		expect(easy.total).toBe(1);
	});

	it('a suspended organiser cannot write one', async () => {
		const member = await createTestUser('やさしい 停止 さん');
		const { id } = await createEvent(member.id);
		const suspended = await suspendMember(userClient(coordinator.id), member.id, 7, 'テスト');
		expect(suspended.ok).toBe(true);
		expect(await saveEasyVersion(userClient(member.id), 'event', id, EASY)).toEqual({
			ok: false,
			refusal: 'suspended'
		});
		expect(await easyColumns('events', id)).toEqual({ easy_summary: null, easy_body: null });
	});
});

describe('a practice', () => {
	it('its organization’s editors and coordinators write one, a member of the public cannot', async () => {
		const id = await createPractice(orgId, { title: `やさしい実践${suffix()}` });
		expect(await saveEasyVersion(userClient(stranger.id), 'practice', id, EASY)).toEqual({
			ok: false,
			refusal: 'forbidden'
		});
		expect((await saveEasyVersion(userClient(editor.id), 'practice', id, EASY)).ok).toBe(true);
		expect((await getPractice(anonClient(), id))?.easy).toEqual(EASY);
		const fixed = { summary: EASY.summary, body: 'コーディネーターが なおしました。' };
		expect((await saveEasyVersion(userClient(coordinator.id), 'practice', id, fixed)).ok).toBe(
			true
		);
		expect((await getPractice(anonClient(), id))?.easy).toEqual(fixed);
	});

	it('the list is filtered to practices with one', async () => {
		const title = `やさしい実践フィルタ${suffix()}`;
		const withEasy = await createPractice(orgId, { title: `${title} あり` });
		const without = await createPractice(orgId, { title: `${title} なし` });
		await saveEasyVersion(userClient(editor.id), 'practice', withEasy, EASY);
		const ids = async (easy: boolean) =>
			(await listPractices(anonClient(), { q: title, easy }, 1)).practices.map((p) => p.id);
		expect((await ids(false)).sort()).toEqual([withEasy, without].sort());
		expect(await ids(true)).toEqual([withEasy]);
	});
});

describe('a place', () => {
	it('its keepers write one; a member who does not keep it cannot; the list is filtered', async () => {
		const name = `やさしい場所${suffix()}`;
		const withEasy = await newPlace(editor, { name: `${name}あり` });
		const without = await newPlace(editor, { name: `${name}なし` });
		expect(await saveEasyVersion(userClient(stranger.id), 'place', withEasy, EASY)).toEqual({
			ok: false,
			refusal: 'forbidden'
		});
		expect((await saveEasyVersion(userClient(editor.id), 'place', withEasy, EASY)).ok).toBe(true);
		expect((await getPlace(anonClient(), withEasy))?.easy).toEqual(EASY);
		const ids = async (easy: boolean) =>
			(await listPlaces(anonClient(), { q: name, easy }, 1)).places.map((p) => p.id);
		expect((await ids(false)).sort()).toEqual([withEasy, without].sort());
		expect(await ids(true)).toEqual([withEasy]);
	});
});

describe('ふりがな of the やさしい text', () => {
	it('a change queues the subject’s reading, and the worker reads the やさしい text with the rest', async () => {
		const { id } = await createEvent(organiser.id);
		await sql(`delete from graphile_worker._private_jobs where key = $1`, [`furigana:${id}`]);
		await saveEasyVersion(userClient(organiser.id), 'event', id, {
			summary: '八柱で あいましょう。',
			body: null
		});
		const queued = await sql<{ key: string }>(
			`select key from graphile_worker._private_jobs where key = $1`,
			[`furigana:${id}`]
		);
		expect(queued).toHaveLength(1);
		expect(await furiganaSource(serviceClient(), 'event', id)).toContain('八柱で あいましょう。');
	});
});
