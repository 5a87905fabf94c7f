// The wide reads built in SQL (migration 20261212000000_wide_reads): an event
// (event_detail), a date's card (card_event), a thread's card (thread_card),
// an organization's page (organization_page) and an event's page (event_page,
// with events_version) are computed fields that run as the caller. What they show is
// what the embeds they replaced showed: RLS decides inside, fields come in
// their order, and a card says the same as the event's page.
import { beforeAll, describe, expect, it } from 'vitest';
import {
	findEvent,
	findEventWithDates,
	listEventOccurrences,
	searchOccurrences
} from '$lib/server/db/events';
import { myRegistrationOf, type MyRegistrationRow } from '$lib/server/db/registrations';
import { getThread, listThreads } from '$lib/server/db/threads';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent, saveEventAgain } from '../support/events';
import {
	findOrganization,
	findOrganizationPage,
	findOrganizationWithMembers,
	searchOrganizations
} from '$lib/server/db/orgs';
import { awardsFor } from '$lib/server/db/awards';
import { listPractices } from '$lib/server/db/practices';
import { createTestOrg, storedImageHash } from '../support/practices';
import { addMember, createCoordinator, createPractice, listProfile } from '../support/recognition';

type User = { id: string; email: string };
let organiser: User, cohostOwner: User, stranger: User;
let hostOrg: string, invitedOrg: string, acceptedOrg: string;
let fields: { id: string; slug: string; sort_order: number }[];

beforeAll(async () => {
	[organiser, cohostOwner, stranger] = await Promise.all([
		createTestUser('広い読み 主催'),
		createTestUser('広い読み 共催'),
		createTestUser('広い読み 他人')
	]);
	[hostOrg, invitedOrg, acceptedOrg] = await Promise.all([
		createTestOrg(organiser.id, [], { name: '広い読みの会' }),
		createTestOrg(cohostOwner.id, [], { name: '招待だけの会' }),
		createTestOrg(cohostOwner.id, [], { name: '共催を受けた会' })
	]);
	const { data, error } = await serviceClient()
		.from('fields')
		.select('id, slug, sort_order')
		.is('retired_at', null)
		.order('sort_order');
	if (error) throw new Error(error.message);
	fields = data;
});

describe('event_detail (findEvent)', () => {
	it('shows accepted co-hosts to everybody and invited ones only to the organisers, fields in their order', async () => {
		// named in reverse order: the page lists them in the fields' order all the same
		const chosen = [fields[5], fields[1], fields[3]];
		const ev = await createEvent(organiser.id, {
			organizationId: hostOrg,
			areaSlug: 'tokiwadaira',
			fieldIds: chosen.map((f) => f.id),
			fee: '300円'
		});
		expect(
			await saveEventAgain(organiser.id, ev.id, {}, { cohostIds: [invitedOrg, acceptedOrg] })
		).toBeNull();
		const accepted = await userClient(cohostOwner.id).rpc('accept_cohost_invitation', {
			p_event: ev.id,
			p_organization: acceptedOrg
		});
		expect(accepted.error).toBeNull();

		const forAnon = await findEvent(anonClient(), ev.id);
		expect(forAnon).not.toBeNull();
		expect(forAnon!.fields.map((f) => f.slug)).toEqual(
			[...chosen].sort((a, b) => a.sort_order - b.sort_order).map((f) => f.slug)
		);
		expect(forAnon!.area?.slug).toBe('tokiwadaira');
		expect(forAnon!.organization).toMatchObject({ id: hostOrg, name: '広い読みの会' });
		expect(forAnon!.fee).toBe('300円');
		expect(forAnon!.cohosts.map((o) => o.id)).toEqual([acceptedOrg]);
		expect(forAnon!.invitedCohosts).toEqual([]);
		expect((await findEvent(userClient(stranger.id), ev.id))!.invitedCohosts).toEqual([]);

		const forOrganiser = await findEvent(userClient(organiser.id), ev.id);
		expect(forOrganiser!.cohosts.map((o) => o.id)).toEqual([acceptedOrg]);
		expect(forOrganiser!.invitedCohosts.map((o) => o.id)).toEqual([invitedOrg]);
	});

	it('a draft is nobody’s but its organisers’: null for the others', async () => {
		const ev = await createEvent(organiser.id, { status: 'draft' });
		expect(await findEvent(anonClient(), ev.id)).toBeNull();
		expect(await findEvent(userClient(stranger.id), ev.id)).toBeNull();
		expect((await findEvent(userClient(organiser.id), ev.id))?.title).toBe('テストのサロン');
	});
});

