// Records of held dates (開催記録) through PostgREST with real tokens: who
// writes and reads them, the attendance they count, and every refusal, which
// writes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent, saveEventAgain } from '../support/events';
import { createCoordinator, type User } from '../support/recognition';
import { countAttended } from '$lib/server/db/records';
import { unrecordedDates } from '$lib/server/records/held';

const DAY = 86400_000;
let organiser: User, other: User, coordinator: User, attendee: User, late: User;
let eventId: string, heldId: string, futureId: string, cancelledId: string;

const record = (over: Record<string, unknown> = {}) => ({
	forum_name: '常盤平地区 ささえあいフォーラム',
	venue: '常盤平市民センター',
	agenda: '見守りの輪を広げる',
	summary: '買い物に困っている人が多い、という声が出ました。',
	minutes: '## 意見\n- 移動販売を呼べないか',
	materials: ['https://example.jp/handout.pdf'],
	walk_ins: 5,
	is_public: false,
	...over
});
const save = (
	user: User,
	occurrence: string,
	over = {},
	headcounts: { kind: string; people: number; first_time?: number }[] = []
) =>
	userClient(user.id).rpc('save_occurrence_record', {
		p_occurrence: occurrence,
		p_record: record(over),
		p_headcounts: headcounts
	});

async function register(
	occurrence: string,
	userId: string | null,
	attended: boolean,
	companions = 0
) {
	const { error } = await serviceClient()
		.from('registrations')
		.insert({
			occurrence_id: occurrence,
			user_id: userId,
			guest_name: userId ? null : '電話で申込 さん',
			status: 'going',
			attended,
			companions
		});
	if (error) throw new Error(error.message);
}

beforeAll(async () => {
	[organiser, other, attendee, late] = await Promise.all([
		createTestUser('主催 さん'),
		createTestUser('ほかの人 さん'),
		createTestUser('参加 さん'),
		createTestUser('あとから出席 さん')
	]);
	coordinator = await createCoordinator();
	// three weekly dates: two held, the last one next week
	const event = await createEvent(organiser.id, {
		title: 'ささえあいフォーラム',
		startsAt: new Date(Date.now() - 13 * DAY),
		repeat: 'weekly',
		count: 3
	});
	eventId = event.id;
	[heldId, cancelledId, futureId] = event.occurrenceIds;
	const { error } = await serviceClient()
		.from('event_occurrences')
		.update({ status: 'cancelled' })
		.eq('id', cancelledId);
	if (error) throw new Error(error.message);
	// an applicant with a companion who came, one by phone who came, one who did not
	await register(heldId, attendee.id, true, 1);
	await register(heldId, null, true);
	await register(heldId, late.id, false);
});

describe('writing a record', () => {
	it('counts marked attendance with companions plus walk-ins, and keeps the headcounts', async () => {
		const saved = await save(organiser, heldId, {}, [
			{ kind: 'resident', people: 5, first_time: 2 },
			{ kind: 'commissioner', people: 2, first_time: 0 },
			{ kind: 'student', people: 0, first_time: 0 }
		]);
		expect(saved.error).toBeNull();
		// 2 (attendee and companion) + 1 (phone) + 5 walk-ins
		expect(saved.data).toBe(8);
		const { data } = await userClient(organiser.id)
			.from('occurrence_records')
			.select(
				'event_id, registered_attended, walk_ins, attendance, materials, is_public, created_by, headcounts:occurrence_record_headcounts(kind, people, first_time)'
			)
			.eq('occurrence_id', heldId)
			.single();
		expect(data).toMatchObject({
			event_id: eventId,
			registered_attended: 3,
			walk_ins: 5,
			attendance: 8,
			materials: ['https://example.jp/handout.pdf'],
			is_public: false,
			created_by: organiser.id
		});
		// a kind with nobody is not kept
		expect(data!.headcounts.map((h) => [h.kind, h.people, h.first_time]).sort()).toEqual([
			['commissioner', 2, 0],
			['resident', 5, 2]
		]);
	});

	it('follows attendance marked after the record was written', async () => {
		const { error } = await serviceClient()
			.from('registrations')
			.update({ attended: true })
			.eq('occurrence_id', heldId)
			.eq('user_id', late.id);
		expect(error).toBeNull();
		const { data } = await serviceClient()
			.from('occurrence_records')
			.select('registered_attended, attendance, updated_by')
			.eq('occurrence_id', heldId)
			.single();
		// a mark is not somebody editing the record
		expect(data).toEqual({ registered_attended: 4, attendance: 9, updated_by: organiser.id });
	});

	it('lets a coordinator write any record', async () => {
		const saved = await save(coordinator, heldId, { walk_ins: 6 }, [
			{ kind: 'resident', people: 5, first_time: 2 }
		]);
		expect(saved.error).toBeNull();
		expect(saved.data).toBe(10);
		const { data } = await serviceClient()
			.from('occurrence_records')
			.select('updated_by, created_by')
			.eq('occurrence_id', heldId)
			.single();
		expect(data).toEqual({ updated_by: coordinator.id, created_by: organiser.id });
	});
});

