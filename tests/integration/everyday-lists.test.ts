// The lists of issue 9 through PostgREST with real tokens: events one card per
// series (search_event_series, count_event_series), a person's registrations,
// organisers' and coordinators' lists, towns (search_area_towns, area_towns'
// RLS) and the areas with nothing coming up (quiet_areas).
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	listEditedOrganizationsEvents,
	listMyRegistrations,
	listOrganizedEvents,
	listRecentlyPublished,
	listStaleDrafts,
	searchEventSeries
} from '$lib/server/db/events';
import { listUnverifiedOrganizations } from '$lib/server/db/orgs';
import { listAreasWithTowns, listQuietAreas, searchTowns } from '$lib/server/db/taxonomy';
import { createEvent } from '../support/events';
import { anonClient, createTestUser, DEMO_IDS, serviceClient, userClient } from '../support/db';

const DAY = 24 * 60 * 60 * 1000;
const tag = () => `列挙${randomBytes(3).toString('hex')}`;
/** a date n days ahead at 10:00 Tokyo */
const daysAhead = (n: number) => {
	const d = new Date(Date.now() + n * DAY);
	d.setUTCHours(1, 0, 0, 0);
	return d;
};

type User = { id: string; email: string };
let organiser: User, resident: User;

beforeAll(async () => {
	[organiser, resident] = await Promise.all([
		createTestUser('列挙 主催者'),
		createTestUser('列挙 住民')
	]);
});

async function makeOrg(owner: string, name: string, verified = false) {
	const { data, error } = await serviceClient()
		.from('organizations')
		.insert({
			slug: `everyday-${randomBytes(4).toString('hex')}`,
			name,
			kind: 'resident_group',
			municipality_wide: true,
			created_by: owner,
			verified_at: verified ? new Date().toISOString() : null
		})
		.select('id, created_at')
		.single();
	if (error) throw new Error(error.message);
	return data;
}

const series = (q: string, extra: Record<string, unknown> = {}) =>
	anonClient().rpc('search_event_series', { p_from: new Date().toISOString(), p_q: q, ...extra });