describe('card_event (the lists’ cards)', () => {
	it('a card says what the event page says', async () => {
		const ev = await createEvent(organiser.id, {
			title: `カードの確認${Date.now()}`,
			organizationId: hostOrg,
			areaSlug: 'tokiwadaira',
			fieldIds: [fields[2].id, fields[0].id],
			capacity: 10,
			contactPhone: '047-000-0000'
		});
		const page = await findEvent(anonClient(), ev.id);
		const [card] = (
			await searchOccurrences(
				anonClient(),
				{ from: new Date(), organizationId: hostOrg },
				{ offset: 0, limit: 50 }
			)
		).filter((c) => c.event.id === ev.id);
		expect(card).toBeDefined();
		expect(card.event).toMatchObject({
			title: page!.title,
			capacity: 10,
			contactPhone: '047-000-0000',
			area: page!.area,
			organization: page!.organization,
			fields: page!.fields
		});
		expect(card.seatsLeft).toBe(10);
	});
});

describe('thread_card (thread lists and a thread’s head)', () => {
	it('names the area, the organization and the fields in their order', async () => {
		const title = `広い読みの話題${Date.now()}`;
		const { data: areas } = await anonClient().from('areas').select('id').eq('slug', 'tokiwadaira');
		const { data: id, error } = await userClient(organiser.id).rpc('create_thread', {
			p_title: title,
			p_body: '本文です。',
			p_body_html: '<p>本文です。</p>',
			p_area: areas![0].id,
			p_organization: hostOrg,
			p_field_ids: [fields[4].id, fields[0].id],
			p_is_question: false
		});
		expect(error).toBeNull();
		const thread = await getThread(anonClient(), id!, null);
		expect(thread).toMatchObject({
			title,
			area: { slug: 'tokiwadaira' },
			organization: { id: hostOrg, name: '広い読みの会' },
			event: null,
			author: { id: organiser.id, displayName: '広い読み 主催' }
		});
		expect(thread!.fields.map((f) => f.slug)).toEqual([fields[0].slug, fields[4].slug]);
		const listed = await listThreads(anonClient(), { q: title });
		expect(listed.threads.map((t) => t.id)).toEqual([id]);
		expect(listed.threads[0]).toMatchObject({ area: thread!.area, fields: thread!.fields });
	});
});

describe('award_card (awards on the home page, the timeline, a recipient’s page)', () => {
	// the four embeds award_card replaced (migration 20261220100000_award_card)
	const EMBEDS =
		'id, practice:practices(id, title, lead:organizations!practices_lead_organization_id_fkey(name)), organization:organizations(id, slug, name), profile:profiles!awards_profile_id_fkey(id, display_name), event:events(id, title)';

	it('shows what the embeds showed, to a visitor, a member and a coordinator: RLS decides inside', async () => {
		const coordinator = await createCoordinator('広い読み 調整');
		const leadOrg = await createTestOrg(organiser.id, [], { name: '表彰の読みの会' });
		const practiceId = await createPractice(leadOrg);
		const draftEvent = await createEvent(organiser.id, { status: 'draft' });
		const publicEvent = await createEvent(organiser.id, { organizationId: hostOrg });
		const give = async (over: Record<string, unknown>) => {
			const { data, error } = await userClient(coordinator.id)
				.from('awards')
				.insert({ name: '広い読み賞', citation: '感謝します。', awarded_on: '2026-06-01', ...over })
				.select('id')
				.single();
			if (error) throw new Error(error.message);
			return data.id;
		};
		const ids = [
			await give({ practice_id: practiceId, event_id: publicEvent.id }),
			await give({ organization_id: hostOrg, event_id: draftEvent.id }),
			await listProfile(stranger).then(() => give({ profile_id: stranger.id }))
		];
		// the practice's lead organization hidden from the public: the award still shows, without it
		const hidden = await serviceClient()
			.from('organizations')
			.update({ hidden_at: new Date().toISOString(), hidden_reason: 'テスト' })
			.eq('id', leadOrg);
		expect(hidden.error).toBeNull();

		for (const [who, db] of [
			['visitor', anonClient()],
			['member', userClient(stranger.id)],
			['organiser', userClient(organiser.id)],
			['coordinator', userClient(coordinator.id)]
		] as const) {
			const [embedded, carded] = await Promise.all([
				db.from('awards').select(EMBEDS).in('id', ids).order('id'),
				db.from('awards').select('id, shown:award_card').in('id', ids).order('id')
			]);
			expect(embedded.error, who).toBeNull();
			expect(carded.error, who).toBeNull();
			expect(
				carded.data!.map((r) => ({ id: r.id, ...(r.shown as object) })),
				who
			).toEqual(embedded.data);
		}
		// and what they differ in, so that the comparison above compares something
		const asVisitor = await anonClient()
			.from('awards')
			.select('id, shown:award_card')
			.in('id', ids);
		const byId = new Map(asVisitor.data!.map((r) => [r.id, r.shown as Record<string, unknown>]));
		expect(byId.get(ids[0])).toMatchObject({
			practice: { id: practiceId, lead: null },
			event: { id: publicEvent.id }
		});
		expect(byId.get(ids[1])).toMatchObject({ organization: { id: hostOrg }, event: null });
		const asOrganiser = await userClient(organiser.id)
			.from('awards')
			.select('id, shown:award_card')
			.eq('id', ids[1])
			.single();
		expect(asOrganiser.data!.shown).toMatchObject({ event: { id: draftEvent.id } });
	});
});

