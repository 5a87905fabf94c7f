// Registrations and notifications through PostgREST with real tokens: who sees
// which registrations, what organisers may do that others may not, guests
// against capacity, promotion from the waiting list and its notification.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { findEventWithDates } from '$lib/server/db/events';
import { createEvent } from '../support/events';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';

type User = { id: string; email: string };
let organiser: User,
	alice: User,
	bob: User,
	carol: User,
	stranger: User,
	cohostEditor: User,
	cohostMember: User;

async function join(user: User, occurrence: string, companions = 0) {
	const { data, error } = await userClient(user.id).rpc('join_occurrence', {
		p_occurrence: occurrence,
		p_companions: companions
	});
	if (error || !data) throw new Error(`join failed: ${error?.message}`);
	return data;
}

async function orgWith(user: User, role: 'owner' | 'editor' | 'member', name = 'テスト共催の会') {
	const svc = serviceClient();
	const { data: org, error } = await svc
		.from('organizations')
		.insert({ slug: `reg-test-${randomBytes(4).toString('hex')}`, name, kind: 'npo' })
		.select('id')
		.single();
	if (error) throw new Error(error.message);
	const member = await svc
		.from('organization_members')
		.insert({ organization_id: org.id, user_id: user.id, role });
	if (member.error) throw new Error(member.error.message);
	return org.id;
}

/** The registrations of the occurrence that this user can see. */
async function visible(user: User, occurrence: string) {
	const { data, error } = await userClient(user.id)
		.from('registrations')
		.select('id, user_id, guest_name, status')
		.eq('occurrence_id', occurrence)
		.order('queued_at');
	if (error) throw new Error(error.message);
	return data;
}

const asService = async (id: string) =>
	(
		await serviceClient()
			.from('registrations')
			.select('status, attended, note')
			.eq('id', id)
			.single()
	).data;

beforeAll(async () => {
	[organiser, alice, bob, carol, stranger, cohostEditor, cohostMember] = await Promise.all([
		createTestUser('主催 さん'),
		createTestUser('アリス さん'),
		createTestUser('ボブ さん'),
		createTestUser('キャロル さん'),
		createTestUser('無関係 さん'),
		createTestUser('共催編集 さん'),
		createTestUser('共催会員 さん')
	]);
});

describe('who sees registrations', () => {
	it('a member sees only their own; the organiser sees all; an unrelated organization sees none', async () => {
		const { occurrenceIds } = await createEvent(organiser.id, { capacity: 10 });
		const occurrence = occurrenceIds[0];
		const a = await join(alice, occurrence);
		const b = await join(bob, occurrence, 2);

		expect((await visible(alice, occurrence)).map((r) => r.id)).toEqual([a.id]);
		expect((await visible(bob, occurrence)).map((r) => r.id)).toEqual([b.id]);
		expect((await visible(organiser, occurrence)).map((r) => r.id)).toEqual([a.id, b.id]);

		await orgWith(stranger, 'owner', '無関係の会');
		expect(await visible(stranger, occurrence)).toEqual([]);

		const anon = await anonClient()
			.from('registrations')
			.select('id')
			.eq('occurrence_id', occurrence);
		expect(anon.data ?? []).toEqual([]);
		expect(anon.error?.code).toBe('42501');
	});

	it("editors of a co-hosting organization see the event's registrations once they accept; its plain members do not", async () => {
		const { id: eventId, occurrenceIds } = await createEvent(organiser.id, { capacity: 10 });
		const occurrence = occurrenceIds[0];
		const a = await join(alice, occurrence);
		const cohost = await orgWith(cohostEditor, 'editor');
		const plain = await serviceClient()
			.from('organization_members')
			.insert({ organization_id: cohost, user_id: cohostMember.id, role: 'member' });
		expect(plain.error).toBeNull();

		// not a co-host yet
		expect(await visible(cohostEditor, occurrence)).toEqual([]);

		const added = await userClient(organiser.id)
			.from('event_cohosts')
			.insert({ event_id: eventId, organization_id: cohost });
		expect(added.error).toBeNull();
		// invited, not yet accepted
		expect(await visible(cohostEditor, occurrence)).toEqual([]);
		const accepted = await userClient(cohostEditor.id).rpc('accept_cohost_invitation', {
			p_event: eventId,
			p_organization: cohost
		});
		expect(accepted.error).toBeNull();
		expect((await visible(cohostEditor, occurrence)).map((r) => r.id)).toEqual([a.id]);
		expect(await visible(cohostMember, occurrence)).toEqual([]);
	});
});

