// Reports per 圏域 and 年度 (year_report, year_report_areas) on a seeded year
// with known answers: a date at 00:30 on April 1 counts and one at 23:30 on
// March 31 of the year before does not; the last evening of March counts and
// 00:10 on the next April 1 does not; cancelled dates, cancelled and draft
// events never count; 延べ adds walk-ins and companions, 実人数 counts each
// member once and never phone applicants; coordinators only.
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent } from '../support/events';
import { createCoordinator, createOrg, suffix, type User } from '../support/recognition';

// a 年度 nobody else's test uses: long past, so every date in it has been held
const YEAR = 2001 + Math.floor(Math.random() * 20);
const jst = (iso: string) => new Date(`${iso}+09:00`);
let coordinator: User, organiser: User, m1: User, m2: User, m3: User;
let areaId: string, quietAreaId: string, areaSlug: string;

interface Report {
	totals: Record<string, number>;
	months: { month: string; dates: number; attendance: number }[];
	kinds: { kind: string; dates: number; events: number; attendance: number }[];
	fields: { field_id: string; dates: number; events: number; attendance: number }[];
	participants: { kind: string; people: number; first_time: number }[];
}

async function report(area: string | null = areaId): Promise<Report> {
	const { data, error } = await userClient(coordinator.id).rpc('year_report', {
		p_year: YEAR,
		p_area: area ?? undefined
	});
	if (error) throw new Error(error.message);
	const json: unknown = data;
	return json as Report;
}

async function held(
	startsAt: string,
	opts: {
		kind?: 'forum' | 'salon' | 'workshop';
		area?: boolean;
		status?: 'draft' | 'published';
	} = {}
) {
	const event = await createEvent(organiser.id, {
		title: `報告テスト ${startsAt}`,
		startsAt: jst(startsAt),
		areaSlug: opts.area === false ? undefined : areaSlug,
		status: opts.status
	});
	if (opts.kind)
		await serviceClient().from('events').update({ kind: opts.kind }).eq('id', event.id);
	return { eventId: event.id, occurrenceId: event.occurrenceIds[0] };
}

async function attend(occurrence: string, user: User | null, attended = true, companions = 0) {
	const { error } = await serviceClient()
		.from('registrations')
		.insert({
			occurrence_id: occurrence,
			user_id: user?.id ?? null,
			guest_name: user ? null : '電話 申込',
			status: 'going',
			attended,
			companions
		});
	if (error) throw new Error(error.message);
}

async function record(
	occurrence: string,
	walkIns: number,
	headcounts: { kind: string; people: number; first_time: number }[] = []
) {
	const { error } = await userClient(organiser.id).rpc('save_occurrence_record', {
		p_occurrence: occurrence,
		p_record: { forum_name: '報告テストの会', venue: '公民館', walk_ins: walkIns },
		p_headcounts: headcounts
	});
	if (error) throw new Error(error.message);
}

async function voice(occurrence: string, answered = false) {
	const { data: id, error } = await userClient(organiser.id).rpc('save_voice', {
		p_occurrence: occurrence,
		p_data: { body: '報告に数える声', area_id: areaId, is_public: true }
	});
	if (error) throw new Error(error.message);
	if (answered) {
		const today = new Date().toISOString().slice(0, 10);
		for (const step of [
			{ p_status: 'considering' as const },
			{ p_status: 'answered' as const, p_answer: '回答しました' }
		]) {
			const moved = await userClient(coordinator.id).rpc('move_voice', {
				p_voice: id,
				p_status_on: today,
				...step
			});
			if (moved.error) throw new Error(moved.error.message);
		}
	}
}

