// Places (居場所・地域の資源) through PostgREST with real tokens: who writes a
// place (its organization's owners and editors, coordinators) and every
// refusal, which writes nothing; who reads a hidden place; the list's filters
// (a weekday, who it is for, free, Japanese substrings and readings); 最終確認日
// by saving and by confirming; corrections (who reads them, who is told);
// the monthly reminder (private.remind_stale_places, as the worker runs it);
// an import all or nothing; events and practices held at a place.
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent } from '../support/events';
import { sql } from '../support/mail';
import {
	addMember,
	createCoordinator,
	createOrg,
	createPractice,
	noticesOf,
	seedIds,
	suffix,
	type User
} from '../support/recognition';
import { importKey } from '$lib/server/places/import';
import { listPlaces, placeCorrections, savePlace, type PlaceInput } from '$lib/server/db/places';

let owner: User, editor: User, member: User, stranger: User, coordinator: User;
let orgId: string, otherOrgId: string, areaId: string;

const place = (over: Partial<PlaceInput> = {}): PlaceInput => ({
	name: `こども食堂テスト${suffix()}`,
	name_kana: 'コドモショクドウ',
	kinds: ['kodomo_shokudo'],
	area_id: areaId,
	address: '松戸市本町1-1',
	latitude: 35.7876,
	longitude: 139.9031,
	organization_id: orgId,
	audiences: ['children', 'parents'],
	hours: [{ day: 6, opens: '11:00', closes: '14:00' }],
	hours_note: '第2・第4土曜日',
	closed_days: null,
	fee_free: true,
	fee: 'こどもは無料、おとな300円',
	capacity: 30,
	meals_provided: true,
	food_allowed: false,
	transport: false,
	accessibility: '段差なし',
	phone: '047-000-0000',
	email: null,
	url: null,
	description: '**みんな**で食べよう',
	published: true,
	...over
});

const save = (user: User, input: PlaceInput) => userClient(user.id).rpc('save_place', { p: input });

async function row(id: string) {
	const { data, error } = await serviceClient()
		.from('places')
		.select('name, confirmed_at, confirmed_by, open_days, published, organization_id')
		.eq('id', id)
		.single();
	if (error) throw new Error(error.message);
	return data;
}

const count = async () => {
	const { count: n, error } = await serviceClient()
		.from('places')
		.select('id', { count: 'exact', head: true });
	if (error) throw new Error(error.message);
	return n ?? 0;
};

beforeAll(async () => {
	[owner, editor, member, stranger] = await Promise.all([
		createTestUser('場所の代表 さん'),
		createTestUser('場所の編集 さん'),
		createTestUser('団体の会員 さん'),
		createTestUser('通りがかり さん')
	]);
	coordinator = await createCoordinator();
	areaId = (await seedIds('areas', ['honcho'])).get('honcho')!;
	orgId = (await createOrg(owner, { name: `場所テスト団体${suffix()}` })).id;
	otherOrgId = (await createOrg(stranger)).id;
	await addMember(orgId, editor, 'editor');
	await addMember(orgId, member, 'member');
});

