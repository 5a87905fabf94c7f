// Capacity is decided in one Postgres function under a row lock: never more
// people going than capacity, whatever the concurrency; the waiting list keeps
// arrival order and is promoted as people leave.
import { describe, expect, it } from 'vitest';
import { createEvent } from '../support/events';
import { serviceClient, uniqueEmail, userClient } from '../support/db';

async function makeUsers(n: number) {
	const rows = Array.from({ length: n }, (_, i) => ({ display_name: `参加者${i}` }));
	const { data, error } = await serviceClient().from('profiles').insert(rows).select('id');
	if (error) throw new Error(error.message);
	await serviceClient()
		.from('credentials')
		.insert(
			data.map((p) => ({
				user_id: p.id,
				email: uniqueEmail('crowd'),
				password_hash: 'x',
				// confirmed, so that they may join (private.refuse_unverified)
				email_verified_at: new Date().toISOString()
			}))
		);
	return data.map((p) => p.id);
}

describe('joining under load', () => {
	it('200 concurrent joins for 50 places: exactly 50 going, 150 waiting in arrival order; 10 leave, 10 promoted', async () => {
		const [organiser, ...people] = await makeUsers(201);
		const { occurrenceIds } = await createEvent(organiser, { capacity: 50 });
		const occurrence = occurrenceIds[0];

		const results = await Promise.all(
			people.map(async (id) => {
				const { data, error } = await userClient(id).rpc('join_occurrence', {
					p_occurrence: occurrence,
					p_companions: 0
				});
				if (error) throw new Error(error.message);
				return data as unknown as {
					id: string;
					status: string;
					queued_at: string;
					user_id: string;
				};
			})
		);
		expect(results.filter((r) => r.status === 'going')).toHaveLength(50);
		expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(150);

		const { data: rows } = await serviceClient()
			.from('registrations')
			.select('id, user_id, status, queued_at')
			.eq('occurrence_id', occurrence)
			.order('queued_at');
		const going = rows!.filter((r) => r.status === 'going');
		const waiting = rows!.filter((r) => r.status === 'waitlisted');
		expect(going).toHaveLength(50);
		// arrival order: everyone going queued before everyone waiting
		expect(going.at(-1)!.queued_at <= waiting[0].queued_at).toBe(true);
		const { data: occ } = await serviceClient()
			.from('event_occurrences')
			.select('going_count')
			.eq('id', occurrence)
			.single();
		expect(occ!.going_count).toBe(50);

		// 10 of those going leave at once
		await Promise.all(
			going.slice(0, 10).map(async (r) => {
				const { error } = await userClient(r.user_id!).rpc('cancel_registration', {
					p_registration: r.id
				});
				if (error) throw new Error(error.message);
			})
		);
		const { data: after } = await serviceClient()
			.from('registrations')
			.select('id, user_id, status')
			.eq('occurrence_id', occurrence);
		const nowGoing = new Set(after!.filter((r) => r.status === 'going').map((r) => r.id));
		expect(nowGoing.size).toBe(50);
		// exactly the first 10 in the queue were promoted, and told so
		for (const r of waiting.slice(0, 10)) expect(nowGoing.has(r.id)).toBe(true);
		for (const r of waiting.slice(10)) expect(nowGoing.has(r.id)).toBe(false);
		const { count } = await serviceClient()
			.from('notifications')
			.select('*', { count: 'exact', head: true })
			.eq('occurrence_id', occurrence)
			.eq('kind', 'promoted');
		expect(count).toBe(10);
	});

	it('companions count against capacity; a full event without a waiting list says so', async () => {
		const [organiser, a, b, c] = await makeUsers(4);
		const { occurrenceIds } = await createEvent(organiser, { capacity: 3, waitlist: false });
		const [occ] = occurrenceIds;
		const first = await userClient(a).rpc('join_occurrence', {
			p_occurrence: occ,
			p_companions: 1
		});
		expect((first.data as unknown as { status: string }).status).toBe('going');
		const second = await userClient(b).rpc('join_occurrence', {
			p_occurrence: occ,
			p_companions: 1
		});
		expect(second.error?.hint).toBe('full');
		const third = await userClient(c).rpc('join_occurrence', {
			p_occurrence: occ,
			p_companions: 0
		});
		expect((third.data as unknown as { status: string }).status).toBe('going');
		// joining twice changes nothing
		const again = await userClient(c).rpc('join_occurrence', {
			p_occurrence: occ,
			p_companions: 0
		});
		expect(again.error).toBeNull();
		const { data } = await serviceClient()
			.from('event_occurrences')
			.select('going_count')
			.eq('id', occ)
			.single();
		expect(data!.going_count).toBe(3);
	});

	it('refuses joins to drafts, cancelled occurrences and past events', async () => {
		const [organiser, a] = await makeUsers(2);
		const draft = await createEvent(organiser, { status: 'draft' });
		expect(
			(await userClient(a).rpc('join_occurrence', { p_occurrence: draft.occurrenceIds[0] })).error
		).not.toBeNull();
		const past = await createEvent(organiser, { startsAt: new Date(Date.now() - 3 * 86400_000) });
		expect(
			(await userClient(a).rpc('join_occurrence', { p_occurrence: past.occurrenceIds[0] })).error
				?.hint
		).toBe('closed');
		const series = await createEvent(organiser, { repeat: 'weekly', count: 2 });
		await userClient(organiser)
			.from('event_occurrences')
			.update({ status: 'cancelled', cancel_reason: '雨天' })
			.eq('id', series.occurrenceIds[0]);
		expect(
			(await userClient(a).rpc('join_occurrence', { p_occurrence: series.occurrenceIds[0] })).error
				?.hint
		).toBe('not_open');
		expect(
			(await userClient(a).rpc('join_occurrence', { p_occurrence: series.occurrenceIds[1] })).error
		).toBeNull();
	});
});
