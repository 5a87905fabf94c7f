// Co-hosting with consent, through PostgREST with real tokens: naming an
// organization as co-host invites it; it is shown, lists the event and
// manages it only after one of its owners or editors accepts.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEvent, saveEventAgain } from '../support/events';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';

type User = { id: string; email: string };
let organiser: User, owner: User, editor: User, plainMember: User, stranger: User, attendee: User;
let orgId: string;

async function makeOrg(members: [User, 'owner' | 'editor' | 'member'][]) {
	const svc = serviceClient();
	const { data, error } = await svc
		.from('organizations')
		.insert({ slug: `cohost-${randomBytes(4).toString('hex')}`, name: '共催試験の会', kind: 'npo' })
		.select('id')
		.single();
	if (error) throw new Error(error.message);
	const added = await svc
		.from('organization_members')
		.insert(members.map(([user, role]) => ({ organization_id: data.id, user_id: user.id, role })));
	if (added.error) throw new Error(added.error.message);
	return data.id;
}

const cohostRow = async (db: ReturnType<typeof anonClient>, eventId: string) =>
	(await db.from('event_cohosts').select('organization_id, accepted_at').eq('event_id', eventId))
		.data ?? [];

async function listedFor(db: ReturnType<typeof anonClient>, organizationId: string) {
	const { data, error } = await db.rpc('search_occurrences', {
		p_from: new Date().toISOString(),
		p_organization: organizationId
	});
	if (error) throw new Error(error.message);
	return data.map((o) => o.event_id);
}

const notices = async (user: User, eventId: string) =>
	(
		await userClient(user.id)
			.from('notifications')
			.select('kind, organization_id')
			.eq('event_id', eventId)
	).data ?? [];

beforeAll(async () => {
	[organiser, owner, editor, plainMember, stranger, attendee] = await Promise.all([
		createTestUser('主催者'),
		createTestUser('共催団体の代表'),
		createTestUser('共催団体の編集者'),
		createTestUser('共催団体の会員'),
		createTestUser('無関係な人'),
		createTestUser('参加者')
	]);
	orgId = await makeOrg([
		[owner, 'owner'],
		[editor, 'editor'],
		[plainMember, 'member']
	]);
});