beforeAll(async () => {
	[organiser, m1, m2, m3] = await Promise.all([
		createTestUser('報告 主催'),
		createTestUser('報告 参加1'),
		createTestUser('報告 参加2'),
		createTestUser('報告 欠席')
	]);
	coordinator = await createCoordinator();
	areaSlug = `report-${suffix()}`;
	const { data: areas, error } = await serviceClient()
		.from('areas')
		.insert([
			{ slug: areaSlug, name_ja: `報告地区${suffix()}`, name_en: 'Report area', sort_order: 9000 },
			{
				slug: `quiet-${suffix()}`,
				name_ja: `静かな地区${suffix()}`,
				name_en: 'Quiet',
				sort_order: 9001
			}
		])
		.select('id, slug');
	if (error) throw new Error(error.message);
	areaId = areas.find((a) => a.slug === areaSlug)!.id;
	quietAreaId = areas.find((a) => a.slug !== areaSlug)!.id;

	// the year's first minutes: a forum with a record
	const first = await held(`${YEAR}-04-01T00:30:00`, { kind: 'forum' });
	await attend(first.occurrenceId, m1, true, 1);
	await attend(first.occurrenceId, m2, true);
	await attend(first.occurrenceId, null, true);
	await attend(first.occurrenceId, m3, false);
	await record(first.occurrenceId, 4, [
		{ kind: 'resident', people: 6, first_time: 2 },
		{ kind: 'commissioner', people: 2, first_time: 0 }
	]);
	await voice(first.occurrenceId, true);
	await voice(first.occurrenceId);
	// the last minutes of the year before: not this year
	const before = await held(`${YEAR}-03-31T23:30:00`, { kind: 'forum' });
	await attend(before.occurrenceId, m3, true);
	await record(before.occurrenceId, 10);
	await voice(before.occurrenceId);
	// the last evening of the year: a salon without a record
	const last = await held(`${YEAR + 1}-03-31T23:00:00`);
	await attend(last.occurrenceId, m1, true);
	// the next year's first minutes: not this year
	const next = await held(`${YEAR + 1}-04-01T00:10:00`);
	await attend(next.occurrenceId, m3, true);
	// a cancelled date and a draft: never
	const cancelled = await held(`${YEAR}-06-10T10:00:00`, { kind: 'workshop' });
	await attend(cancelled.occurrenceId, m3, true);
	await serviceClient()
		.from('event_occurrences')
		.update({ status: 'cancelled' })
		.eq('id', cancelled.occurrenceId);
	await held(`${YEAR}-07-10T10:00:00`, { status: 'draft' });

	// an organization and a practice of the area, an award
	const org = await createOrg(organiser, { areaIds: [areaId] });
	const oldOrg = await createOrg(organiser, { areaIds: [areaId] });
	await serviceClient()
		.from('organizations')
		.update({ created_at: jst(`${YEAR}-05-01T10:00:00`).toISOString() })
		.eq('id', org.id);
	await serviceClient()
		.from('organizations')
		.update({ created_at: jst(`${YEAR}-03-31T23:00:00`).toISOString() })
		.eq('id', oldOrg.id);
	const { data: practice, error: practiceError } = await serviceClient()
		.from('practices')
		.insert({
			lead_organization_id: org.id,
			title: '報告テストの実践',
			summary: '報告に数える',
			started_on: `${YEAR}-04-01`,
			status: 'published',
			published_at: jst(`${YEAR}-07-01T10:00:00`).toISOString(),
			created_at: jst(`${YEAR}-06-01T10:00:00`).toISOString()
		})
		.select('id')
		.single();
	if (practiceError) throw new Error(practiceError.message);
	await serviceClient()
		.from('practice_areas')
		.insert({ practice_id: practice.id, area_id: areaId });
	const awards = await serviceClient()
		.from('awards')
		.insert([
			{
				practice_id: practice.id,
				name: '報告テスト賞',
				citation: 'よくできました',
				awarded_on: `${YEAR + 1}-03-31`
			},
			{
				practice_id: practice.id,
				name: '翌年度の賞',
				citation: 'よくできました',
				awarded_on: `${YEAR + 1}-04-01`
			}
		]);
	if (awards.error) throw new Error(awards.error.message);
});

