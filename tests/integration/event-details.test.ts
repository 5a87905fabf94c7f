// Migration 20261204000000_event_details.sql through PostgREST with real
// tokens: 参加費, 持ち物, 申込方法 and the deadline note saved by save_event
// (and checked for length), short codes made by the database (unique, without
// look-alikes, never written through the API), and RLS as it was.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORT_CODE } from '$lib/events/short-code';
import { createEvent, saveEventAgain } from '../support/events';
import { anonClient, createTestUser, serviceClient, testEnv, userClient } from '../support/db';

type User = { id: string; email: string };
let organiser: User, other: User;

beforeAll(async () => {
	[organiser, other] = await Promise.all([
		createTestUser('詳細の主催者'),
		createTestUser('詳細のほかの人')
	]);
});

const details = (id: string) =>
	serviceClient()
		.from('events')
		.select('fee, belongings, how_to_apply, deadline_note, short_code')
		.eq('id', id)
		.single();

describe('event details', () => {
	it('save_event saves fee, what to bring, how to apply and the deadline note, on insert and update', async () => {
		const ev = await createEvent(organiser.id, {
			fee: '300円（材料費）',
			belongings: 'エプロン、三角巾',
			howToApply: '電話またはFAXで受付',
			deadlineNote: '定員になり次第締切'
		});
		expect((await details(ev.id)).data).toMatchObject({
			fee: '300円（材料費）',
			belongings: 'エプロン、三角巾',
			how_to_apply: '電話またはFAXで受付',
			deadline_note: '定員になり次第締切'
		});

		const error = await saveEventAgain(organiser.id, ev.id, {
			fee: '無料',
			belongings: null,
			how_to_apply: 'このページから',
			deadline_note: null
		});
		expect(error).toBeNull();
		expect((await details(ev.id)).data).toMatchObject({
			fee: '無料',
			belongings: null,
			how_to_apply: 'このページから',
			deadline_note: null
		});
	});

	it('refuses text longer than the form allows', async () => {
		const ev = await createEvent(organiser.id);
		for (const [column, max] of [
			['fee', 100],
			['belongings', 300],
			['how_to_apply', 500],
			['deadline_note', 200]
		] as const) {
			const error = await saveEventAgain(organiser.id, ev.id, { [column]: 'あ'.repeat(max + 1) });
			expect(error?.message, column).toMatch(new RegExp(`events_${column}_length`));
			expect(
				await saveEventAgain(organiser.id, ev.id, { [column]: 'あ'.repeat(max) }),
				column
			).toBeNull();
		}
	});

	it('only the event’s organisers change them (RLS as for the other columns)', async () => {
		const ev = await createEvent(organiser.id, { fee: '無料' });
		for (const db of [anonClient(), userClient(other.id)]) {
			const { data } = await db
				.from('events')
				.update({ fee: '1万円' })
				.eq('id', ev.id)
				.select('id');
			expect(data ?? []).toEqual([]);
		}
		expect((await details(ev.id)).data?.fee).toBe('無料');
		const { data } = await userClient(organiser.id)
			.from('events')
			.update({ fee: '100円' })
			.eq('id', ev.id)
			.select('fee');
		expect(data).toEqual([{ fee: '100円' }]);
	});
});

describe('short codes', () => {
	it('are made on insert: six characters without 0/o/1/l, different for every event', async () => {
		const events = await Promise.all(
			Array.from({ length: 12 }, () => createEvent(organiser.id, { status: 'draft' }))
		);
		const codes = await Promise.all(
			events.map(async (e) => (await details(e.id)).data!.short_code)
		);
		for (const code of codes) expect(code).toMatch(SHORT_CODE);
		expect(new Set(codes).size).toBe(codes.length);

		// unique across the whole table, the seed's events included
		const { data: all } = await serviceClient().from('events').select('short_code');
		const every = (all ?? []).map((r) => r.short_code);
		expect(new Set(every).size).toBe(every.length);
		expect(every.every((c) => SHORT_CODE.test(c))).toBe(true);
	});

	it('are never written through the API, not even by the organiser', async () => {
		const ev = await createEvent(organiser.id);
		const before = (await details(ev.id)).data!.short_code;
		const update = await userClient(organiser.id)
			.from('events')
			.update({ short_code: 'abc234' })
			.eq('id', ev.id);
		expect(update.error?.code).toBe('42501');
		const insert = await userClient(organiser.id)
			.from('events')
			.insert({
				title: '自分で決めた短いアドレス',
				kind: 'salon',
				starts_at: new Date(Date.now() + 86400_000).toISOString(),
				ends_at: new Date(Date.now() + 90000_000).toISOString(),
				venue_name: '会場',
				short_code: 'abc234'
			});
		expect(insert.error?.code).toBe('42501');
		// save_event ignores one in its JSON
		expect(await saveEventAgain(organiser.id, ev.id, { short_code: 'abc234' })).toBeNull();
		expect((await details(ev.id)).data!.short_code).toBe(before);
	});

	it('find a published event for anybody, a draft only for its organisers', async () => {
		const published = await createEvent(organiser.id);
		const draft = await createEvent(organiser.id, { status: 'draft' });
		const code = async (id: string) => (await details(id)).data!.short_code;
		const find = async (db: ReturnType<typeof anonClient>, c: string) =>
			(await db.from('events').select('id').eq('short_code', c)).data ?? [];
		expect(await find(anonClient(), await code(published.id))).toEqual([{ id: published.id }]);
		expect(await find(anonClient(), await code(draft.id))).toEqual([]);
		expect(await find(userClient(other.id), await code(draft.id))).toEqual([]);
		expect(await find(userClient(organiser.id), await code(draft.id))).toEqual([{ id: draft.id }]);
	});
});

describe('the migration on a database that already has events', () => {
	let db: pg.Client;
	beforeAll(async () => {
		db = new pg.Client({ connectionString: testEnv().databaseUrl });
		await db.connect();
	});
	afterAll(() => db.end());

	it('gives every existing event its own code (its backfill, run again in a transaction that is rolled back)', async () => {
		await createEvent(organiser.id);
		const migration = await readFile(
			path.resolve('supabase/migrations/20261204000000_event_details.sql'),
			'utf8'
		);
		const backfill = /^do \$\$[\s\S]*?^end \$\$;$/m.exec(migration)?.[0];
		expect(backfill).toContain('private.new_event_short_code()');
		await db.query('begin');
		try {
			// as before the migration: no codes yet
			await db.query('alter table public.events drop constraint events_short_code_key');
			await db.query('alter table public.events alter column short_code drop not null');
			await db.query('update public.events set short_code = null');
			await db.query(backfill!);
			const { rows } = await db.query<{ short_code: string | null }>(
				'select short_code from public.events'
			);
			expect(rows.length).toBeGreaterThan(1);
			const codes = rows.map((r) => r.short_code);
			expect(codes.every((c) => c !== null && SHORT_CODE.test(c))).toBe(true);
			expect(new Set(codes).size).toBe(codes.length);
		} finally {
			await db.query('rollback');
		}
	});
});
