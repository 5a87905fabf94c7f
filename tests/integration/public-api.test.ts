// The public read API as the README documents it ("Public read API"): with
// the anon key a developer reads published events and their dates, areas,
// fields, organizations, public records with their headcounts, public 声
// with their fields and history, and the open-data rows; nothing private,
// and nothing written. Each table the README names is read here as a
// developer would, so that the document and the policies cannot drift apart.
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent } from '../support/events';
import { sql } from '../support/mail';
import { createOrg, createPractice, suffix, type User } from '../support/recognition';
import { openDataEvents } from '$lib/server/db/opendata';

let organiser: User;
let published: { id: string; occurrenceIds: string[] };
let draft: { id: string; occurrenceIds: string[] };
let hiddenOrgId: string;
let publicVoice: string, privateVoice: string;
let draftPracticeId: string;

beforeAll(async () => {
	organiser = await createTestUser('公開API さん');
	const tag = suffix();
	published = await createEvent(organiser.id, {
		title: `公開APIのサロン${tag}`,
		startsAt: new Date(Date.now() - 2 * 86400_000)
	});
	draft = await createEvent(organiser.id, { title: `公開APIの下書き${tag}`, status: 'draft' });
	const org = await createOrg(organiser);
	hiddenOrgId = org.id;
	const writing = await createOrg(organiser);
	draftPracticeId = await createPractice(writing.id, { status: 'draft' });
	await serviceClient()
		.from('organizations')
		.update({ hidden_at: new Date().toISOString(), hidden_reason: 'テスト' })
		.eq('id', org.id);
	const saved = await userClient(organiser.id).rpc('save_occurrence_record', {
		p_occurrence: published.occurrenceIds[0],
		p_record: { forum_name: '公開API', venue: '公民館', walk_ins: 3, is_public: true },
		p_headcounts: [{ kind: 'resident', people: 3, first_time: 1 }]
	});
	expect(saved.error).toBeNull();
	const add = (body: string, isPublic: boolean) =>
		userClient(organiser.id).rpc('save_voice', {
			p_occurrence: published.occurrenceIds[0],
			p_data: { body, is_public: isPublic }
		});
	publicVoice = (await add('公開の声', true)).data!;
	privateVoice = (await add('非公開の声', false)).data!;
});

describe('what the anon key reads', () => {
	it('published events and their dates, never drafts', async () => {
		const db = anonClient();
		const { data: events } = await db
			.from('events')
			.select('id, title, starts_at, area_id, organization_id')
			.in('id', [published.id, draft.id]);
		expect(events!.map((e) => e.id)).toEqual([published.id]);
		const { data: dates } = await db
			.from('event_occurrences')
			.select('id, starts_at, ends_at, status')
			.in('event_id', [published.id, draft.id]);
		expect(dates!.map((d) => d.id)).toEqual(published.occurrenceIds);
	});

	it('areas, fields and organizations, never hidden ones', async () => {
		const db = anonClient();
		expect((await db.from('areas').select('id, slug, name_ja')).data!.length).toBeGreaterThan(0);
		expect((await db.from('fields').select('id, slug, name_ja')).data!.length).toBeGreaterThan(0);
		const { data: orgs } = await db.from('organizations').select('id').eq('id', hiddenOrgId);
		expect(orgs).toEqual([]);
	});

	it('public records with their headcounts, public 声 with fields and history', async () => {
		const db = anonClient();
		const { data: record } = await db
			.from('occurrence_records')
			.select('forum_name, attendance, headcounts:occurrence_record_headcounts(kind, people)')
			.eq('occurrence_id', published.occurrenceIds[0])
			.single();
		expect(record).toMatchObject({ forum_name: '公開API', attendance: 3 });
		expect(record!.headcounts).toEqual([{ kind: 'resident', people: 3 }]);
		const { data: voices } = await db
			.from('voices')
			.select('id, body, status, history:voice_history(status), fields:voice_fields(field_id)')
			.in('id', [publicVoice, privateVoice]);
		expect(voices!.map((v) => v.id)).toEqual([publicVoice]);
		expect(voices![0].history).toEqual([{ status: 'received' }]);
	});

	it('published practices only, awards and thanks', async () => {
		const db = anonClient();
		const { data: practices, error } = await db.from('practices').select('id, status').limit(50);
		expect(error).toBeNull();
		expect(new Set(practices!.map((p) => p.status))).toEqual(
			new Set(practices!.length ? ['published'] : [])
		);
		const { data: drafted } = await db.from('practices').select('id').eq('id', draftPracticeId);
		expect(drafted).toEqual([]);
		expect((await db.from('awards').select('id, name').limit(1)).error).toBeNull();
		expect((await db.from('thanks').select('id').limit(1)).error).toBeNull();
	});

	it('the open-data rows of published dates only', async () => {
		const { data, error } = await anonClient().rpc('opendata_events', {
			p_from: new Date(Date.now() - 7 * 86400_000).toISOString()
		});
		expect(error).toBeNull();
		const ids = data!.map((r) => r.event_id);
		expect(ids).toContain(published.id);
		expect(ids).not.toContain(draft.id);
	});

	it('the open-data rows a page at a time, each from the last row of the one before', async () => {
		const from = new Date(Date.now() - 7 * 86400_000);
		const { data: all, error } = await anonClient().rpc('opendata_events', {
			p_from: from.toISOString()
		});
		expect(error).toBeNull();
		expect(all!.length).toBeGreaterThan(5);
		// two rows a page: every row once, in the same order, whatever the pages
		const paged = await openDataEvents(anonClient(), from, 2);
		expect(paged.map((e) => e.occurrenceId)).toEqual(all!.map((r) => r.occurrence_id));
		// a page after a row starts with the row after it
		const third = all![2];
		const { data: next } = await anonClient().rpc('opendata_events', {
			p_from: from.toISOString(),
			p_after_starts_at: third.starts_at,
			p_after_id: third.occurrence_id,
			p_limit: 2
		});
		expect(next!.map((r) => r.occurrence_id)).toEqual(all!.slice(3, 5).map((r) => r.occurrence_id));
	});

	it('the version of the public events, for a cache that asks whether to read again', async () => {
		const { data, error } = await anonClient().rpc('public_events_version');
		expect(error).toBeNull();
		expect(data).toBeGreaterThan(0);
	});

	it('the version of the public practices, the same way', async () => {
		const { data, error } = await anonClient().rpc('public_practices_version');
		expect(error).toBeNull();
		expect(Number.isInteger(data)).toBe(true);
	});
});

