// The waiting-list rule of 20261202000000_hardening_events.sql, checked after
// every operation that can free places: going_count and waiting_count are what
// the registrations add up to; first come, first served strictly (nobody waiting
// was queued before somebody going); and on an open date, if anybody waits,
// the first in line does not fit in the free places.
import { describe, expect, it } from 'vitest';
import { createEvent, saveEventAgain } from '../support/events';
import { anonClient, serviceClient, uniqueEmail, userClient } from '../support/db';

async function makeUsers(n: number) {
	const rows = Array.from({ length: n }, (_, i) => ({ display_name: `待つ人${i}` }));
	const { data, error } = await serviceClient().from('profiles').insert(rows).select('id');
	if (error) throw new Error(error.message);
	const creds = await serviceClient()
		.from('credentials')
		.insert(
			data.map((p) => ({
				user_id: p.id,
				email: uniqueEmail('queue'),
				password_hash: 'x',
				// confirmed, so that they may join (private.refuse_unverified)
				email_verified_at: new Date().toISOString()
			}))
		);
	if (creds.error) throw new Error(creds.error.message);
	return data.map((p) => p.id);
}

type Registration = { id: string; status: string; companions: number; user_id: string | null };

async function join(userId: string, occurrence: string, companions = 0) {
	const { data, error } = await userClient(userId).rpc('join_occurrence', {
		p_occurrence: occurrence,
		p_companions: companions
	});
	if (error || !data) throw new Error(`join failed: ${error?.message}`);
	return data as Registration;
}

async function addGuest(organiser: string, occurrence: string, name: string, companions = 0) {
	const { data, error } = await userClient(organiser).rpc('add_guest_registration', {
		p_occurrence: occurrence,
		p_name: name,
		p_companions: companions
	});
	if (error || !data) throw new Error(`guest failed: ${error?.message}`);
	return data as Registration;
}

/** Every way the rule is broken for these occurrences, as readable lines (empty when it holds). */
async function ruleViolations(occurrenceIds: string[]) {
	const svc = serviceClient();
	const [occs, regs] = await Promise.all([
		svc
			.from('event_occurrences')
			.select('id, going_count, waiting_count, status, ends_at, event:events(capacity, status)')
			.in('id', occurrenceIds),
		svc
			.from('registrations')
			.select('id, occurrence_id, status, companions, queued_at')
			.in('occurrence_id', occurrenceIds)
			.neq('status', 'cancelled')
			.order('queued_at')
			.order('id')
			.limit(1000)
	]);
	if (occs.error || regs.error) throw new Error(occs.error?.message ?? regs.error?.message);
	expect(regs.data.length).toBeLessThan(1000);
	const problems: string[] = [];
	for (const o of occs.data) {
		const queue = regs.data.filter((r) => r.occurrence_id === o.id);
		const going = queue.filter((r) => r.status === 'going');
		const people = going.reduce((sum, r) => sum + 1 + r.companions, 0);
		if (o.going_count !== people)
			problems.push(`${o.id}: going_count ${o.going_count}, going people ${people}`);
		const waiting = queue.filter((r) => r.status === 'waitlisted').length;
		if (o.waiting_count !== waiting)
			problems.push(`${o.id}: waiting_count ${o.waiting_count}, waiting ${waiting}`);
		const lastGoing = queue.findLastIndex((r) => r.status === 'going');
		const firstWaiting = queue.findIndex((r) => r.status === 'waitlisted');
		if (firstWaiting !== -1 && lastGoing > firstWaiting) {
			problems.push(`${o.id}: somebody going was queued after somebody still waiting`);
		}
		const open =
			o.status === 'scheduled' &&
			o.event.status === 'published' &&
			Date.parse(o.ends_at) > Date.now();
		const head = queue[firstWaiting];
		if (open && head) {
			const capacity = o.event.capacity;
			if (capacity === null || o.going_count + 1 + head.companions <= capacity) {
				problems.push(
					`${o.id}: ${capacity === null ? 'unlimited' : capacity - o.going_count} places free, the first in line (${1 + head.companions}) still waits`
				);
			}
		}
	}
	return problems;
}

async function statuses(occurrence: string) {
	const { data, error } = await serviceClient()
		.from('registrations')
		.select('id, status')
		.eq('occurrence_id', occurrence)
		.order('queued_at')
		.order('id');
	if (error) throw new Error(error.message);
	return new Map(data.map((r) => [r.id, r.status]));
}