describe('practice_card (the practices list, the home page, an organization’s practices)', () => {
	// the six embeds practice_card replaced (migration 20261220300000_practice_card)
	const EMBEDS =
		'id, title, summary, status, audiences, started_on, ended_on, published_at, updated_at, submitted_at, featured_position, lead:organizations!practices_lead_organization_id_fkey(id, slug, name, kind, logo:images(hash, width, height)), practice_photos(position, alt, image:images(hash, width, height)), practice_areas(areas(id, slug, name_ja, name_en)), practice_fields(fields(id, slug, name_ja, name_en, color))';
	// the embeds come in no order; the card gives photos by position, areas and fields by sort order
	const sorted = (row: Record<string, unknown>) =>
		withListsSorted(row, ['practice_photos', 'practice_areas', 'practice_fields']);

	it('shows what the embeds showed, to a visitor, a member, an organiser and a coordinator', async () => {
		const coordinator = await createCoordinator('広い読み 実践');
		const leadOrg = await createTestOrg(organiser.id, [], { name: '実践の読みの会' });
		const [logo, first, second] = await Promise.all([
			storedImageHash(),
			storedImageHash(),
			storedImageHash()
		]);
		const svc = serviceClient();
		expect(
			(await svc.from('organizations').update({ logo_image_hash: logo }).eq('id', leadOrg)).error
		).toBeNull();
		const { data: areas } = await svc.from('areas').select('id').order('sort_order').limit(3);
		const [published, draft] = await Promise.all([
			createPractice(leadOrg, {
				title: '広い読みの実践',
				areaIds: areas!.map((a) => a.id).reverse(),
				fieldIds: [fields[2].id, fields[0].id]
			}),
			createPractice(leadOrg, { status: 'draft', title: '広い読みの下書き' })
		]);
		const photos = await svc.from('practice_photos').insert([
			{ practice_id: published, position: 2, image_hash: second, alt: '二枚目' },
			{ practice_id: published, position: 1, image_hash: first, alt: '一枚目' }
		]);
		expect(photos.error).toBeNull();
		const ids = [published, draft];

		for (const [who, db, count] of [
			['visitor', anonClient(), 1],
			['member', userClient(stranger.id), 1],
			['organiser', userClient(organiser.id), 2],
			['coordinator', userClient(coordinator.id), 2]
		] as const) {
			const [embedded, carded] = await Promise.all([
				db.from('practices').select(EMBEDS).in('id', ids).order('id'),
				db.from('practices').select('id, card:practice_card').in('id', ids).order('id')
			]);
			expect(embedded.error, who).toBeNull();
			expect(carded.error, who).toBeNull();
			expect(carded.data, who).toHaveLength(count);
			expect(
				carded.data!.map((r) => sorted(r.card as Record<string, unknown>)),
				who
			).toEqual(embedded.data!.map((r) => sorted(r as Record<string, unknown>)));
		}

		// and in order: photos by position, areas and fields as the lists order them
		const { data } = await anonClient()
			.from('practices')
			.select('card:practice_card')
			.eq('id', published)
			.single();
		const card = data!.card as {
			lead: { logo: { hash: string } | null };
			practice_photos: { alt: string }[];
			practice_areas: { areas: { id: string } }[];
			practice_fields: { fields: { id: string } }[];
		};
		expect(card.lead.logo?.hash).toBe(logo);
		expect(card.practice_photos.map((p) => p.alt)).toEqual(['一枚目', '二枚目']);
		expect(card.practice_areas.map((a) => a.areas.id)).toEqual(areas!.map((a) => a.id));
		expect(card.practice_fields.map((f) => f.fields.id)).toEqual([fields[0].id, fields[2].id]);

		// the list reads it: the card's cover is the first photo
		const listed = await listPractices(anonClient(), { q: '広い読みの実践' });
		expect(listed.practices.map((p) => p.id)).toEqual([published]);
		expect(listed.practices[0]).toMatchObject({
			title: '広い読みの実践',
			cover: { hash: first, alt: '一枚目' },
			leadOrganization: { id: leadOrg, name: '実践の読みの会', logo: { hash: logo } }
		});
	});
});