describe('search_event_series: one card per event', () => {
	it('gives each event once, at its next date, with the dates after it in the window, in date order', async () => {
		const t = tag();
		const weekly = await createEvent(organiser.id, {
			title: `${t} 毎週`,
			startsAt: daysAhead(3),
			repeat: 'weekly',
			count: 8
		});
		const once = await createEvent(organiser.id, { title: `${t} 一回`, startsAt: daysAhead(5) });
		const later = await createEvent(organiser.id, {
			title: `${t} 月例`,
			startsAt: daysAhead(20),
			repeat: 'monthly',
			count: 3
		});
		await createEvent(organiser.id, {
			title: `${t} 下書き`,
			startsAt: daysAhead(1),
			status: 'draft'
		});

		const { data, error } = await series(t);
		expect(error).toBeNull();
		expect(data).toEqual([
			{ occurrence_id: weekly.occurrenceIds[0], further: 7 },
			{ occurrence_id: once.occurrenceIds[0], further: 0 },
			{ occurrence_id: later.occurrenceIds[0], further: 2 }
		]);

		// the window counts only its own dates: 3 of the weekly ones fall in 3 + 14 days
		const window = await series(t, { p_to: daysAhead(18).toISOString() });
		expect(window.data).toEqual([
			{ occurrence_id: weekly.occurrenceIds[0], further: 2 },
			{ occurrence_id: once.occurrenceIds[0], further: 0 }
		]);

		// ended dates are behind us: from after the first weekly date, the second is the card
		const fromLater = await series(t, { p_from: daysAhead(4).toISOString() });
		expect(fromLater.data).toEqual([
			{ occurrence_id: once.occurrenceIds[0], further: 0 },
			{ occurrence_id: weekly.occurrenceIds[1], further: 6 },
			{ occurrence_id: later.occurrenceIds[0], further: 2 }
		]);

		const count = await anonClient().rpc('count_event_series', {
			p_from: new Date().toISOString(),
			p_q: t
		});
		expect(count.data).toBe(3);

		// the app's function: cards with the series' rule, in the same order
		const cards = await searchEventSeries(
			anonClient(),
			{ from: new Date(), q: t },
			{ offset: 0, limit: 20 }
		);
		expect(cards.total).toBe(3);
		expect(cards.totalCapped).toBe(false);
		expect(cards.cards.map((c) => [c.event.title, c.series.further])).toEqual([
			[`${t} 毎週`, 7],
			[`${t} 一回`, 0],
			[`${t} 月例`, 2]
		]);
		expect(cards.cards[0].series.rrule).toMatch(/^FREQ=WEEKLY;/);
		expect(cards.cards[1].series.rrule).toBeNull();
	});

	it('takes the limit itself: pages do not repeat or skip, the limit is at most 100, the count is capped', async () => {
		const t = tag();
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) {
			const e = await createEvent(organiser.id, { title: `${t} ${i}`, startsAt: daysAhead(2 + i) });
			ids.push(e.occurrenceIds[0]);
		}
		const first = await series(t, { p_limit: 2, p_offset: 0 });
		const second = await series(t, { p_limit: 2, p_offset: 2 });
		const third = await series(t, { p_limit: 2, p_offset: 4 });
		expect([...first.data!, ...second.data!, ...third.data!].map((r) => r.occurrence_id)).toEqual(
			ids
		);
		expect((await series(t, { p_limit: 0 })).data).toHaveLength(1);
		expect((await series(t, { p_limit: 100000 })).data).toHaveLength(5);
		const capped = await anonClient().rpc('count_event_series', {
			p_from: new Date().toISOString(),
			p_q: t,
			p_cap: 3
		});
		expect(capped.data).toBe(3);
	});

	it('skips cancelled dates for the next one that takes place, and shows a cancelled event once', async () => {
		const t = tag();
		const weekly = await createEvent(organiser.id, {
			title: `${t} 一回休み`,
			startsAt: daysAhead(2),
			repeat: 'weekly',
			count: 3
		});
		const service = serviceClient();
		await service
			.from('event_occurrences')
			.update({ status: 'cancelled', cancel_reason: '会場の都合' })
			.eq('id', weekly.occurrenceIds[0]);
		const allCancelled = await createEvent(organiser.id, {
			title: `${t} 全部中止`,
			startsAt: daysAhead(3),
			repeat: 'weekly',
			count: 2
		});
		await service
			.from('event_occurrences')
			.update({ status: 'cancelled' })
			.eq('event_id', allCancelled.id);
		const wholeEvent = await createEvent(organiser.id, {
			title: `${t} 行事中止`,
			startsAt: daysAhead(4),
			repeat: 'weekly',
			count: 2
		});
		await service
			.from('events')
			.update({ status: 'cancelled', cancel_reason: '台風' })
			.eq('id', wholeEvent.id);

		const { data } = await series(t);
		expect(data).toEqual([
			{ occurrence_id: allCancelled.occurrenceIds[0], further: 0 },
			{ occurrence_id: wholeEvent.occurrenceIds[0], further: 0 },
			{ occurrence_id: weekly.occurrenceIds[1], further: 1 }
		]);
	});

	it('with "seats left", the card is the next date with a place', async () => {
		const t = tag();
		const full = await createEvent(organiser.id, {
			title: `${t} 満員あり`,
			startsAt: daysAhead(2),
			repeat: 'weekly',
			count: 3,
			capacity: 1
		});
		const join = await userClient(resident.id).rpc('join_occurrence', {
			p_occurrence: full.occurrenceIds[0],
			p_companions: 0
		});
		expect(join.error).toBeNull();
		const { data } = await series(t, { p_seats_left: true });
		expect(data).toEqual([{ occurrence_id: full.occurrenceIds[1], further: 1 }]);
	});

	it('never lists drafts, not even to their organiser or a coordinator', async () => {
		const t = tag();
		await createEvent(organiser.id, { title: `${t} 下書き`, status: 'draft' });
		for (const db of [anonClient(), userClient(organiser.id), userClient(DEMO_IDS.coordinator)]) {
			const { data, error } = await db.rpc('search_event_series', {
				p_from: new Date().toISOString(),
				p_q: t
			});
			expect(error).toBeNull();
			expect(data).toEqual([]);
		}
	});
});