describe('writing a place', () => {
	it('an editor adds one with its hours; the days are kept for the filter and it counts as confirmed', async () => {
		const saved = await save(
			editor,
			place({
				hours: [
					{ day: 6, opens: '11:00', closes: '14:00' },
					{ day: 8, opens: '10:00', closes: '12:00' }
				]
			})
		);
		expect(saved.error).toBeNull();
		const r = await row(saved.data!);
		expect(r.open_days).toEqual([6, 8]);
		expect(r.confirmed_by).toBe(editor.id);
		expect(Date.now() - new Date(r.confirmed_at).getTime()).toBeLessThan(60_000);
		const { data: hours } = await anonClient()
			.from('place_hours')
			.select('day, opens, closes')
			.eq('place_id', saved.data!)
			.order('day');
		expect(hours).toEqual([
			{ day: 6, opens: '11:00:00', closes: '14:00:00' },
			{ day: 8, opens: '10:00:00', closes: '12:00:00' }
		]);
	});

	it('refuses a plain member, another organization, anon and a place of no organization, writing nothing', async () => {
		const before = await count();
		const asMember = await save(member, place());
		expect(asMember.error?.hint).toBe('forbidden');
		const asStranger = await save(stranger, place());
		expect(asStranger.error?.hint).toBe('forbidden');
		const orphan = await save(editor, place({ organization_id: null }));
		expect(orphan.error?.hint).toBe('forbidden');
		const asAnon = await anonClient().rpc('save_place', { p: place() });
		expect(asAnon.error).not.toBeNull();
		// nobody writes the table directly
		const direct = await userClient(owner.id)
			.from('places')
			.insert({ name: 'x', kinds: ['other'] });
		expect(direct.error).not.toBeNull();
		expect(await count()).toBe(before);
	});

	it('refuses bad input with its reason: outside Japan, closing before opening, no kind, an unknown area', async () => {
		const before = await count();
		expect((await save(editor, place({ latitude: 51.5, longitude: -0.12 }))).error?.hint).toBe(
			'outside_japan'
		);
		expect((await save(editor, place({ latitude: 35.7, longitude: null }))).error?.hint).toBe(
			'point_incomplete'
		);
		expect(
			(await save(editor, place({ hours: [{ day: 2, opens: '15:00', closes: '10:00' }] }))).error
				?.hint
		).toBe('closes_before_opens');
		expect((await save(editor, place({ kinds: [] }))).error?.hint).toBe('no_kind');
		expect(
			(await save(editor, place({ area_id: '00000000-0000-4000-8000-000000000000' }))).error?.hint
		).toBe('unknown_area');
		expect(await count()).toBe(before);
	});

	it('a coordinator writes any place and one of no organization; an editor cannot take it over', async () => {
		const orphan = await save(
			coordinator,
			place({ organization_id: null, name: `市の相談窓口${suffix()}` })
		);
		expect(orphan.error).toBeNull();
		const takeover = await save(editor, { ...place({ organization_id: orgId }), id: orphan.data! });
		expect(takeover.error?.hint).toBe('forbidden');
		const other = await save(coordinator, place({ organization_id: otherOrgId }));
		expect(other.error).toBeNull();
	});

	it('a hidden place is read by its keepers only', async () => {
		const hidden = await save(owner, place({ published: false, name: `閉じた場所${suffix()}` }));
		expect(hidden.error).toBeNull();
		const seen = async (client: ReturnType<typeof anonClient>) =>
			(await client.from('places').select('id').eq('id', hidden.data!)).data?.length;
		expect(await seen(anonClient())).toBe(0);
		expect(await seen(userClient(member.id))).toBe(0);
		expect(await seen(userClient(editor.id))).toBe(1);
		expect(await seen(userClient(coordinator.id))).toBe(1);
		const hours = await anonClient().from('place_hours').select('day').eq('place_id', hidden.data!);
		expect(hours.data).toEqual([]);
	});

	it('savePlace (the app) turns a refusal into its name', async () => {
		const result = await savePlace(userClient(editor.id), place({ latitude: 10, longitude: 139 }));
		expect(result).toEqual({ ok: false, refusal: 'outside_japan' });
	});
});