describe('an invitation to co-host', () => {
	it('is invisible to the public and gives no rights until an editor accepts; then it shows and they manage', async () => {
		const ev = await createEvent(organiser.id, { capacity: 5 });
		const reg = await userClient(attendee.id).rpc('join_occurrence', {
			p_occurrence: ev.occurrenceIds[0],
			p_companions: 0
		});
		expect(reg.error).toBeNull();
		expect(await saveEventAgain(organiser.id, ev.id, {}, { cohostIds: [orgId] })).toBeNull();

		// the public, a stranger and a plain member see no co-host and no event in the organization's lists
		for (const db of [anonClient(), userClient(stranger.id), userClient(plainMember.id)]) {
			expect(await cohostRow(db, ev.id)).toEqual([]);
			expect(await listedFor(db, orgId)).not.toContain(ev.id);
		}
		// the organisers and the organization's owner and editor see the request
		for (const user of [organiser, owner, editor]) {
			expect(await cohostRow(userClient(user.id), ev.id)).toEqual([
				{ organization_id: orgId, accepted_at: null }
			]);
		}
		// the owner and the editor were told, nobody else
		for (const user of [owner, editor]) {
			expect(await notices(user, ev.id)).toEqual([
				{ kind: 'cohost_invited', organization_id: orgId }
			]);
		}
		for (const user of [organiser, plainMember, stranger])
			expect(await notices(user, ev.id)).toEqual([]);

		// an invited organization's editor does not manage the event yet
		const db = userClient(editor.id);
		expect(
			(await db.from('events').update({ summary: '勝手に変更' }).eq('id', ev.id).select('id')).data
		).toEqual([]);
		expect((await saveEventAgain(editor.id, ev.id, { summary: '勝手に変更' }))?.code).toBe('42501');
		expect(
			(await db.from('registrations').select('id').eq('occurrence_id', ev.occurrenceIds[0])).data
		).toEqual([]);
		const guest = await db.rpc('add_guest_registration', {
			p_occurrence: ev.occurrenceIds[0],
			p_name: '勝手 一郎'
		});
		expect(guest.error?.code).toBe('42501');
		const { data: unchanged } = await serviceClient()
			.from('events')
			.select('summary')
			.eq('id', ev.id)
			.single();
		expect(unchanged!.summary).toBe('テスト用のイベントです');

		// the editor accepts
		expect(
			(await db.rpc('accept_cohost_invitation', { p_event: ev.id, p_organization: orgId })).error
		).toBeNull();
		const [accepted] = await cohostRow(anonClient(), ev.id);
		expect(accepted.organization_id).toBe(orgId);
		expect(accepted.accepted_at).not.toBeNull();
		expect(await listedFor(anonClient(), orgId)).toContain(ev.id);
		const edit = await db
			.from('events')
			.update({ summary: '共催団体が書きました' })
			.eq('id', ev.id)
			.select('summary');
		expect(edit.data).toEqual([{ summary: '共催団体が書きました' }]);
		expect(
			(await db.from('registrations').select('id').eq('occurrence_id', ev.occurrenceIds[0])).data
		).toHaveLength(1);

		// saving the event again keeps the acceptance; removing the co-host ends it
		expect(await saveEventAgain(organiser.id, ev.id, { title: '題名だけ変更' })).toBeNull();
		expect(await cohostRow(anonClient(), ev.id)).toEqual([accepted]);
		expect(await saveEventAgain(organiser.id, ev.id, {}, { cohostIds: [] })).toBeNull();
		expect(await cohostRow(userClient(organiser.id), ev.id)).toEqual([]);
		expect(
			(await db.from('events').update({ summary: 'もう編集できない' }).eq('id', ev.id).select('id'))
				.data
		).toEqual([]);
	});

	it("is answered only by the invited organization's owners and editors", async () => {
		const ev = await createEvent(organiser.id);
		expect(await saveEventAgain(organiser.id, ev.id, {}, { cohostIds: [orgId] })).toBeNull();
		const args = { p_event: ev.id, p_organization: orgId };
		for (const user of [stranger, plainMember, organiser]) {
			for (const fn of ['accept_cohost_invitation', 'decline_cohost_invitation'] as const) {
				const { error } = await userClient(user.id).rpc(fn, args);
				expect(error?.code).toBe('42501');
				expect(error?.hint).toBe('forbidden');
			}
		}
		const anon = await anonClient().rpc('accept_cohost_invitation', args);
		expect(anon.error).not.toBeNull();
		// nor can the organiser mark it accepted by hand, or add it already accepted
		const update = await userClient(organiser.id)
			.from('event_cohosts')
			.update({ accepted_at: new Date().toISOString() })
			.eq('event_id', ev.id);
		expect(update.error?.code).toBe('42501');
		const other = await makeOrg([[stranger, 'owner']]);
		const insert = await userClient(organiser.id)
			.from('event_cohosts')
			.insert({ event_id: ev.id, organization_id: other, accepted_at: new Date().toISOString() });
		expect(insert.error?.code).toBe('42501');
		// a plain insert is an invitation, whatever the caller hoped
		const plain = await userClient(organiser.id)
			.from('event_cohosts')
			.insert({ event_id: ev.id, organization_id: other });
		expect(plain.error).toBeNull();
		expect(
			(await cohostRow(userClient(organiser.id), ev.id)).every((c) => c.accepted_at === null)
		).toBe(true);
		// and a stranger cannot name co-hosts for somebody else's event
		const hijack = await userClient(stranger.id)
			.from('event_cohosts')
			.insert({ event_id: ev.id, organization_id: other });
		expect(hijack.error?.code).toBe('42501');

		expect(await cohostRow(anonClient(), ev.id)).toEqual([]);
		const { data } = await serviceClient()
			.from('event_cohosts')
			.select('accepted_at')
			.eq('event_id', ev.id);
		expect(data!.map((c) => c.accepted_at)).toEqual([null, null]);

		// the owner may; a request that does not exist is not found
		const answered = await userClient(owner.id).rpc('accept_cohost_invitation', {
			p_event: ev.id,
			p_organization: orgId
		});
		expect(answered.error).toBeNull();
		const missing = await userClient(owner.id).rpc('accept_cohost_invitation', {
			p_event: (await createEvent(organiser.id)).id,
			p_organization: orgId
		});
		expect(missing.error?.hint).toBe('not_found');
	});

	it('declined, it is gone and was never shown', async () => {
		const ev = await createEvent(organiser.id);
		expect(await saveEventAgain(organiser.id, ev.id, {}, { cohostIds: [orgId] })).toBeNull();
		expect(
			(
				await userClient(owner.id).rpc('decline_cohost_invitation', {
					p_event: ev.id,
					p_organization: orgId
				})
			).error
		).toBeNull();
		expect(await cohostRow(userClient(organiser.id), ev.id)).toEqual([]);
		expect(await listedFor(anonClient(), orgId)).not.toContain(ev.id);
		expect(
			(
				await userClient(owner.id)
					.from('events')
					.update({ summary: 'x' })
					.eq('id', ev.id)
					.select('id')
			).data
		).toEqual([]);
	});

	it("lets the invited organization's editors see a draft so that they can decide, nobody else", async () => {
		const draft = await createEvent(organiser.id, { status: 'draft', title: '下書きの共催依頼' });
		expect(await saveEventAgain(organiser.id, draft.id, {}, { cohostIds: [orgId] })).toBeNull();
		const seen = async (user: User) =>
			(await userClient(user.id).from('events').select('title').eq('id', draft.id)).data ?? [];
		expect(await seen(editor)).toEqual([{ title: '下書きの共催依頼' }]);
		expect(await seen(owner)).toEqual([{ title: '下書きの共催依頼' }]);
		expect(await seen(plainMember)).toEqual([]);
		expect(await seen(stranger)).toEqual([]);
		expect((await anonClient().from('events').select('id').eq('id', draft.id)).data).toEqual([]);
	});

	it('naming an organization one edits for is its consent', async () => {
		const mine = await makeOrg([[organiser, 'editor']]);
		const ev = await createEvent(organiser.id);
		expect(await saveEventAgain(organiser.id, ev.id, {}, { cohostIds: [mine] })).toBeNull();
		const [row] = await cohostRow(anonClient(), ev.id);
		expect(row.organization_id).toBe(mine);
		expect(row.accepted_at).not.toBeNull();
		expect(await listedFor(anonClient(), mine)).toContain(ev.id);
		expect(await notices(organiser, ev.id)).toEqual([]);
	});
});