describe('people who applied by phone or on paper', () => {
	it('count against capacity: a guest with one companion fills 2 places, the next member waits', async () => {
		const { occurrenceIds } = await createEvent(organiser.id, { capacity: 2 });
		const occurrence = occurrenceIds[0];
		const { data: guest, error } = await userClient(organiser.id).rpc('add_guest_registration', {
			p_occurrence: occurrence,
			p_name: '  電話 花子  ',
			p_phone: '047-000-1234',
			p_note: '車いすで来ます',
			p_companions: 1
		});
		expect(error).toBeNull();
		expect(guest).toMatchObject({
			status: 'going',
			user_id: null,
			guest_name: '電話 花子',
			guest_phone: '047-000-1234',
			companions: 1,
			added_by: organiser.id
		});
		const { data: occ } = await serviceClient()
			.from('event_occurrences')
			.select('going_count')
			.eq('id', occurrence)
			.single();
		expect(occ?.going_count).toBe(2);

		expect((await join(alice, occurrence)).status).toBe('waitlisted');
		// the guest is the organiser's to see, not the member's
		expect((await visible(alice, occurrence)).map((r) => r.guest_name)).toEqual([null]);
		expect((await visible(organiser, occurrence)).map((r) => [r.guest_name, r.status])).toEqual([
			['電話 花子', 'going'],
			[null, 'waitlisted']
		]);
	});

	it("are refused with hint 'full' when there is no waiting list", async () => {
		const { occurrenceIds } = await createEvent(organiser.id, { capacity: 1, waitlist: false });
		const add = (name: string) =>
			userClient(organiser.id).rpc('add_guest_registration', {
				p_occurrence: occurrenceIds[0],
				p_name: name
			});
		expect((await add('一人目')).error).toBeNull();
		const second = await add('二人目');
		expect(second.error?.hint).toBe('full');
		expect(await visible(organiser, occurrenceIds[0])).toHaveLength(1);
	});
});

describe('what only organisers may do', () => {
	it('a member cannot add guests, mark attendance or cancel somebody else; the organiser can', async () => {
		const { occurrenceIds } = await createEvent(organiser.id, { capacity: 10 });
		const occurrence = occurrenceIds[0];
		const a = await join(alice, occurrence);
		const b = await join(bob, occurrence);

		const guest = await userClient(alice.id).rpc('add_guest_registration', {
			p_occurrence: occurrence,
			p_name: '勝手 太郎'
		});
		expect(guest.error?.code).toBe('42501');
		expect(await visible(organiser, occurrence)).toHaveLength(2);

		// attendance: RLS lets no row change, for somebody else's or one's own
		for (const id of [b.id, a.id]) {
			const marked = await userClient(alice.id)
				.from('registrations')
				.update({ attended: true })
				.eq('id', id)
				.select('id');
			expect(marked.error).toBeNull();
			expect(marked.data).toEqual([]);
			expect((await asService(id))?.attended).toBeNull();
		}

		const cancel = await userClient(alice.id).rpc('cancel_registration', { p_registration: b.id });
		expect(cancel.error?.code).toBe('42501');
		expect((await asService(b.id))?.status).toBe('going');

		// a member of an unrelated organization is no organiser either
		const strangerCancel = await userClient(stranger.id).rpc('cancel_registration', {
			p_registration: b.id
		});
		expect(strangerCancel.error?.code).toBe('42501');

		const byOrganiser = await userClient(organiser.id)
			.from('registrations')
			.update({ attended: true, note: '受付済み' })
			.eq('id', b.id)
			.select('id');
		expect(byOrganiser.data).toEqual([{ id: b.id }]);
		expect(await asService(b.id)).toEqual({ status: 'going', attended: true, note: '受付済み' });

		// other columns are not theirs to change, even for organisers
		const status = await userClient(organiser.id)
			.from('registrations')
			.update({ status: 'cancelled' })
			.eq('id', b.id);
		expect(status.error?.code).toBe('42501');

		expect(
			(await userClient(organiser.id).rpc('cancel_registration', { p_registration: a.id })).error
		).toBeNull();
		expect((await asService(a.id))?.status).toBe('cancelled');
	});
});

