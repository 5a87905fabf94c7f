// 地域の声 through PostgREST with real tokens: adding them to a held date's
// record, the path their status takes (and every refusal, which writes
// nothing), the history kept whoever writes, who reads them, the notice to
// the forum's attendees, the filters of /voices, and the reminder to write a
// record (private.remind_missing_records, run as the worker runs it).
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent } from '../support/events';
import { sql } from '../support/mail';
import {
	addMember,
	createCoordinator,
	createOrg,
	noticesOf,
	seedIds,
	type User
} from '../support/recognition';
import { listVoices } from '$lib/server/db/voices';
import { fiscalYearOf, fiscalYearRange } from '$lib/recognition/fiscal';
import { tokyoDateKey } from '$lib/format';

const DAY = 86400_000;
let organiser: User, other: User, coordinator: User, attendee: User, absent: User;
let eventId: string, heldId: string, futureId: string;
let areaId: string, elderlyId: string, childrenId: string;
const today = () => tokyoDateKey(new Date());

async function register(occurrence: string, userId: string, attended: boolean) {
	const { error } = await serviceClient()
		.from('registrations')
		.insert({ occurrence_id: occurrence, user_id: userId, status: 'going', attended });
	if (error) throw new Error(error.message);
}

async function writeRecord(user: User, occurrence: string) {
	const { error } = await userClient(user.id).rpc('save_occurrence_record', {
		p_occurrence: occurrence,
		p_record: { forum_name: '地域ケア フォーラム', venue: '公民館', walk_ins: 3, is_public: true },
		p_headcounts: []
	});
	if (error) throw new Error(error.message);
}

const addVoice = (user: User, occurrence: string, data: Record<string, unknown> = {}) =>
	userClient(user.id).rpc('save_voice', {
		p_occurrence: occurrence,
		p_data: {
			body: '買い物に行くバスが少なくて困っている',
			area_id: areaId,
			field_ids: [elderlyId],
			is_public: true,
			...data
		}
	});

const move = (user: User, voice: string, step: Record<string, unknown>) =>
	userClient(user.id).rpc('move_voice', {
		p_voice: voice,
		p_status: 'considering',
		p_status_on: today(),
		...step
	});

async function history(voice: string) {
	const { data, error } = await serviceClient()
		.from('voice_history')
		.select('status, status_on, note, taken_to, taken_to_name, answer, changed_by')
		.eq('voice_id', voice)
		.order('id');
	if (error) throw new Error(error.message);
	return data;
}

async function statusOf(voice: string) {
	const { data } = await serviceClient().from('voices').select('status').eq('id', voice).single();
	return data?.status;
}

beforeAll(async () => {
	[organiser, other, attendee, absent] = await Promise.all([
		createTestUser('声の主催 さん'),
		createTestUser('ほかの人 さん'),
		createTestUser('出席した さん'),
		createTestUser('欠席した さん')
	]);
	coordinator = await createCoordinator();
	const areas = await seedIds('areas', ['honcho']);
	const fields = await seedIds('fields', ['elderly', 'children']);
	areaId = areas.get('honcho')!;
	elderlyId = fields.get('elderly')!;
	childrenId = fields.get('children')!;
	// two weekly dates: one held ten days ago, one still to come
	const event = await createEvent(organiser.id, {
		title: '声のフォーラム',
		startsAt: new Date(Date.now() - 10 * DAY),
		repeat: 'weekly',
		count: 3,
		areaSlug: 'honcho'
	});
	eventId = event.id;
	[heldId, , futureId] = event.occurrenceIds;
	await register(heldId, attendee.id, true);
	await register(heldId, absent.id, false);
	await writeRecord(organiser, heldId);
});