async function promotedCount(occurrence: string) {
	const { count } = await serviceClient()
		.from('notifications')
		.select('*', { count: 'exact', head: true })
		.eq('occurrence_id', occurrence)
		.eq('kind', 'promoted');
	return count;
}

describe('places freed by the organiser', () => {
	it('raising capacity from 5 to 10 promotes the first five in line and tells them; the next newcomer waits', async () => {
		const [organiser, ...people] = await makeUsers(58);
		const { id, occurrenceIds } = await createEvent(organiser, { capacity: 5 });
		const [occ] = occurrenceIds;
		const regs: Registration[] = [];
		for (const p of people.slice(0, 55)) regs.push(await join(p, occ));
		expect(regs.filter((r) => r.status === 'going')).toHaveLength(5);
		expect(await ruleViolations(occurrenceIds)).toEqual([]);

		expect(await saveEventAgain(organiser, id, { capacity: 10 })).toBeNull();
		const after = await statuses(occ);
		expect(regs.slice(0, 10).map((r) => after.get(r.id))).toEqual(Array(10).fill('going'));
		expect(regs.slice(10).every((r) => after.get(r.id) === 'waitlisted')).toBe(true);
		expect(await promotedCount(occ)).toBe(5);
		const { data: told } = await userClient(people[5])
			.from('notifications')
			.select('kind, occurrence_id');
		expect(told).toEqual([{ kind: 'promoted', occurrence_id: occ }]);
		expect(await ruleViolations(occurrenceIds)).toEqual([]);

		// 45 people still wait: a newcomer queues behind them
		expect((await join(people[55], occ)).status).toBe('waitlisted');
		expect(await ruleViolations(occurrenceIds)).toEqual([]);

		// no limit: everybody waiting is in, each told once
		expect(await saveEventAgain(organiser, id, { capacity: null })).toBeNull();
		expect([...(await statuses(occ)).values()].every((s) => s === 'going')).toBe(true);
		expect(await promotedCount(occ)).toBe(51);
		expect(await ruleViolations(occurrenceIds)).toEqual([]);
		expect((await join(people[56], occ)).status).toBe('going');
	});

	it('a change made directly on the event (not through save_event) promotes too', async () => {
		const [organiser, a, b, c] = await makeUsers(4);
		const { id, occurrenceIds } = await createEvent(organiser, { capacity: 1 });
		const [occ] = occurrenceIds;
		await join(a, occ);
		const waiting = [await join(b, occ), await join(c, occ)];
		const { error } = await userClient(organiser)
			.from('events')
			.update({ capacity: 2 })
			.eq('id', id);
		expect(error).toBeNull();
		const after = await statuses(occ);
		expect(waiting.map((r) => after.get(r.id))).toEqual(['going', 'waitlisted']);
		expect(await ruleViolations(occurrenceIds)).toEqual([]);
	});

	it('every date of a series is promoted when capacity grows', async () => {
		const [organiser, a, b] = await makeUsers(3);
		const { id, occurrenceIds } = await createEvent(organiser, {
			capacity: 1,
			repeat: 'weekly',
			count: 4
		});
		for (const occ of occurrenceIds) {
			await join(a, occ);
			expect((await join(b, occ)).status).toBe('waitlisted');
		}
		expect(await saveEventAgain(organiser, id, { capacity: 2 })).toBeNull();
		const { data } = await serviceClient().from('registrations').select('status').eq('user_id', b);
		expect(data!.map((r) => r.status)).toEqual(['going', 'going', 'going', 'going']);
		expect(await ruleViolations(occurrenceIds)).toEqual([]);
	});
});