describe('places on the waiting list', () => {
	it('each person reads their own place with their registrations; nobody reads anybody else’s', async () => {
		const { id: eventId, occurrenceIds } = await createEvent(organiser.id, { capacity: 1 });
		const occurrence = occurrenceIds[0];
		const a = await join(alice, occurrence);
		const b = await join(bob, occurrence);
		const c = await join(carol, occurrence);
		// as the event page reads them (event_page)
		const place = async (user: User) =>
			(await findEventWithDates(userClient(user.id), eventId))!.registrations.map((r) => [
				r.status,
				r.waitlistPosition
			]);
		expect(await place(alice)).toEqual([['going', null]]);
		expect(await place(bob)).toEqual([['waitlisted', 1]]);
		expect(await place(carol)).toEqual([['waitlisted', 2]]);
		// the organiser, who may read everybody's, is given only their own (none)
		expect(await place(organiser)).toEqual([]);
		// the organiser sees the rows, not the places (the attendee list keeps its own order)
		const seen = await userClient(organiser.id)
			.from('registrations')
			.select('id, waitlist_position')
			.in('id', [b.id, c.id]);
		expect(seen.data?.map((r) => r.waitlist_position)).toEqual([null, null]);
		// a row passed in is never trusted: Bob asking with Carol's id learns nothing
		const forged = await userClient(bob.id).rpc(
			'waitlist_position' as never,
			{
				r: { id: c.id, user_id: bob.id, occurrence_id: occurrence, status: 'waitlisted' }
			} as never
		);
		expect(forged.data ?? null).toBeNull();
		expect(a.status).toBe('going');
	});
});

describe('promotion from the waiting list', () => {
	it("cancelling a going registration promotes the first waiting person, who alone reads the 'promoted' notification", async () => {
		const { id: eventId, occurrenceIds } = await createEvent(organiser.id, { capacity: 1 });
		const occurrence = occurrenceIds[0];
		const a = await join(alice, occurrence);
		const b = await join(bob, occurrence);
		const c = await join(carol, occurrence);
		expect([a.status, b.status, c.status]).toEqual(['going', 'waitlisted', 'waitlisted']);

		expect(
			(await userClient(organiser.id).rpc('cancel_registration', { p_registration: a.id })).error
		).toBeNull();
		expect((await asService(a.id))?.status).toBe('cancelled');
		expect((await asService(b.id))?.status).toBe('going');
		expect((await asService(c.id))?.status).toBe('waitlisted');

		const mine = async (user: User) =>
			(
				await userClient(user.id)
					.from('notifications')
					.select('id, user_id, kind, event_id, occurrence_id, read_at')
					.eq('event_id', eventId)
			).data ?? [];
		const bobs = await mine(bob);
		expect(bobs).toEqual([
			{
				id: bobs[0]?.id,
				user_id: bob.id,
				kind: 'promoted',
				event_id: eventId,
				occurrence_id: occurrence,
				read_at: null
			}
		]);
		expect(await mine(carol)).toEqual([]);
		expect(await mine(alice)).toEqual([]);
		// the organiser does not read their registrants' notifications
		expect(await mine(organiser)).toEqual([]);
		const byId = await userClient(alice.id).from('notifications').select('id').eq('id', bobs[0].id);
		expect(byId.data).toEqual([]);
		const anon = await anonClient().from('notifications').select('id').eq('id', bobs[0].id);
		expect(anon.data ?? []).toEqual([]);

		// read_at: only on one's own
		const readByOther = await userClient(alice.id)
			.from('notifications')
			.update({ read_at: new Date().toISOString() })
			.eq('id', bobs[0].id)
			.select('id');
		expect(readByOther.data).toEqual([]);
		const still = await serviceClient()
			.from('notifications')
			.select('read_at')
			.eq('id', bobs[0].id)
			.single();
		expect(still.data?.read_at).toBeNull();

		const readOwn = await userClient(bob.id)
			.from('notifications')
			.update({ read_at: new Date().toISOString() })
			.eq('id', bobs[0].id)
			.select('id, read_at');
		expect(readOwn.data).toHaveLength(1);
		expect(readOwn.data?.[0].read_at).not.toBeNull();

		// and nothing but read_at
		const kind = await userClient(bob.id)
			.from('notifications')
			.update({ kind: 'event_changed' })
			.eq('id', bobs[0].id);
		expect(kind.error?.code).toBe('42501');

		const unread = await userClient(bob.id)
			.from('notifications')
			.select('*', { count: 'exact', head: true })
			.eq('user_id', bob.id)
			.is('read_at', null);
		expect(unread.count).toBe(0);
	});

	it('a guest with companions is promoted only when all of them fit', async () => {
		const { occurrenceIds } = await createEvent(organiser.id, { capacity: 3 });
		const occurrence = occurrenceIds[0];
		const a = await join(alice, occurrence);
		const b = await join(bob, occurrence);
		const { data: guest } = await userClient(organiser.id).rpc('add_guest_registration', {
			p_occurrence: occurrence,
			p_name: '家族 三人',
			p_companions: 2
		});
		expect(guest?.status).toBe('waitlisted');
		await userClient(alice.id).rpc('cancel_registration', { p_registration: a.id });
		expect((await asService(guest!.id))?.status).toBe('waitlisted');
		await userClient(bob.id).rpc('cancel_registration', { p_registration: b.id });
		expect((await asService(guest!.id))?.status).toBe('going');
	});
});