describe('adding 声 to a record', () => {
	it('adds one with its fields, dated on the forum, received, with its first step in the history', async () => {
		const added = await addVoice(organiser, heldId, { field_ids: [elderlyId, childrenId] });
		expect(added.error).toBeNull();
		const { data } = await anonClient()
			.from('voices')
			.select(
				'event_id, area_id, status, raised_on, status_on, created_by, fields:voice_fields(field_id)'
			)
			.eq('id', added.data!)
			.single();
		const { data: held } = await serviceClient()
			.from('event_occurrences')
			.select('starts_at')
			.eq('id', heldId)
			.single();
		expect(data).toMatchObject({
			event_id: eventId,
			area_id: areaId,
			status: 'received',
			raised_on: tokyoDateKey(held!.starts_at),
			status_on: tokyoDateKey(held!.starts_at),
			created_by: organiser.id
		});
		expect(data!.fields.map((f) => f.field_id).sort()).toEqual([elderlyId, childrenId].sort());
		expect(await history(added.data!)).toEqual([
			expect.objectContaining({ status: 'received', note: null, changed_by: organiser.id })
		]);
	});

	it('refuses a date without a record, and people who do not manage the event; nothing is written', async () => {
		const before = await sql<{ n: number }>('select count(*)::int as n from public.voices');
		const noRecord = await addVoice(organiser, futureId);
		expect(noRecord.error?.hint).toBe('no_record');
		const forbidden = await addVoice(other, heldId);
		expect(forbidden.error?.hint).toBe('forbidden');
		const direct = await userClient(other.id).from('voices').insert({
			occurrence_id: heldId,
			body: '勝手に書く',
			event_id: eventId,
			raised_on: today(),
			status_on: today()
		});
		expect(direct.error).not.toBeNull();
		const anon = await anonClient().from('voices').insert({
			occurrence_id: heldId,
			body: '匿名で書く',
			event_id: eventId,
			raised_on: today(),
			status_on: today()
		});
		expect(anon.error).not.toBeNull();
		const after = await sql<{ n: number }>('select count(*)::int as n from public.voices');
		expect(after[0].n).toBe(before[0].n);
	});

	it('keeps a record that holds 声 from being deleted', async () => {
		const { error } = await userClient(organiser.id)
			.from('occurrence_records')
			.delete()
			.eq('occurrence_id', heldId);
		expect(error?.hint).toBe('record_has_voices');
		const { data } = await serviceClient()
			.from('occurrence_records')
			.select('occurrence_id')
			.eq('occurrence_id', heldId);
		expect(data).toHaveLength(1);
	});
});

describe('the path of a 声', () => {
	it('refuses skipping 検討中 without a reason, and writes nothing', async () => {
		const { data: id } = await addVoice(organiser, heldId);
		const skipped = await move(coordinator, id!, { p_status: 'answered', p_answer: '回答です' });
		expect(skipped.error?.hint).toBe('voice_needs_reason');
		expect(await statusOf(id!)).toBe('received');
		expect(await history(id!)).toHaveLength(1);
		// with a reason it may
		const withReason = await move(coordinator, id!, {
			p_status: 'answered',
			p_answer: '担当課から回答がありました',
			p_note: 'その場で担当課が答えたため'
		});
		expect(withReason.error).toBeNull();
		expect(await statusOf(id!)).toBe('answered');
	});

	it('refuses an outcome without its answer, a date in the future or before the forum', async () => {
		const { data: id } = await addVoice(organiser, heldId);
		expect((await move(coordinator, id!, {})).error).toBeNull();
		const noAnswer = await move(coordinator, id!, { p_status: 'reflected' });
		expect(noAnswer.error?.hint).toBe('voice_needs_answer');
		const tomorrow = tokyoDateKey(new Date(Date.now() + DAY));
		const future = await move(coordinator, id!, {
			p_status: 'answered',
			p_answer: 'はい',
			p_status_on: tomorrow
		});
		expect(future.error?.hint).toBe('voice_bad_date');
		const early = tokyoDateKey(new Date(Date.now() - 30 * DAY));
		const before = await move(coordinator, id!, {
			p_status: 'answered',
			p_answer: 'はい',
			p_status_on: early
		});
		expect(before.error?.hint).toBe('voice_bad_date');
		expect(await statusOf(id!)).toBe('considering');
		expect(await history(id!)).toHaveLength(2);
	});

	it('keeps every step with its date, destination, note and answer, also when written through the API', async () => {
		const { data: id } = await addVoice(organiser, heldId);
		const yesterday = tokyoDateKey(new Date(Date.now() - DAY));
		await move(coordinator, id!, {
			p_status: 'considering',
			p_status_on: yesterday,
			p_taken_to: 'care_meeting',
			p_taken_to_name: '本町地区 地域ケア推進会議'
		});
		await move(coordinator, id!, {
			p_status: 'answered',
			p_answer: '循環バスの増便を検討します',
			p_taken_to: 'care_meeting',
			p_taken_to_name: '本町地区 地域ケア推進会議'
		});
		// an organiser's update through the API on the path: kept too
		const direct = await userClient(organiser.id)
			.from('voices')
			.update({ status: 'reflected', answer: '4月から増便されました' })
			.eq('id', id!)
			.select('id');
		expect(direct.error).toBeNull();
		expect(direct.data).toHaveLength(1);
		// going back through the API without a new reason is refused
		const back = await userClient(organiser.id)
			.from('voices')
			.update({ status: 'received' })
			.eq('id', id!);
		expect(back.error?.hint).toBe('voice_needs_reason');
		const steps = await history(id!);
		expect(steps.map((s) => [s.status, s.taken_to, s.answer])).toEqual([
			['received', null, ''],
			['considering', 'care_meeting', ''],
			['answered', 'care_meeting', '循環バスの増便を検討します'],
			['reflected', 'care_meeting', '4月から増便されました']
		]);
		expect(steps[1]).toMatchObject({ status_on: yesterday, changed_by: coordinator.id });
		expect(steps[3].changed_by).toBe(organiser.id);
	});

	it('refuses everybody else: another member, a signed-out visitor', async () => {
		const { data: id } = await addVoice(organiser, heldId);
		const moved = await move(other, id!, {});
		expect(moved.error?.hint).toBe('forbidden');
		const updated = await userClient(other.id)
			.from('voices')
			.update({ body: '書きかえ' })
			.eq('id', id!)
			.select('id');
		expect(updated.data ?? []).toHaveLength(0);
		const deleted = await userClient(other.id).from('voices').delete().eq('id', id!).select('id');
		expect(deleted.data ?? []).toHaveLength(0);
		const anonMove = await anonClient().rpc('move_voice', {
			p_voice: id!,
			p_status: 'considering',
			p_status_on: today()
		});
		expect(anonMove.error).not.toBeNull();
		expect(await statusOf(id!)).toBe('received');
	});
});