describe('first come, first served', () => {
	it('a newcomer whose small party would fit still queues behind a waiting family, member or guest', async () => {
		const [organiser, a, family, newcomer] = await makeUsers(4);
		const { occurrenceIds } = await createEvent(organiser, { capacity: 4 });
		const [occ] = occurrenceIds;
		const first = await join(a, occ);
		// 1 going + 4 does not fit in 4
		const fam = await join(family, occ, 3);
		expect(fam.status).toBe('waitlisted');
		// 1 + 1 would fit, but the family was first
		const late = await join(newcomer, occ);
		expect(late.status).toBe('waitlisted');
		const guest = await addGuest(organiser, occ, '電話 一郎');
		expect(guest.status).toBe('waitlisted');
		expect(await ruleViolations(occurrenceIds)).toEqual([]);
		// three places are free, but not for a newcomer: not in the "seats left" lists
		const listed = async (seatsLeft: boolean) => {
			const { data, error } = await anonClient()
				.rpc('search_occurrences', { p_from: new Date().toISOString(), p_seats_left: seatsLeft })
				.eq('id', occ);
			if (error) throw new Error(error.message);
			return data.map((o) => o.id);
		};
		expect(await listed(false)).toEqual([occ]);
		expect(await listed(true)).toEqual([]);

		// the first one leaves: the family (4) fits, the two behind them do not
		expect(
			(await userClient(a).rpc('cancel_registration', { p_registration: first.id })).error
		).toBeNull();
		const after = await statuses(occ);
		expect([after.get(fam.id), after.get(late.id), after.get(guest.id)]).toEqual([
			'going',
			'waitlisted',
			'waitlisted'
		]);
		expect(await ruleViolations(occurrenceIds)).toEqual([]);
	});

	it('without a waiting list, a newcomer is refused while anybody still waits', async () => {
		const [organiser, a, family, newcomer] = await makeUsers(4);
		const { id, occurrenceIds } = await createEvent(organiser, { capacity: 4 });
		const [occ] = occurrenceIds;
		await join(a, occ);
		expect((await join(family, occ, 3)).status).toBe('waitlisted');
		// the organiser closes the waiting list; the family keeps its place in it
		expect(await saveEventAgain(organiser, id, { waitlist_enabled: false })).toBeNull();
		const refused = await userClient(newcomer).rpc('join_occurrence', {
			p_occurrence: occ,
			p_companions: 0
		});
		expect(refused.error?.hint).toBe('full');
		const guest = await userClient(organiser).rpc('add_guest_registration', {
			p_occurrence: occ,
			p_name: '電話 二郎'
		});
		expect(guest.error?.hint).toBe('full');
		expect(await ruleViolations(occurrenceIds)).toEqual([]);
	});

	it('a party larger than the capacity is refused instead of blocking the line', async () => {
		const [organiser, family] = await makeUsers(2);
		const { occurrenceIds } = await createEvent(organiser, { capacity: 3 });
		const member = await userClient(family).rpc('join_occurrence', {
			p_occurrence: occurrenceIds[0],
			p_companions: 3
		});
		expect(member.error?.hint).toBe('too_many');
		const guest = await userClient(organiser).rpc('add_guest_registration', {
			p_occurrence: occurrenceIds[0],
			p_name: '大家族',
			p_companions: 5
		});
		expect(guest.error?.hint).toBe('too_many');
		const { count } = await serviceClient()
			.from('registrations')
			.select('*', { count: 'exact', head: true })
			.eq('occurrence_id', occurrenceIds[0]);
		expect(count).toBe(0);
	});
});

describe('places freed by registrations', () => {
	it('fewer companions free places (and a smaller first in line may then fit)', async () => {
		const [organiser, a, b, c] = await makeUsers(4);
		const { occurrenceIds } = await createEvent(organiser, { capacity: 4 });
		const [occ] = occurrenceIds;
		const big = await join(a, occ, 3);
		const second = await join(b, occ, 1);
		const third = await join(c, occ);
		expect([big.status, second.status, third.status]).toEqual([
			'going',
			'waitlisted',
			'waitlisted'
		]);

		// whichever path changes the party (here the service role, as a support fix would)
		const { error } = await serviceClient()
			.from('registrations')
			.update({ companions: 1 })
			.eq('id', big.id);
		expect(error).toBeNull();
		const after = await statuses(occ);
		expect([after.get(second.id), after.get(third.id)]).toEqual(['going', 'waitlisted']);
		expect(await ruleViolations(occurrenceIds)).toEqual([]);
	});

	it('an account deleted with its registration frees its places', async () => {
		const [organiser, a, b] = await makeUsers(3);
		const { occurrenceIds } = await createEvent(organiser, { capacity: 1 });
		const [occ] = occurrenceIds;
		await join(a, occ);
		const waiting = await join(b, occ);
		const { error } = await serviceClient().from('profiles').delete().eq('id', a);
		expect(error).toBeNull();
		expect((await statuses(occ)).get(waiting.id)).toBe('going');
		expect(await ruleViolations(occurrenceIds)).toEqual([]);
	});

	it('an attendee cancelled by the organiser, and a waiting first in line who leaves, let the next in', async () => {
		const [organiser, a, family, c] = await makeUsers(4);
		const { occurrenceIds } = await createEvent(organiser, { capacity: 3 });
		const [occ] = occurrenceIds;
		const first = await join(a, occ);
		const fam = await join(family, occ, 2);
		const last = await join(c, occ);
		const guest = await addGuest(organiser, occ, '電話 三郎');
		expect([first.status, fam.status, last.status, guest.status]).toEqual([
			'going',
			'waitlisted',
			'waitlisted',
			'waitlisted'
		]);

		// the family (3) no longer wants to wait: the next two fit
		expect(
			(await userClient(family).rpc('cancel_registration', { p_registration: fam.id })).error
		).toBeNull();
		let after = await statuses(occ);
		expect([after.get(last.id), after.get(guest.id)]).toEqual(['going', 'going']);
		expect(await ruleViolations(occurrenceIds)).toEqual([]);

		expect(
			(await userClient(organiser).rpc('cancel_registration', { p_registration: first.id })).error
		).toBeNull();
		after = await statuses(occ);
		expect(after.get(first.id)).toBe('cancelled');
		expect(await ruleViolations(occurrenceIds)).toEqual([]);
	});
});