describe('a person, an organiser and a coordinator', () => {
	it("lists a person's registrations: upcoming in time order with waiting-list places, past most recent first, only their own", async () => {
		const t = tag();
		const soon = await createEvent(organiser.id, { title: `${t} 近い`, startsAt: daysAhead(2) });
		const full = await createEvent(organiser.id, {
			title: `${t} 満員`,
			startsAt: daysAhead(1),
			capacity: 1
		});
		const someoneElse = await createTestUser('先に申し込んだ人');
		const me = userClient(resident.id);
		await userClient(someoneElse.id).rpc('join_occurrence', {
			p_occurrence: full.occurrenceIds[0],
			p_companions: 0
		});
		await me.rpc('join_occurrence', { p_occurrence: soon.occurrenceIds[0], p_companions: 2 });
		await me.rpc('join_occurrence', { p_occurrence: full.occurrenceIds[0], p_companions: 0 });
		// two past dates, registered before they happened (written directly: joining is closed now)
		const pastA = await createEvent(organiser.id, {
			title: `${t} 先月`,
			startsAt: new Date(Date.now() - 30 * DAY)
		});
		const pastB = await createEvent(organiser.id, {
			title: `${t} 先週`,
			startsAt: new Date(Date.now() - 7 * DAY)
		});
		const { error } = await serviceClient()
			.from('registrations')
			.insert([
				{ occurrence_id: pastA.occurrenceIds[0], user_id: resident.id, status: 'going' },
				{ occurrence_id: pastB.occurrenceIds[0], user_id: resident.id, status: 'going' }
			]);
		expect(error).toBeNull();

		const upcoming = (
			await listMyRegistrations(me, resident.id, 'upcoming', { offset: 0, limit: 50 })
		).filter((r) => r.event.title.startsWith(t));
		expect(
			upcoming.map((r) => [r.event.title, r.status, r.companions, r.waitlistPosition])
		).toEqual([
			[`${t} 満員`, 'waitlisted', 0, 1],
			[`${t} 近い`, 'going', 2, null]
		]);
		const past = (
			await listMyRegistrations(me, resident.id, 'past', { offset: 0, limit: 50 })
		).filter((r) => r.event.title.startsWith(t));
		expect(past.map((r) => r.event.title)).toEqual([`${t} 先週`, `${t} 先月`]);

		// RLS: another person reads none of these, even asking for this person's id
		const stranger = await listMyRegistrations(
			userClient(someoneElse.id),
			resident.id,
			'upcoming',
			{ offset: 0, limit: 50 }
		);
		expect(stranger).toEqual([]);
	});

	it("lists an organiser's events and drafts newest first, and each organization's they edit", async () => {
		const t = tag();
		const owner = await createTestUser('列挙 代表');
		const org = await makeOrg(owner.id, `${t} の会`);
		const first = await createEvent(owner.id, { title: `${t} 公開`, startsAt: daysAhead(9) });
		const draft = await createEvent(owner.id, {
			title: `${t} 下書き`,
			status: 'draft',
			organizationId: org.id
		});
		const mine = await listOrganizedEvents(userClient(owner.id), owner.id, 10);
		expect(mine.map((e) => [e.id, e.status])).toEqual([
			[draft.id, 'draft'],
			[first.id, 'published']
		]);
		expect(mine[1].nextStartsAt).not.toBeNull();

		const byOrg = await listEditedOrganizationsEvents(userClient(owner.id), owner.id, 10);
		expect(
			byOrg.map(({ organization, events }) => [
				organization.id,
				organization.name,
				events.map((e) => [e.id, e.status])
			])
		).toEqual([[org.id, `${t} の会`, [[draft.id, 'draft']]]]);
		// a plain member of the organization sees it in none of these
		expect(await listEditedOrganizationsEvents(userClient(resident.id), resident.id, 10)).toEqual(
			[]
		);
		// another person never sees the draft in the organiser's list
		expect(
			(await listOrganizedEvents(userClient(resident.id), owner.id, 10)).map((e) => e.id)
		).toEqual([first.id]);
	});

	it('lists what coordinators look at: organizations waiting for verification oldest first, recent events, old drafts', async () => {
		const t = tag();
		const owner = await createTestUser('列挙 団体');
		const waiting = await makeOrg(owner.id, `${t} 確認待ち`);
		await makeOrg(owner.id, `${t} 確認済み`, true);
		const coordinator = userClient(DEMO_IDS.coordinator);

		const pending = await listUnverifiedOrganizations(coordinator, 1000);
		const names = pending.map((o) => o.name).filter((n) => n.startsWith(t));
		expect(names).toEqual([`${t} 確認待ち`]);
		const times = pending.map((o) => o.createdAt);
		expect([...times].sort()).toEqual(times);
		expect(pending.find((o) => o.id === waiting.id)).toBeDefined();

		const published = await createEvent(owner.id, { title: `${t} 新しい` });
		const recent = await listRecentlyPublished(coordinator, 50);
		expect(recent.map((e) => e.id)).toContain(published.id);
		const stamps = recent.map((e) => e.publishedAt ?? '');
		expect([...stamps].sort().reverse()).toEqual(stamps);

		const old = await createEvent(owner.id, { title: `${t} 古い下書き`, status: 'draft' });
		const fresh = await createEvent(owner.id, { title: `${t} 新しい下書き`, status: 'draft' });
		await serviceClient()
			.from('events')
			.update({ created_at: new Date(Date.now() - 10 * DAY).toISOString() })
			.eq('id', old.id);
		const weekAgo = new Date(Date.now() - 7 * DAY);
		const drafts = await listStaleDrafts(coordinator, weekAgo, 1000);
		expect(drafts.map((d) => d.id)).toContain(old.id);
		expect(drafts.map((d) => d.id)).not.toContain(fresh.id);
		expect(drafts.find((d) => d.id === old.id)?.organizerName).toBe('列挙 団体');
		// a member sees nobody else's drafts there (RLS)
		expect(
			(await listStaleDrafts(userClient(resident.id), weekAgo, 1000)).map((d) => d.id)
		).not.toContain(old.id);
	});
});

