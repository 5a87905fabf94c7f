// The wide reads built in SQL (migration 20261212000000_wide_reads): an event
// (event_detail), a date's card (card_event) and a thread's card
// (thread_card) are computed fields that run as the caller. What they show is
// what the embeds they replaced showed: RLS decides inside, fields come in
// their order, and a card says the same as the event's page.
import { beforeAll, describe, expect, it } from 'vitest';
import { findEvent, searchOccurrences } from '$lib/server/db/events';
import { getThread, listThreads } from '$lib/server/db/threads';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';
import { createEvent, saveEventAgain } from '../support/events';
import { createTestOrg } from '../support/practices';
import { createCoordinator, createPractice, listProfile } from '../support/recognition';

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