describe('organization_links (an organization’s page and the /orgs list)', () => {
	// the three embeds organization_links replaced (migration 20261220400000_organization_links)
	const EMBEDS =
		'logo:images!organizations_logo_image_hash_fkey(hash, width, height), organization_areas(areas(id, slug, name_ja, name_en)), organization_fields(fields(id, slug, name_ja, name_en, color))';
	const sorted = ({ logo, organization_areas, organization_fields }: Record<string, unknown>) =>
		withListsSorted({ logo, organization_areas, organization_fields }, [
			'organization_areas',
			'organization_fields'
		]);

	it('shows what the embeds showed, in order, and nothing of a hidden organization to visitors', async () => {
		const coordinator = await createCoordinator('広い読み 団体');
		const [shown, hidden] = await Promise.all([
			createTestOrg(organiser.id, [], { name: '広い読みの団体' }),
			createTestOrg(organiser.id, [], { name: '隠された広い読みの団体' })
		]);
		const logo = await storedImageHash();
		const svc = serviceClient();
		const { data: areas } = await svc.from('areas').select('id').order('sort_order').limit(2);
		for (const org of [shown, hidden]) {
			const set = await Promise.all([
				svc.from('organizations').update({ logo_image_hash: logo }).eq('id', org),
				svc
					.from('organization_areas')
					.insert(areas!.map((a) => ({ organization_id: org, area_id: a.id })).reverse()),
				svc.from('organization_fields').insert([
					{ organization_id: org, field_id: fields[3].id },
					{ organization_id: org, field_id: fields[1].id }
				])
			]);
			for (const r of set) expect(r.error).toBeNull();
		}
		expect(
			(
				await svc
					.from('organizations')
					.update({ hidden_at: new Date().toISOString(), hidden_reason: 'テスト' })
					.eq('id', hidden)
			).error
		).toBeNull();

		for (const [who, db, count] of [
			['visitor', anonClient(), 1],
			['coordinator', userClient(coordinator.id), 2]
		] as const) {
			const ids = [shown, hidden];
			const [embedded, linked] = await Promise.all([
				db.from('organizations').select(`id, ${EMBEDS}`).in('id', ids).order('id'),
				db.from('organizations').select('id, links:organization_links').in('id', ids).order('id')
			]);
			expect(embedded.error, who).toBeNull();
			expect(linked.data, who).toHaveLength(count);
			expect(
				linked.data!.map((r) => sorted(r.links as Record<string, unknown>)),
				who
			).toEqual(embedded.data!.map((r) => sorted(r as Record<string, unknown>)));
		}

		// the page and the list read it, areas and fields by sort order
		const page = await findOrganization(anonClient(), (await slugOf(shown))!);
		expect(page).toMatchObject({ id: shown, logo: { hash: logo } });
		expect(page!.areas.map((a) => a.id)).toEqual(areas!.map((a) => a.id));
		expect(page!.fields.map((f) => f.id)).toEqual([fields[1].id, fields[3].id]);
		const listed = await searchOrganizations(anonClient(), { q: '広い読みの団体' });
		expect(listed.organizations.map((o) => o.id)).toEqual([shown]);
		expect(listed.organizations[0].fields.map((f) => f.id)).toEqual([fields[1].id, fields[3].id]);
	});
});

