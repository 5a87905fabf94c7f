// Events through PostgREST with real tokens: drafts, organisers, co-hosts,
// organizations, and the notifications that changes send.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../support/events';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';

type User = { id: string; email: string };
let organiser: User, other: User, coordinator: User, cohostEditor: User;
let orgId: string, cohostOrgId: string;

async function makeOrg(owner: string) {
	const { data, error } = await serviceClient()
		.from('organizations')
		.insert({
			slug: `ev-org-${randomBytes(3).toString('hex')}`,
			name: 'イベント試験の会',
			kind: 'npo',
			municipality_wide: true,
			created_by: owner
		})
		.select('id')
		.single();
	if (error) throw new Error(error.message);
	return data.id;
}

beforeAll(async () => {
	[organiser, other, coordinator, cohostEditor] = await Promise.all([
		createTestUser('主催者'),
		createTestUser('ほかの人'),
		createTestUser('コーディネーター'),
		createTestUser('共催の編集者')
	]);
	await serviceClient().from('profiles').update({ role: 'coordinator' }).eq('id', coordinator.id);
	orgId = await makeOrg(organiser.id);
	cohostOrgId = await makeOrg(cohostEditor.id);
});

describe('events', () => {
	it('drafts are visible only to organisers and coordinators, with their occurrences', async () => {
		const draft = await createEvent(organiser.id, { status: 'draft' });
		for (const db of [anonClient(), userClient(other.id)]) {
			expect((await db.from('events').select('id').eq('id', draft.id)).data).toEqual([]);
			expect(
				(await db.from('event_occurrences').select('id').eq('event_id', draft.id)).data
			).toEqual([]);
		}
		expect(
			(await userClient(coordinator.id).from('events').select('id').eq('id', draft.id)).data
		).toHaveLength(1);
		const listed = await anonClient().rpc('search_occurrences', {
			p_from: new Date().toISOString()
		});
		expect(listed.data?.map((o) => o.event_id)).not.toContain(draft.id);
	});

	it('only editors of an organization publish for it', async () => {
		await expect(createEvent(other.id, { organizationId: orgId })).rejects.toThrow(
			/only editors publish/
		);
		const mine = await createEvent(organiser.id, { organizationId: orgId });
		expect(mine.occurrenceIds).toHaveLength(1);
	});

	it('others cannot edit or cancel an event or its occurrences; a co-host editor can', async () => {
		const ev = await createEvent(organiser.id, { repeat: 'weekly', count: 2 });
		const db = userClient(other.id);
		expect(
			(await db.from('events').update({ title: '乗っ取り' }).eq('id', ev.id).select()).data
		).toEqual([]);
		expect(
			(
				await db
					.from('event_occurrences')
					.update({ status: 'cancelled' })
					.eq('id', ev.occurrenceIds[0])
					.select()
			).data
		).toEqual([]);
		expect(
			(
				await db.from('event_occurrences').insert({
					event_id: ev.id,
					starts_at: new Date().toISOString(),
					ends_at: new Date(Date.now() + 3600_000).toISOString(),
					original_starts_at: new Date().toISOString()
				})
			).error?.code
		).toBe('42501');
		expect(
			(await anonClient().from('events').update({ title: 'x' }).eq('id', ev.id)).error?.code
		).toBe('42501');

		const { error } = await userClient(organiser.id)
			.from('event_cohosts')
			.insert({ event_id: ev.id, organization_id: cohostOrgId });
		expect(error).toBeNull();
		// invited only: not yet
		const early = await userClient(cohostEditor.id)
			.from('events')
			.update({ summary: '承認前' })
			.eq('id', ev.id)
			.select('summary');
		expect(early.data).toEqual([]);
		const accepted = await userClient(cohostEditor.id).rpc('accept_cohost_invitation', {
			p_event: ev.id,
			p_organization: cohostOrgId
		});
		expect(accepted.error).toBeNull();
		const edit = await userClient(cohostEditor.id)
			.from('events')
			.update({ summary: '共催団体が書きました' })
			.eq('id', ev.id)
			.select('summary');
		expect(edit.data).toEqual([{ summary: '共催団体が書きました' }]);
		const { data } = await serviceClient().from('events').select('title').eq('id', ev.id).single();
		expect(data?.title).toBe('テストのサロン');
	});

	it('the organiser cannot be changed and the iCal sequence goes up when the time changes', async () => {
		const ev = await createEvent(organiser.id);
		const steal = await userClient(organiser.id)
			.from('events')
			.update({ organizer_id: other.id } as never)
			.eq('id', ev.id);
		expect(steal.error?.code).toBe('42501');
		const before = (
			await serviceClient().from('events').select('sequence, starts_at').eq('id', ev.id).single()
		).data!;
		await userClient(organiser.id)
			.from('events')
			.update({ summary: '説明だけ変更' })
			.eq('id', ev.id);
		expect(
			(await serviceClient().from('events').select('sequence').eq('id', ev.id).single()).data!
				.sequence
		).toBe(before.sequence);
		const later = new Date(new Date(before.starts_at).getTime() + 3600_000).toISOString();
		await userClient(organiser.id)
			.from('events')
			.update({ starts_at: later, ends_at: new Date(Date.parse(later) + 7200_000).toISOString() })
			.eq('id', ev.id);
		expect(
			(await serviceClient().from('events').select('sequence').eq('id', ev.id).single()).data!
				.sequence
		).toBe(before.sequence + 1);
	});
});