describe('dates that open again', () => {
	it('a cancelled date is not promoted; restored, it is', async () => {
		const [organiser, a, b] = await makeUsers(3);
		const { id, occurrenceIds } = await createEvent(organiser, {
			capacity: 1,
			repeat: 'weekly',
			count: 2
		});
		const [occ] = occurrenceIds;
		await join(a, occ);
		const waiting = await join(b, occ);
		const db = userClient(organiser);
		expect(
			(
				await db
					.from('event_occurrences')
					.update({ status: 'cancelled', cancel_reason: '台風' })
					.eq('id', occ)
			).error
		).toBeNull();
		expect(await saveEventAgain(organiser, id, { capacity: 2 })).toBeNull();
		expect((await statuses(occ)).get(waiting.id)).toBe('waitlisted');
		expect(await promotedCount(occ)).toBe(0);

		expect(
			(
				await db
					.from('event_occurrences')
					.update({ status: 'scheduled', cancel_reason: null })
					.eq('id', occ)
			).error
		).toBeNull();
		expect((await statuses(occ)).get(waiting.id)).toBe('going');
		expect(await promotedCount(occ)).toBe(1);
		expect(await ruleViolations(occurrenceIds)).toEqual([]);
	});

	it('an ended date is left alone; moved into the future, it is promoted', async () => {
		const [organiser] = await makeUsers(1);
		const { id, occurrenceIds } = await createEvent(organiser, {
			capacity: 1,
			startsAt: new Date(Date.now() - 3 * 86400_000)
		});
		const [occ] = occurrenceIds;
		await addGuest(organiser, occ, '過去 一郎');
		const waiting = await addGuest(organiser, occ, '過去 二郎');
		expect(waiting.status).toBe('waitlisted');
		const { error } = await userClient(organiser)
			.from('events')
			.update({ capacity: 2 })
			.eq('id', id);
		expect(error).toBeNull();
		expect((await statuses(occ)).get(waiting.id)).toBe('waitlisted');

		const start = new Date(Date.now() + 5 * 86400_000);
		const moved = await userClient(organiser)
			.from('event_occurrences')
			.update({
				starts_at: start.toISOString(),
				ends_at: new Date(start.getTime() + 7200_000).toISOString()
			})
			.eq('id', occ);
		expect(moved.error).toBeNull();
		expect((await statuses(occ)).get(waiting.id)).toBe('going');
		expect(await ruleViolations(occurrenceIds)).toEqual([]);
	});
});

describe('under concurrency', () => {
	it('joins racing a capacity raise leave nobody behind free places', async () => {
		const [organiser, ...people] = await makeUsers(81);
		const { id, occurrenceIds } = await createEvent(organiser, { capacity: 5 });
		const [occ] = occurrenceIds;
		const joins = people.map((p) => join(p, occ));
		const raise = (async () => {
			await new Promise((r) => setTimeout(r, 30));
			return saveEventAgain(organiser, id, { capacity: 40 });
		})();
		const [results, raised] = await Promise.all([Promise.all(joins), raise]);
		expect(raised).toBeNull();
		expect(results).toHaveLength(80);
		expect(await ruleViolations(occurrenceIds)).toEqual([]);
		const { data } = await serviceClient()
			.from('event_occurrences')
			.select('going_count')
			.eq('id', occ)
			.single();
		expect(data!.going_count).toBe(40);
	});
});