/** The row with these lists in one order (embeds come in none), to compare with a computed field. */
function withListsSorted(row: Record<string, unknown>, lists: string[]) {
	const byJson = (rows: unknown) =>
		[...(rows as unknown[])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
	return { ...row, ...Object.fromEntries(lists.map((key) => [key, byJson(row[key])])) };
}

async function slugOf(id: string) {
	const { data } = await serviceClient().from('organizations').select('slug').eq('id', id).single();
	return data?.slug;
}

describe('organization_page (an organization’s own page)', () => {
	it('reads what the separate reads read, to a visitor, an editor, its owner and a coordinator', async () => {
		const coordinator = await createCoordinator('広い読み 団体ページ');
		const [listedMember, unlistedMember] = await Promise.all([
			createTestUser('広い読み 載せる会員'),
			createTestUser('広い読み 載せない会員')
		]);
		await listProfile(listedMember);
		const org = await createTestOrg(organiser.id, [], { name: '広い読みの団体ページ' });
		await addMember(org, listedMember, 'member');
		await addMember(org, unlistedMember, 'editor');
		const svc = serviceClient();
		const { data: area } = await svc
			.from('areas')
			.select('id')
			.order('sort_order')
			.limit(1)
			.single();
		const places = await svc
			.from('places')
			.insert([
				{
					name: 'あおぞら食堂',
					name_kana: 'アオゾラショクドウ',
					kinds: ['kodomo_shokudo'],
					organization_id: org,
					area_id: area!.id,
					published: true
				},
				{
					name: 'かくれ家',
					name_kana: 'カクレガ',
					kinds: ['ibasho'],
					organization_id: org,
					area_id: null,
					published: false
				}
			])
			.select('id');
		expect(places.error).toBeNull();
		const hours = await svc.from('place_hours').insert([
			{ place_id: places.data![0].id, day: 6, opens: '11:00', closes: '14:00' },
			{ place_id: places.data![0].id, day: 3, opens: '10:00', closes: '12:00' }
		]);
		expect(hours.error).toBeNull();
		const awards = await userClient(coordinator.id)
			.from('awards')
			.insert([
				{ organization_id: org, name: '古い賞', citation: '感謝', awarded_on: '2025-04-01' },
				{ organization_id: org, name: '新しい賞', citation: '感謝', awarded_on: '2026-11-01' }
			]);
		expect(awards.error).toBeNull();
		const slug = (await slugOf(org))!;

		for (const [who, db, placeCount, memberCount] of [
			['visitor', anonClient(), 1, 1],
			['editor (unlisted)', userClient(unlistedMember.id), 2, 3],
			['owner', userClient(organiser.id), 2, 3],
			['coordinator', userClient(coordinator.id), 2, 3]
		] as const) {
			const [page, withMembers, awardList, placeRows] = await Promise.all([
				findOrganizationPage(db, slug),
				findOrganizationWithMembers(db, slug),
				awardsFor(db, { organizationId: org }),
				db.from('places').select('id').eq('organization_id', org).order('sort_key')
			]);
			expect(page, who).not.toBeNull();
			expect(page!.org, who).toEqual(withMembers!.org);
			expect(page!.members, who).toEqual(withMembers!.members);
			expect(page!.members, who).toHaveLength(memberCount);
			expect(page!.memberCount, who).toBe(withMembers!.memberCount);
			expect(page!.awards, who).toEqual(awardList);
			expect(
				page!.awards.map((a) => a.name),
				who
			).toEqual(['新しい賞', '古い賞']);
			expect(
				page!.places.map((p) => p.id),
				who
			).toEqual(placeRows.data!.map((p) => p.id));
			expect(page!.places, who).toHaveLength(placeCount);
		}
		// a place as the page shows it: its area and its hours by day
		const shown = (await findOrganizationPage(anonClient(), slug))!.places[0];
		expect(shown).toMatchObject({
			name: 'あおぞら食堂',
			area: { id: area!.id },
			hours: [
				{ day: 3, opens: '10:00', closes: '12:00' },
				{ day: 6, opens: '11:00', closes: '14:00' }
			],
			published: true
		});
		// hidden from the public: nothing for visitors
		await svc
			.from('organizations')
			.update({ hidden_at: new Date().toISOString(), hidden_reason: 'テスト' })
			.eq('id', org);
		expect(await findOrganizationPage(anonClient(), slug)).toBeNull();
	});
});

describe('event_page (findEventWithDates)', () => {
	/** What the page read before event_page: the dates with the reader's registrations embedded. */
	async function embeddedRegistrations(userId: string, eventId: string) {
		const { data, error } = await userClient(userId)
			.from('events')
			.select(
				'event_occurrences(id, registrations(id, occurrence_id, status, companions, waitlist_position))'
			)
			.eq('id', eventId)
			.order('starts_at', { referencedTable: 'event_occurrences' })
			.eq('event_occurrences.registrations.user_id', userId)
			.neq('event_occurrences.registrations.status', 'cancelled')
			.single();
		if (error) throw new Error(error.message);
		return data.event_occurrences.flatMap((o) =>
			(o.registrations as MyRegistrationRow[]).map(myRegistrationOf)
		);
	}
	const join = async (userId: string, occurrence: string) => {
		const { data, error } = await userClient(userId).rpc('join_occurrence', {
			p_occurrence: occurrence,
			p_companions: 0
		});
		if (error || !data) throw new Error(error?.message ?? 'no registration');
		return data;
	};
	const version = async () => (await anonClient().rpc('public_events_version')).data!;

	it('is the event, its dates and the reader’s own registrations, as the embeds read them', async () => {
		const ev = await createEvent(organiser.id, {
			organizationId: hostOrg,
			capacity: 1,
			repeat: 'weekly',
			count: 3
		});
		const [first, second, third] = ev.occurrenceIds;
		await join(cohostOwner.id, first); // going
		await join(stranger.id, first); // waiting, first in line
		await join(stranger.id, second); // going
		const left = await join(stranger.id, third);
		const cancel = await userClient(stranger.id).rpc('cancel_registration', {
			p_registration: left.id
		});
		expect(cancel.error).toBeNull();

		for (const [who, db, userId] of [
			['visitor', anonClient(), null],
			['organiser', userClient(organiser.id), organiser.id],
			['going', userClient(cohostOwner.id), cohostOwner.id],
			['waiting and going', userClient(stranger.id), stranger.id]
		] as const) {
			const before = await version();
			const [page, event, dates] = await Promise.all([
				findEventWithDates(db, ev.id),
				findEvent(db, ev.id),
				listEventOccurrences(db, ev.id)
			]);
			const after = await version();
			expect(page, who).not.toBeNull();
			expect(page!.event, who).toEqual(event);
			expect(page!.occurrences, who).toEqual(dates);
			expect(
				page!.occurrences.map((o) => o.id),
				who
			).toEqual(ev.occurrenceIds);
			expect(page!.registrations, who).toEqual(
				userId ? await embeddedRegistrations(userId, ev.id) : []
			);
			// read in the same statement: never older than the row, never newer than a read after it
			expect(page!.eventsVersion, who).toBeGreaterThanOrEqual(before);
			expect(page!.eventsVersion, who).toBeLessThanOrEqual(after);
		}
		const mine = (await findEventWithDates(userClient(stranger.id), ev.id))!.registrations;
		expect(mine.map((r) => [r.occurrenceId, r.status, r.waitlistPosition])).toEqual([
			[first, 'waitlisted', 1],
			[second, 'going', null]
		]);
		expect((await findEventWithDates(userClient(organiser.id), ev.id))!.registrations).toEqual([]);
	});

	it('is nothing for who may not see the event: a draft for anybody but its organisers', async () => {
		const draft = await createEvent(organiser.id, { status: 'draft' });
		expect(await findEventWithDates(anonClient(), draft.id)).toBeNull();
		expect(await findEventWithDates(userClient(stranger.id), draft.id)).toBeNull();
		const own = await findEventWithDates(userClient(organiser.id), draft.id);
		expect(own?.event.status).toBe('draft');
		expect(own?.occurrences.map((o) => o.id)).toEqual(draft.occurrenceIds);
	});

	it('gives an organization’s page the version too', async () => {
		const slug = (
			await serviceClient().from('organizations').select('slug').eq('id', hostOrg).single()
		).data!.slug;
		const before = await version();
		const page = await findOrganizationPage(anonClient(), slug);
		const after = await version();
		expect(page!.eventsVersion).toBeGreaterThanOrEqual(before);
		expect(page!.eventsVersion).toBeLessThanOrEqual(after);
		// a change to the public events is a new version on the next read
		await createEvent(organiser.id, { organizationId: hostOrg });
		expect((await findOrganizationPage(anonClient(), slug))!.eventsVersion).toBeGreaterThan(
			page!.eventsVersion
		);
	});
});