describe('the open data past the API’s row limit', () => {
	it('holds every date, not the first 1000 PostgREST answers at once', async () => {
		const series = await createEvent(organiser.id, {
			title: `千回を超える体操${suffix()}`,
			startsAt: new Date('2090-01-01T01:00:00Z')
		});
		await sql(
			`insert into public.event_occurrences (event_id, starts_at, ends_at, original_starts_at)
			select $1, d, d + interval '1 hour', d
			from generate_series(timestamptz '2090-01-02 10:00+09', timestamptz '2090-01-02 10:00+09' + interval '1049 days', interval '1 day') d`,
			[series.id]
		);
		const rows = await openDataEvents(anonClient(), new Date('2089-12-31T00:00:00Z'));
		const ours = rows.filter((r) => r.eventId === series.id);
		expect(ours).toHaveLength(1051);
		// in time order across the pages
		const times = ours.map((r) => Date.parse(r.startsAt));
		expect(times).toEqual([...times].sort((a, b) => a - b));
	});
});

describe('what the anon key never reads or writes', () => {
	it('registrations, notifications, private 声, reports and mail', async () => {
		const db = anonClient();
		for (const table of ['registrations', 'notifications', 'mail_log', 'sessions'] as const) {
			const { data } = await db.from(table).select('*').limit(1);
			expect(data ?? [], table).toEqual([]);
		}
		const { data: history } = await db
			.from('voice_history')
			.select('id')
			.eq('voice_id', privateVoice);
		expect(history).toEqual([]);
		const report = await db.rpc('year_report', { p_year: 2026 });
		expect(report.error).not.toBeNull();
	});

	it('writes nothing', async () => {
		const db = anonClient();
		const insert = await db.from('events').insert({
			title: '匿名のイベント',
			kind: 'salon',
			starts_at: new Date().toISOString(),
			ends_at: new Date(Date.now() + 3600_000).toISOString(),
			venue_name: 'どこか'
		});
		expect(insert.error).not.toBeNull();
		const update = await db
			.from('voices')
			.update({ body: '書きかえ' })
			.eq('id', publicVoice)
			.select('id');
		expect(update.data ?? []).toEqual([]);
		const { data: still } = await serviceClient()
			.from('voices')
			.select('body')
			.eq('id', publicVoice)
			.single();
		expect(still!.body).toBe('公開の声');
	});
});

describe('places (居場所・地域の資源)', () => {
	it('published places with their hours and photos, the list function; never hidden ones or corrections', async () => {
		const owner = await createTestUser('公開APIの場所 さん');
		const org = await createOrg(owner);
		const tag = suffix();
		const base = {
			name_kana: null,
			kinds: ['ibasho'],
			area_id: null,
			address: null,
			latitude: 35.79,
			longitude: 139.9,
			organization_id: org.id,
			audiences: ['everyone'],
			hours: [{ day: 3, opens: '13:00', closes: '15:00' }],
			hours_note: null,
			closed_days: null,
			fee_free: true,
			fee: null,
			capacity: null,
			meals_provided: null,
			food_allowed: null,
			transport: null,
			accessibility: null,
			phone: null,
			email: null,
			url: null,
			description: null
		};
		const shown = await userClient(owner.id).rpc('save_place', {
			p: { ...base, name: `公開の居場所${tag}`, published: true }
		});
		const hidden = await userClient(owner.id).rpc('save_place', {
			p: { ...base, name: `非公開の居場所${tag}`, published: false }
		});
		expect(shown.error ?? hidden.error).toBeNull();
		const db = anonClient();
		const { data } = await db
			.from('places')
			.select('id, name, place_hours(day, opens, closes), place_photos(position)')
			.in('id', [shown.data!, hidden.data!]);
		expect(data).toEqual([
			{
				id: shown.data,
				name: `公開の居場所${tag}`,
				place_hours: [{ day: 3, opens: '13:00:00', closes: '15:00:00' }],
				place_photos: []
			}
		]);
		const { data: listed } = await db
			.rpc('search_places', { p_q: tag, p_day: 3, p_free: true })
			.select('id');
		expect(listed).toEqual([{ id: shown.data }]);
		await userClient(owner.id).rpc('report_place_correction', {
			p_place: shown.data!,
			p_body: '時間が変わりました'
		});
		const { data: corrections } = await db.from('place_corrections').select('id').limit(1);
		expect(corrections ?? []).toEqual([]);
	});
});