describe('notifications of changes', () => {
	it('registrants are told when the time or place changes, when a date is cancelled and when the event is cancelled', async () => {
		const ev = await createEvent(organiser.id, { repeat: 'weekly', count: 2 });
		await userClient(other.id).rpc('join_occurrence', {
			p_occurrence: ev.occurrenceIds[0],
			p_companions: 0
		});
		const kinds = async () =>
			(
				(
					await userClient(other.id)
						.from('notifications')
						.select('kind')
						.eq('event_id', ev.id)
						.order('created_at')
				).data ?? []
			).map((n) => n.kind);

		await userClient(organiser.id)
			.from('events')
			.update({ venue_name: '新しい会場' })
			.eq('id', ev.id);
		expect(await kinds()).toEqual(['event_changed']);
		await userClient(organiser.id)
			.from('event_occurrences')
			.update({ status: 'cancelled', cancel_reason: '台風' })
			.eq('id', ev.occurrenceIds[0]);
		expect(await kinds()).toEqual(['event_changed', 'occurrence_cancelled']);
		await userClient(organiser.id)
			.from('events')
			.update({ status: 'cancelled', cancel_reason: '会場の都合' })
			.eq('id', ev.id);
		expect(await kinds()).toEqual(['event_changed', 'occurrence_cancelled', 'event_cancelled']);
		// nobody else reads them
		expect(
			(await userClient(organiser.id).from('notifications').select('id').eq('event_id', ev.id)).data
		).toEqual([]);
	});
});

describe('registrants and profiles', () => {
	it('an organiser sees the names of people registered for their event, not of others', async () => {
		const ev = await createEvent(organiser.id);
		const person = await createTestUser('非公開の参加者');
		const stranger = await createTestUser('関係のない人');
		await userClient(person.id).rpc('join_occurrence', {
			p_occurrence: ev.occurrenceIds[0],
			p_companions: 0
		});
		const seen = await userClient(organiser.id)
			.from('profiles')
			.select('display_name')
			.in('id', [person.id, stranger.id]);
		expect(seen.data).toEqual([{ display_name: '非公開の参加者' }]);
		const notOrganiser = await userClient(other.id)
			.from('profiles')
			.select('display_name')
			.eq('id', person.id);
		expect(notOrganiser.data).toEqual([]);
	});

	it('so do the editors of the organizing organization; people with events or an organization of their own do not', async () => {
		const person = await createTestUser('非公開の申込者');
		const editor = await createTestUser('主催団体の編集者');
		const added = await serviceClient()
			.from('organization_members')
			.insert({ organization_id: orgId, user_id: editor.id, role: 'editor' });
		expect(added.error).toBeNull();
		const ev = await createEvent(organiser.id, { organizationId: orgId });
		await userClient(person.id).rpc('join_occurrence', {
			p_occurrence: ev.occurrenceIds[0],
			p_companions: 0
		});
		const nameSeenBy = async (id: string) =>
			(await userClient(id).from('profiles').select('display_name').eq('id', person.id)).data;
		expect(await nameSeenBy(editor.id)).toEqual([{ display_name: '非公開の申込者' }]);
		// an organiser of another event, and the owner of another organization
		await createEvent(other.id);
		expect(await nameSeenBy(other.id)).toEqual([]);
		expect(await nameSeenBy(cohostEditor.id)).toEqual([]);
	});
});