describe('finding places', () => {
	let saturdayFree: string, weekdayPaid: string, elderlyOnly: string;
	const tag = suffix();
	beforeAll(async () => {
		const ids = await Promise.all([
			save(
				editor,
				place({ name: `ひまわり子ども食堂${tag}`, name_kana: 'ヒマワリコドモショクドウ' })
			),
			save(
				editor,
				place({
					name: `平日の学習室${tag}`,
					name_kana: 'へいじつのがくしゅうしつ',
					kinds: ['ibasho'],
					hours: [{ day: 2, opens: '15:00', closes: '18:00' }],
					fee_free: false,
					meals_provided: false
				})
			),
			save(
				editor,
				place({
					name: `いきいきサロン${tag}`,
					name_kana: 'イキイキサロン',
					kinds: ['kayoinoba'],
					audiences: ['elderly'],
					transport: true
				})
			)
		]);
		[saturdayFree, weekdayPaid, elderlyOnly] = ids.map((r) => r.data!);
	});
	const names = async (filters: Parameters<typeof listPlaces>[1]) =>
		(await listPlaces(anonClient(), { q: tag, ...filters })).places.map((p) => p.id);

	it('土曜日・こども・無料 finds the 子ども食堂 and nothing else', async () => {
		expect(await names({ day: 6, audience: 'children', free: true })).toEqual([saturdayFree]);
	});

	it('a weekday, a kind, transport and meals each narrow the list', async () => {
		expect(await names({ day: 2 })).toEqual([weekdayPaid]);
		expect(await names({ kind: 'kayoinoba' })).toEqual([elderlyOnly]);
		expect(await names({ transport: true })).toEqual([elderlyOnly]);
		expect((await names({ meals: true })).sort()).toEqual([saturdayFree, elderlyOnly].sort());
	});

	it('text finds Japanese substrings and readings, in hiragana or katakana', async () => {
		const hits = async (q: string) =>
			(await listPlaces(anonClient(), { q })).places
				.map((p) => p.id)
				.filter((id) => [saturdayFree, weekdayPaid, elderlyOnly].includes(id));
		expect(await hits(`食堂${tag}`)).toEqual([saturdayFree]);
		expect(await hits('ひまわりこども')).toEqual([saturdayFree]);
		expect(await hits('ガクシュウ')).toEqual([weekdayPaid]);
	});

	it('lists by reading (ふりがな), not by the order of creation', async () => {
		const list = (await listPlaces(anonClient(), { q: tag })).places.map((p) => p.id);
		// いきいき < ひまわり < へいじつ
		expect(list).toEqual([elderlyOnly, saturdayFree, weekdayPaid]);
	});
});