describe('who reads 声', () => {
	it('shows public ones with their fields and history to everybody, private ones only to organisers and coordinators', async () => {
		const { data: open } = await addVoice(organiser, heldId, { body: '公開の声です' });
		const { data: closed } = await addVoice(organiser, heldId, {
			body: '非公開の声です',
			is_public: false
		});
		const read = async (client: ReturnType<typeof anonClient>) => {
			const { data } = await client
				.from('voices')
				.select('id, fields:voice_fields(field_id), history:voice_history(status)')
				.in('id', [open!, closed!]);
			return data ?? [];
		};
		for (const client of [anonClient(), userClient(other.id), userClient(attendee.id)]) {
			const rows = await read(client);
			expect(rows.map((r) => r.id)).toEqual([open]);
			expect(rows[0].fields).toHaveLength(1);
			expect(rows[0].history).toHaveLength(1);
		}
		for (const user of [organiser, coordinator]) {
			expect((await read(userClient(user.id))).map((r) => r.id).sort()).toEqual(
				[open, closed].sort()
			);
		}
		const { data: hiddenHistory } = await anonClient()
			.from('voice_history')
			.select('id')
			.eq('voice_id', closed!);
		expect(hiddenHistory).toEqual([]);
	});

	it('hides every 声 of a draft event from others', async () => {
		const { data: id } = await addVoice(organiser, heldId, { body: '下書きになる声' });
		await serviceClient().from('events').update({ status: 'draft' }).eq('id', eventId);
		try {
			const { data } = await anonClient().from('voices').select('id').eq('id', id!);
			expect(data).toEqual([]);
		} finally {
			await serviceClient().from('events').update({ status: 'published' }).eq('id', eventId);
		}
	});
});

describe('telling the attendees', () => {
	it('tells those marked as attended when a public 声 is answered, once per outcome', async () => {
		const { data: id } = await addVoice(organiser, heldId, { body: '答えを待つ声' });
		await move(coordinator, id!, {});
		const countFor = async (user: User) =>
			(
				await sql<{ n: number }>(
					"select count(*)::int as n from public.notifications where kind = 'voice_answered' and user_id = $1 and voice_id = $2",
					[user.id, id]
				)
			)[0].n;
		expect(await countFor(attendee)).toBe(0);
		await move(coordinator, id!, { p_status: 'answered', p_answer: '回答しました' });
		expect(await countFor(attendee)).toBe(1);
		expect(await countFor(absent)).toBe(0);
		expect(await countFor(organiser)).toBe(0);
		// the same outcome again (a corrected answer) tells nobody twice
		await move(coordinator, id!, { p_status: 'answered', p_answer: '回答を直しました' });
		expect(await countFor(attendee)).toBe(1);
		// its reflection is news
		await move(coordinator, id!, { p_status: 'reflected', p_answer: '反映されました' });
		expect(await countFor(attendee)).toBe(2);
		// the notice brings its mail (kind voice)
		const jobs = await sql<{ n: number }>(
			"select count(*)::int as n from graphile_worker.jobs j join public.notifications n on j.key = 'mail:voice:' || n.id where n.user_id = $1",
			[attendee.id]
		);
		expect(jobs[0].n).toBeGreaterThanOrEqual(2);
	});

	it('tells nobody of a private 声', async () => {
		const { data: id } = await addVoice(organiser, heldId, {
			body: '非公開で答えた声',
			is_public: false
		});
		await move(coordinator, id!, {});
		await move(coordinator, id!, { p_status: 'declined', p_answer: '今回は見送ります' });
		const rows = await sql<{ n: number }>(
			"select count(*)::int as n from public.notifications where kind = 'voice_answered' and voice_id = $1",
			[id]
		);
		expect(rows[0].n).toBe(0);
	});
});