describe('towns and quiet areas', () => {
	it('finds towns by name or reading (常盤平, ときわだいら, トキワ, 五香) in the areas order, limited', async () => {
		const db = anonClient();
		const byReading = await searchTowns(db, 'ときわだいら');
		const byName = await searchTowns(db, '常盤平');
		expect(byReading.map((t) => t.name)).toEqual(byName.map((t) => t.name));
		expect(byName.map((t) => t.name)).toContain('常盤平団地');
		expect((await searchTowns(db, 'トキワ')).length).toBe(byName.length);
		expect((await searchTowns(db, '五香')).map((t) => t.name)).toEqual([
			'五香',
			'五香西',
			'五香南',
			'五香六実'
		]);
		expect(await searchTowns(db, '  ')).toEqual([]);
		expect(await searchTowns(db, '%')).toEqual([]);
		expect(await searchTowns(db, 'ち', 3)).toHaveLength(3);

		// the seed gives each of Matsudo's 15 areas its towns
		const areas = await listAreasWithTowns(db);
		expect(areas.filter((a) => a.towns.length > 0).map((a) => a.slug)).toEqual(
			expect.arrayContaining([
				'mei-1',
				'mei-2-higashi',
				'mei-2-nishi',
				'honcho',
				'yagiri',
				'tobu',
				'mabashi',
				'mabashi-nishi',
				'tokiwadaira',
				'tokiwadaira-danchi',
				'goko-matsuhidai',
				'mutsumi-mutsutakadai',
				'kogane',
				'koganehara',
				'shin-matsudo'
			])
		);
		expect(areas.find((a) => a.slug === 'goko-matsuhidai')?.towns[0]).toEqual({
			name: '五香',
			kana: 'ごこう'
		});
	});

	it('lets anybody read towns and only admins change them', async () => {
		const { data: area } = await serviceClient()
			.from('areas')
			.select('id')
			.eq('slug', 'yagiri')
			.single();
		const row = { area_id: area!.id, name: `試験町${randomBytes(2).toString('hex')}` };
		for (const db of [anonClient(), userClient(resident.id), userClient(DEMO_IDS.coordinator)]) {
			const { error } = await db.from('area_towns').insert(row);
			expect(error).not.toBeNull();
		}
		const admin = userClient(DEMO_IDS.admin);
		const added = await admin.from('area_towns').insert(row).select('id').single();
		expect(added.error).toBeNull();
		const changed = await userClient(resident.id)
			.from('area_towns')
			.update({ kana: 'いたずら' })
			.eq('id', added.data!.id)
			.select('id');
		expect(changed.data).toEqual([]);
		const removed = await admin.from('area_towns').delete().eq('id', added.data!.id).select('id');
		expect(removed.data).toHaveLength(1);
	});

	it('lists the areas in use with no scheduled, published date in the next days', async () => {
		const service = serviceClient();
		const slug = `quiet-${randomBytes(3).toString('hex')}`;
		const { error } = await service
			.from('areas')
			.insert({ slug, name_ja: '静かな地区', name_en: 'Quiet' });
		expect(error).toBeNull();
		const db = anonClient();
		const quiet = async (days = 60) => (await listQuietAreas(db, days)).map((a) => a.slug);
		expect(await quiet()).toContain(slug);

		await createEvent(organiser.id, { areaSlug: slug, status: 'draft', startsAt: daysAhead(3) });
		await createEvent(organiser.id, { areaSlug: slug, startsAt: daysAhead(90) });
		expect(await quiet()).toContain(slug);
		expect(await quiet(120)).not.toContain(slug);

		const soon = await createEvent(organiser.id, { areaSlug: slug, startsAt: daysAhead(10) });
		expect(await quiet()).not.toContain(slug);
		await service.from('event_occurrences').update({ status: 'cancelled' }).eq('event_id', soon.id);
		expect(await quiet()).toContain(slug);

		await service.from('areas').update({ retired_at: new Date().toISOString() }).eq('slug', slug);
		expect(await quiet()).not.toContain(slug);
	});
});