describe('keeping it current', () => {
	let placeId: string;
	beforeAll(async () => {
		placeId = (await save(editor, place({ name: `確認テスト食堂${suffix()}` }))).data!;
	});

	it('confirm_place sets 最終確認日 for its keepers and refuses others', async () => {
		await serviceClient()
			.from('places')
			.update({ confirmed_at: '2026-01-01T00:00:00Z' })
			.eq('id', placeId);
		expect(
			(await userClient(member.id).rpc('confirm_place', { p_place: placeId })).error?.hint
		).toBe('forbidden');
		expect((await row(placeId)).confirmed_at).toBe('2026-01-01T00:00:00+00:00');
		const ok = await userClient(owner.id).rpc('confirm_place', { p_place: placeId });
		expect(ok.error).toBeNull();
		const r = await row(placeId);
		expect(r.confirmed_by).toBe(owner.id);
		expect(Date.now() - new Date(r.confirmed_at).getTime()).toBeLessThan(60_000);
	});

	it('a correction is read by its author, the keepers and coordinators, and tells the keepers once', async () => {
		const sent = await userClient(stranger.id).rpc('report_place_correction', {
			p_place: placeId,
			p_body: '土曜日は11時からではなく12時からになりました'
		});
		expect(sent.error).toBeNull();
		const reads = async (user: User) =>
			(await placeCorrections(userClient(user.id), placeId)).map((c) => c.id);
		expect(await reads(stranger)).toEqual([sent.data]);
		expect(await reads(owner)).toContain(sent.data);
		expect(await reads(editor)).toContain(sent.data);
		expect(await reads(coordinator)).toContain(sent.data);
		expect(await reads(member)).toEqual([]);
		const anon = await anonClient().from('place_corrections').select('id').eq('place_id', placeId);
		expect(anon.error ?? anon.data).toBeTruthy();
		expect(anon.data ?? []).toEqual([]);
		const told = (await noticesOf(editor, 'place_correction')).filter(
			(n) => n.detail === sent.data
		);
		expect(told).toHaveLength(1);
		expect((await noticesOf(owner, 'place_correction')).some((n) => n.detail === sent.data)).toBe(
			true
		);
		expect((await noticesOf(member, 'place_correction')).some((n) => n.detail === sent.data)).toBe(
			false
		);
		// an empty report is refused; anon cannot report
		const empty = await userClient(stranger.id).rpc('report_place_correction', {
			p_place: placeId,
			p_body: '  '
		});
		expect(empty.error?.hint).toBe('bad_length');
		const anonReport = await anonClient().rpc('report_place_correction', {
			p_place: placeId,
			p_body: 'x'
		});
		expect(anonReport.error).not.toBeNull();
	});

	it('ten reports a day per member, then a refusal that writes nothing', async () => {
		const reporter = await createTestUser('たくさん 知らせる人');
		const report = () =>
			userClient(reporter.id).rpc('report_place_correction', {
				p_place: placeId,
				p_body: '時間が変わりました'
			});
		for (let i = 0; i < 10; i++) expect((await report()).error).toBeNull();
		expect((await report()).error?.hint).toBe('throttled');
		const { count: n } = await serviceClient()
			.from('place_corrections')
			.select('id', { count: 'exact', head: true })
			.eq('author_id', reporter.id);
		expect(n).toBe(10);
	});

	it('resolving: the keepers may, the author may not', async () => {
		const sent = await userClient(stranger.id).rpc('report_place_correction', {
			p_place: placeId,
			p_body: '電話番号が変わりました'
		});
		const byAuthor = await userClient(stranger.id).rpc('resolve_place_correction', {
			p_correction: sent.data!
		});
		expect(byAuthor.error?.hint).toBe('forbidden');
		const byEditor = await userClient(editor.id).rpc('resolve_place_correction', {
			p_correction: sent.data!
		});
		expect(byEditor.error).toBeNull();
		const { data } = await serviceClient()
			.from('place_corrections')
			.select('resolved_by')
			.eq('id', sent.data!)
			.single();
		expect(data?.resolved_by).toBe(editor.id);
	});

	it('six months without a confirmation: one reminder a month to the keepers, none to members', async () => {
		const old = (await save(editor, place({ name: `古い場所${suffix()}` }))).data!;
		await serviceClient()
			.from('places')
			.update({ confirmed_at: new Date(Date.now() - 200 * 86400_000).toISOString() })
			.eq('id', old);
		const month = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 7);
		const now = new Date();
		await sql('select private.remind_stale_places($1::timestamptz)', [now.toISOString()]);
		await sql('select private.remind_stale_places($1::timestamptz)', [now.toISOString()]);
		const forEditor = (await noticesOf(editor, 'places_stale')).filter(
			(n) => n.detail === month(now)
		);
		expect(forEditor).toHaveLength(1);
		expect(await noticesOf(member, 'places_stale')).toEqual([]);
		// the next month: again once
		const next = new Date(now.getTime() + 32 * 86400_000);
		await sql('select private.remind_stale_places($1::timestamptz)', [next.toISOString()]);
		expect(
			(await noticesOf(editor, 'places_stale')).filter((n) => n.detail === month(next))
		).toHaveLength(1);
		// what the keeper is asked to confirm
		const { data } = await userClient(editor.id).rpc('my_stale_places', {}).select('id');
		expect(data?.map((p) => p.id)).toContain(old);
		const { data: forMember } = await userClient(member.id).rpc('my_stale_places', {}).select('id');
		expect(forMember).toEqual([]);
	});
});