describe('finding 声 (/voices)', () => {
	it('narrows by area, field, status, 年度 and Japanese words, public only when asked', async () => {
		const db = userClient(coordinator.id);
		const { data: kids } = await addVoice(organiser, heldId, {
			body: 'コドモ食堂をもっと増やしてほしい',
			field_ids: [childrenId],
			is_public: false
		});
		const year = fiscalYearOf(today());
		const found = async (f: Parameters<typeof listVoices>[1]) =>
			(await listVoices(db, f, 1)).voices.map((v) => v.id);
		// katakana typed, hiragana or katakana stored: both found
		expect(await found({ q: 'こども食堂' })).toEqual([kids]);
		expect(await found({ q: 'こども食堂', publicOnly: true })).toEqual([]);
		expect(await found({ fieldId: childrenId })).toContain(kids);
		expect(await found({ fieldId: elderlyId })).not.toContain(kids);
		expect(await found({ status: 'received', areaId: areaId })).toContain(kids);
		expect(await found({ status: 'answered' })).not.toContain(kids);
		const heldYear = fiscalYearOf(
			tokyoDateKey(
				(
					await serviceClient()
						.from('event_occurrences')
						.select('starts_at')
						.eq('id', heldId)
						.single()
				).data!.starts_at
			)
		);
		expect(await found(fiscalYearRange(heldYear))).toContain(kids);
		expect(await found(fiscalYearRange(heldYear + 1))).not.toContain(kids);
		expect(year).toBeGreaterThanOrEqual(heldYear);
		// a signed-out visitor never sees it, whatever the filter
		expect((await listVoices(anonClient(), { q: 'こども食堂' }, 1)).voices).toEqual([]);
	});

	it('counts 年度 from April 1 to March 31', () => {
		expect(fiscalYearOf('2027-03-31')).toBe(2026);
		expect(fiscalYearOf('2027-04-01')).toBe(2027);
		expect(fiscalYearRange(2026)).toEqual({ from: '2026-04-01', to: '2027-04-01' });
	});
});

describe('reminding organisers to write a record', () => {
	it('tells the organiser and the organization editors three days after a date without a record, once', async () => {
		const owner = await createTestUser('記録の団体 さん');
		const editor = await createTestUser('記録の編集 さん');
		const org = await createOrg(owner);
		await addMember(org.id, editor, 'editor');
		// far back, so that no other test's dates fall in the window of this run
		const started = Date.now() - 777 * DAY;
		const runAt = new Date(started + 4 * DAY).toISOString();
		const event = await createEvent(owner.id, {
			title: '記録を待つサロン',
			startsAt: new Date(started),
			organizationId: org.id
		});
		const recent = await createEvent(owner.id, {
			title: '前日に開いたサロン',
			startsAt: new Date(started + 3 * DAY),
			organizationId: org.id
		});
		const recorded = await createEvent(owner.id, {
			title: '記録済みのサロン',
			startsAt: new Date(started),
			organizationId: org.id
		});
		await writeRecord(owner, recorded.occurrenceIds[0]);
		const remind = async () =>
			(await sql<{ n: number }>('select private.remind_missing_records($1) as n', [runAt]))[0].n;
		await remind();
		const missing = async (user: User) =>
			(await noticesOf(user, 'record_missing')).map((n) => n.id);
		const forOwner = await sql<{ occurrence_id: string }>(
			"select occurrence_id from public.notifications where kind = 'record_missing' and user_id = $1",
			[owner.id]
		);
		expect(forOwner.map((r) => r.occurrence_id)).toEqual([event.occurrenceIds[0]]);
		expect(await missing(editor)).toHaveLength(1);
		expect(forOwner.map((r) => r.occurrence_id)).not.toContain(recent.occurrenceIds[0]);
		// run again: nothing more
		await remind();
		expect(await missing(owner)).toHaveLength(1);
		expect(await missing(editor)).toHaveLength(1);
		// and its mail waits in the queue, kind record
		const jobs = await sql<{ n: number }>(
			"select count(*)::int as n from graphile_worker.jobs j join public.notifications n on j.key = 'mail:record:' || n.id where n.user_id = $1",
			[owner.id]
		);
		expect(jobs[0].n).toBe(1);
	});
});