describe('a 圏域’s year', () => {
	it('counts the held dates of April 1 to March 31, and nothing cancelled or in draft', async () => {
		const r = await report();
		expect(r.totals).toMatchObject({ dates: 2, events: 2, recorded: 1 });
		expect(r.kinds).toEqual([
			{ kind: 'forum', dates: 1, events: 1, attendance: 8 },
			{ kind: 'salon', dates: 1, events: 1, attendance: 1 }
		]);
		expect(r.months).toHaveLength(12);
		expect(r.months[0]).toEqual({ month: `${YEAR}-04`, dates: 1, attendance: 8 });
		expect(r.months[11]).toEqual({ month: `${YEAR + 1}-03`, dates: 1, attendance: 1 });
		expect(r.months.slice(1, 11).every((m) => m.dates === 0)).toBe(true);
	});

	it('keeps 延べ (walk-ins, companions and phone applicants) apart from 実人数 (each member once)', async () => {
		const { totals } = await report();
		// forum: m1 + companion, m2, the phone applicant, 4 walk-ins = 8; salon: m1 = 1
		expect(totals.attendance).toBe(9);
		// m1 (twice) and m2; neither the phone applicant nor m3 (absent here, present elsewhere)
		expect(totals.unique_people).toBe(2);
	});

	it('adds up the records’ participants by kind and first-timers', async () => {
		const r = await report();
		expect(r.participants).toEqual([
			{ kind: 'resident', people: 6, first_time: 2 },
			{ kind: 'commissioner', people: 2, first_time: 0 }
		]);
		expect(r.totals.first_time).toBe(2);
	});

	it('counts new organizations, practices, awards and 声 of the year', async () => {
		const { totals } = await report();
		expect(totals).toMatchObject({
			new_organizations: 1,
			new_practices: 1,
			published_practices: 1,
			awards: 1,
			voices: 2,
			voices_answered: 1,
			voices_open: 1,
			voices_reflected: 0,
			voices_declined: 0
		});
	});

	it('lists every area with its figures, the quiet ones with none', async () => {
		const { data, error } = await userClient(coordinator.id).rpc('year_report_areas', {
			p_year: YEAR
		});
		expect(error).toBeNull();
		expect(data!.find((a) => a.area_id === areaId)).toMatchObject({
			dates: 2,
			events: 2,
			attendance: 9,
			unique_people: 2,
			voices: 2
		});
		expect(data!.find((a) => a.area_id === quietAreaId)).toMatchObject({
			dates: 0,
			attendance: 0,
			voices: 0
		});
	});
});

describe('the city’s year', () => {
	it('counts every area’s dates and those without an area', async () => {
		const before = await report(null);
		expect(before.totals.dates).toBeGreaterThanOrEqual(2);
		const noArea = await held(`${YEAR}-10-01T14:00:00`, { area: false });
		await attend(noArea.occurrenceId, m2, true);
		const after = await report(null);
		expect(after.totals.dates).toBe(before.totals.dates + 1);
		expect(after.totals.attendance).toBe(before.totals.attendance + 1);
		expect(after.months[6].dates).toBe(before.months[6].dates + 1);
		// the area's own report does not change
		expect((await report()).totals.dates).toBe(2);
	});
});

describe('who reads reports', () => {
	it('refuses members and signed-out visitors', async () => {
		const member = await userClient(m1.id).rpc('year_report', { p_year: YEAR });
		expect(member.error?.hint).toBe('forbidden');
		const areas = await userClient(m1.id).rpc('year_report_areas', { p_year: YEAR });
		expect(areas.error?.hint).toBe('forbidden');
		const anon = await anonClient().rpc('year_report', { p_year: YEAR });
		expect(anon.error).not.toBeNull();
		expect(anon.data).toBeNull();
	});
});