describe('importing', () => {
	it('writes every row or none', async () => {
		const name = `取り込み${suffix()}`;
		const before = await count();
		const bad = await userClient(coordinator.id).rpc('import_places', {
			p_rows: [
				{ ...place({ name: `${name}1`, organization_id: null }), row: 2 },
				{
					...place({ name: `${name}2`, organization_id: null, latitude: 99, longitude: 139 }),
					row: 3
				}
			]
		});
		expect(bad.error?.hint).toBe('import_row');
		expect(bad.error?.message).toContain('row 3');
		expect(await count()).toBe(before);
		const ok = await userClient(coordinator.id).rpc('import_places', {
			p_rows: [
				{ ...place({ name: `${name}1`, organization_id: null }), row: 2 },
				{ ...place({ name: `${name}2`, organization_id: null }), row: 3 }
			]
		});
		expect(ok.data).toBe(2);
		expect(await count()).toBe(before + 2);
		// only coordinators import
		const asEditor = await userClient(editor.id).rpc('import_places', {
			p_rows: [{ ...place({ name: `${name}3` }), row: 2 }]
		});
		expect(asEditor.error).not.toBeNull();
		expect(await count()).toBe(before + 2);
	});

	it('importKey in the app is the database import_key', async () => {
		const tricky = { name: `ＡＢＣサロン・カフェ${suffix()}`, address: '松戸市　本町１－２' };
		const saved = await save(editor, place(tricky));
		const { data } = await serviceClient()
			.from('places')
			.select('import_key')
			.eq('id', saved.data!)
			.single();
		expect(data?.import_key).toBe(importKey(tricky.name, tricky.address));
	});
});

describe('events and practices at a place', () => {
	it('an event held at a place takes its name and address when none was typed, and shows it', async () => {
		const placeId = (await save(editor, place({ name: `会場の公民館${suffix()}` }))).data!;
		const event = await createEvent(owner.id, { title: '場所のイベント', organizationId: orgId });
		const { data: current } = await userClient(owner.id)
			.from('events')
			.select('*')
			.eq('id', event.id)
			.single();
		const { id: _id, ...rest } = current!;
		void _id;
		const saved = await userClient(owner.id).rpc('save_event', {
			p_id: event.id,
			p_event: { ...rest, venue_name: null, venue_address: null, place_id: placeId },
			p_field_ids: [],
			p_cohost_ids: [],
			p_occurrences: [{ starts_at: current!.starts_at, ends_at: current!.ends_at }]
		});
		expect(saved.error).toBeNull();
		const { data } = await anonClient()
			.from('events')
			.select('venue_name, venue_address, place_id, event_detail')
			.eq('id', event.id)
			.single();
		const p = await row(placeId);
		expect(data?.venue_name).toBe(p.name);
		expect(data?.venue_address).toBe('松戸市本町1-1');
		expect((data?.event_detail as { place: { id: string } | null }).place?.id).toBe(placeId);
	});

	it('a practice names its published places through save_practice', async () => {
		const placeId = (await save(editor, place({ name: `事例の場所${suffix()}` }))).data!;
		const practiceId = await createPractice(orgId, { status: 'draft' });
		const { data: current } = await serviceClient()
			.from('practices')
			.select('title, summary, started_on')
			.eq('id', practiceId)
			.single();
		const saved = await userClient(editor.id).rpc('save_practice', {
			p: {
				id: practiceId,
				lead_organization_id: orgId,
				title: current!.title,
				summary: current!.summary,
				started_on: current!.started_on,
				place_ids: [placeId]
			}
		});
		expect(saved.error).toBeNull();
		const { data } = await serviceClient()
			.from('practice_places')
			.select('place_id')
			.eq('practice_id', practiceId);
		expect(data).toEqual([{ place_id: placeId }]);
		// the old function is not reachable any more
		const core = await userClient(editor.id).rpc(
			// @ts-expect-error: private, not in the API
			'save_practice_core',
			{ p: {} }
		);
		expect(core.error).not.toBeNull();
	});
});