describe('refusals, which write nothing', () => {
	const stored = async () => {
		const { data } = await serviceClient()
			.from('occurrence_records')
			.select('walk_ins, summary, headcounts:occurrence_record_headcounts(kind, people)')
			.eq('occurrence_id', heldId)
			.single();
		return data;
	};

	it('refuses a date that has not happened, a cancelled date, and an unknown one', async () => {
		expect((await save(organiser, futureId)).error?.hint).toBe('not_held');
		expect((await save(organiser, cancelledId)).error?.hint).toBe('date_cancelled');
		expect((await save(organiser, crypto.randomUUID())).error?.hint).toBe('not_found');
		const { count } = await serviceClient()
			.from('occurrence_records')
			.select('occurrence_id', { count: 'exact', head: true })
			.in('occurrence_id', [futureId, cancelledId]);
		expect(count).toBe(0);
	});

	it('refuses headcounts that add up to more than came, keeping the record as it was', async () => {
		const before = await stored();
		const over = await save(organiser, heldId, { walk_ins: 0, summary: '書き換え' }, [
			{ kind: 'resident', people: 30, first_time: 0 }
		]);
		expect(over.error?.hint).toBe('headcount_over');
		expect(await stored()).toEqual(before);
	});

	it('refuses bad numbers and more first-timers than people', async () => {
		const negative = await save(organiser, heldId, { walk_ins: -1 });
		expect(negative.error?.code).toBe('23514');
		const first = await save(organiser, heldId, {}, [
			{ kind: 'resident', people: 1, first_time: 2 }
		]);
		expect(first.error?.code).toBe('23514');
		const notNumber = await save(organiser, heldId, { walk_ins: 'たくさん' });
		expect(notNumber.error).not.toBeNull();
		expect((await stored())?.walk_ins).toBe(6);
	});

	it('refuses anybody who does not manage the event', async () => {
		expect((await save(other, heldId)).error?.hint).toBe('forbidden');
		const insert = await userClient(other.id)
			.from('occurrence_records')
			.insert({ occurrence_id: heldId, event_id: eventId, forum_name: 'x', venue: 'x' });
		expect(insert.error?.code).toBe('42501');
		const headcount = await userClient(other.id)
			.from('occurrence_record_headcounts')
			.insert({ occurrence_id: heldId, kind: 'other', people: 1 });
		expect(headcount.error?.code).toBe('42501');
		const anon = await anonClient().rpc('save_occurrence_record', {
			p_occurrence: heldId,
			p_record: record(),
			p_headcounts: []
		});
		expect(anon.error).not.toBeNull();
	});
});

describe('reading records', () => {
	const read = (client: ReturnType<typeof anonClient>) =>
		client
			.from('occurrence_records')
			.select('summary, headcounts:occurrence_record_headcounts(kind)')
			.eq('occurrence_id', heldId);

	it('shows a private record only to those who manage the event', async () => {
		expect((await read(anonClient())).data).toEqual([]);
		expect((await read(userClient(other.id))).data).toEqual([]);
		const headcounts = await anonClient()
			.from('occurrence_record_headcounts')
			.select('kind')
			.eq('occurrence_id', heldId);
		expect(headcounts.data).toEqual([]);
		expect((await read(userClient(organiser.id))).data).toHaveLength(1);
		expect((await read(userClient(coordinator.id))).data).toHaveLength(1);
	});

	it('shows a public record and its headcounts to everybody, and lets nobody else change it', async () => {
		expect(
			(await save(organiser, heldId, { is_public: true }, [{ kind: 'resident', people: 3 }])).error
		).toBeNull();
		const anon = await read(anonClient());
		expect(anon.data).toEqual([{ summary: record().summary, headcounts: [{ kind: 'resident' }] }]);
		const changed = await userClient(other.id)
			.from('occurrence_records')
			.update({ summary: '改ざん' })
			.eq('occurrence_id', heldId)
			.select('occurrence_id');
		expect(changed.data).toEqual([]);
		const removed = await userClient(other.id)
			.from('occurrence_records')
			.delete()
			.eq('occurrence_id', heldId)
			.select('occurrence_id');
		expect(removed.data).toEqual([]);
		expect((await read(anonClient())).data).toHaveLength(1);
	});
});

describe('what the form and the event page start from', () => {
	it('counts marked attendance for the organisers only', async () => {
		// 2 (attendee and companion) + 1 (phone) + 1 (marked later)
		expect(await countAttended(userClient(organiser.id), heldId)).toBe(4);
		expect(await countAttended(userClient(other.id), heldId)).toBe(0);
	});

	it('names the latest held dates without a record, however many have one', async () => {
		// eight weekly dates, all held; the latest six have records
		const series = await createEvent(organiser.id, {
			startsAt: new Date(Date.now() - 60 * DAY),
			repeat: 'weekly',
			count: 8
		});
		for (const id of series.occurrenceIds.slice(2))
			expect((await save(organiser, id, { walk_ins: 1 })).error).toBeNull();
		const { data } = await serviceClient()
			.from('event_occurrences')
			.select('id, starts_at, ends_at, status')
			.eq('event_id', series.id)
			.order('starts_at');
		const dates = data!.map((o) => ({
			id: o.id,
			startsAt: o.starts_at,
			endsAt: o.ends_at,
			status: o.status
		}));
		const found = await unrecordedDates(userClient(organiser.id), { status: 'published' }, dates);
		expect(found.map((o) => o.id)).toEqual([series.occurrenceIds[1], series.occurrenceIds[0]]);
	});
});

describe('a held date keeps its record', () => {
	it('is neither deleted nor cancelled when the series no longer has it', async () => {
		// the series now has only its last date
		const { data: last } = await serviceClient()
			.from('event_occurrences')
			.select('starts_at, ends_at')
			.eq('id', futureId)
			.single();
		await saveEventAgain(organiser.id, eventId, {}, { occurrences: [last!] });
		const { data } = await serviceClient()
			.from('event_occurrences')
			.select('id, status')
			.eq('event_id', eventId)
			.order('starts_at');
		expect(data).toContainEqual({ id: heldId, status: 'scheduled' });
		const kept = await anonClient()
			.from('occurrence_records')
			.select('occurrence_id')
			.eq('occurrence_id', heldId);
		expect(kept.data).toHaveLength(1);
	});
});
