// save_event keeps a series' occurrences (and their registrations) when the
// time changes, and tells each registrant once.
import { describe, expect, it } from 'vitest';
import { buildRrule, MAX_OCCURRENCES } from '$lib/events/recurrence';
import { createEvent, saveEventAgain } from '../support/events';
import { createTestUser, serviceClient, userClient } from '../support/db';

describe('saving a series again', () => {
	it('moves same-day occurrences in place, drops dates no longer in the rule, and notifies once', async () => {
		const organiser = await createTestUser('主催者');
		const person = await createTestUser('参加者');
		// 10:00 in Tokyo, so that moving it by an hour stays on the same Tokyo day
		const start = new Date(Date.now() + 10 * 86400_000);
		start.setUTCHours(1, 0, 0, 0);
		const ev = await createEvent(organiser.id, { repeat: 'weekly', count: 3, startsAt: start });
		await userClient(person.id).rpc('join_occurrence', {
			p_occurrence: ev.occurrenceIds[0],
			p_companions: 0
		});

		const { data: event } = await serviceClient()
			.from('events')
			.select('*')
			.eq('id', ev.id)
			.single();
		const later = (iso: string) => new Date(Date.parse(iso) + 3600_000).toISOString();
		const { data: occs } = await serviceClient()
			.from('event_occurrences')
			.select('starts_at, ends_at')
			.eq('event_id', ev.id)
			.order('starts_at');
		// one hour later, and only the first two dates
		const { error } = await userClient(organiser.id).rpc('save_event', {
			p_id: ev.id,
			p_event: {
				...event,
				starts_at: later(event!.starts_at),
				ends_at: later(event!.ends_at),
				rrule: 'FREQ=WEEKLY;BYDAY=' + event!.rrule!.split('BYDAY=')[1].split(';')[0] + ';COUNT=2'
			},
			p_field_ids: [],
			p_cohost_ids: [],
			p_occurrences: occs!
				.slice(0, 2)
				.map((o) => ({ starts_at: later(o.starts_at), ends_at: later(o.ends_at) }))
		});
		expect(error).toBeNull();

		const { data: after } = await serviceClient()
			.from('event_occurrences')
			.select('id, starts_at')
			.eq('event_id', ev.id)
			.order('starts_at');
		expect(after!.map((o) => o.id)).toEqual(ev.occurrenceIds.slice(0, 2));
		expect(after![0].starts_at.slice(0, 13)).toBe(later(occs![0].starts_at).slice(0, 13));
		const { data: reg } = await serviceClient()
			.from('registrations')
			.select('status, occurrence_id')
			.eq('user_id', person.id)
			.single();
		expect(reg).toEqual({ status: 'going', occurrence_id: ev.occurrenceIds[0] });
		const { data: notes } = await userClient(person.id)
			.from('notifications')
			.select('kind')
			.eq('event_id', ev.id);
		expect(notes).toEqual([{ kind: 'event_changed' }]);
	});
});

describe('saving the longest series the form allows', () => {
	it(`creates ${MAX_OCCURRENCES} weekly dates, moves them all, then shortens the series, keeping ids and registrations`, async () => {
		const organiser = await createTestUser('長い連続の主催者');
		const person = await createTestUser('長い連続の参加者');
		const start = new Date(Date.now() + 3 * 86400_000);
		start.setUTCHours(1, 0, 0, 0); // 10:00 in Tokyo
		const timed = async <T>(what: () => Promise<T>) => {
			const began = performance.now();
			const result = await what();
			// a generous sanity bound; the measured times are a few tens of ms (statement timeout: 8 s)
			expect(performance.now() - began).toBeLessThan(5000);
			return result;
		};

		const ev = await timed(() =>
			createEvent(organiser.id, { repeat: 'weekly', count: MAX_OCCURRENCES, startsAt: start })
		);
		expect(ev.occurrenceIds).toHaveLength(MAX_OCCURRENCES);
		const first = ev.occurrenceIds[0];
		const last = ev.occurrenceIds[MAX_OCCURRENCES - 1];
		for (const occurrence of [first, last]) {
			const { error } = await userClient(person.id).rpc('join_occurrence', {
				p_occurrence: occurrence,
				p_companions: 0
			});
			expect(error).toBeNull();
		}

		const svc = serviceClient();
		const dates = async () => {
			const { data, error } = await svc
				.from('event_occurrences')
				.select('id, starts_at, ends_at, status')
				.eq('event_id', ev.id)
				.order('starts_at')
				.limit(1000);
			if (error) throw new Error(error.message);
			return data;
		};
		const before = await dates();
		const { data: event } = await svc
			.from('events')
			.select('starts_at, ends_at')
			.eq('id', ev.id)
			.single();
		const later = (iso: string) => new Date(Date.parse(iso) + 3600_000).toISOString();
		const moved = before.map((o) => ({ starts_at: later(o.starts_at), ends_at: later(o.ends_at) }));
		const resave = (occurrences: { starts_at: string; ends_at: string }[], count: number) =>
			saveEventAgain(
				organiser.id,
				ev.id,
				{
					starts_at: occurrences[0].starts_at,
					ends_at: occurrences[0].ends_at,
					rrule: buildRrule({
						repeat: 'weekly',
						startsAt: new Date(occurrences[0].starts_at),
						count
					})
				},
				{ occurrences }
			);

		// every date an hour later: same ids, new times, the registrant told once
		expect(await timed(() => resave(moved, MAX_OCCURRENCES))).toBeNull();
		const after = await dates();
		expect(after.map((o) => o.id)).toEqual(ev.occurrenceIds);
		expect(after.map((o) => Date.parse(o.starts_at))).toEqual(
			moved.map((o) => Date.parse(o.starts_at))
		);
		expect(after.every((o) => o.status === 'scheduled')).toBe(true);
		expect(Date.parse(event!.starts_at)).toBe(Date.parse(before[0].starts_at));
		const { data: regs } = await svc
			.from('registrations')
			.select('occurrence_id, status')
			.eq('user_id', person.id);
		expect(regs!.map((r) => [r.occurrence_id, r.status]).sort()).toEqual(
			[
				[first, 'going'],
				[last, 'going']
			].sort()
		);
		const { data: notes } = await userClient(person.id)
			.from('notifications')
			.select('kind')
			.eq('event_id', ev.id);
		expect(notes).toEqual([{ kind: 'event_changed' }]);

		// 450 dates: the 49 dropped without registrations are deleted, the last one (registered) is cancelled
		expect(await timed(() => resave(moved.slice(0, 450), 450))).toBeNull();
		const shortened = await dates();
		expect(shortened).toHaveLength(451);
		expect(shortened.filter((o) => o.status === 'scheduled').map((o) => o.id)).toEqual(
			ev.occurrenceIds.slice(0, 450)
		);
		expect(shortened.filter((o) => o.status === 'cancelled').map((o) => o.id)).toEqual([last]);
		const { data: told } = await userClient(person.id)
			.from('notifications')
			.select('kind, occurrence_id')
			.eq('event_id', ev.id)
			.order('created_at');
		expect(told).toEqual([
			{ kind: 'event_changed', occurrence_id: null },
			{ kind: 'occurrence_cancelled', occurrence_id: last }
		]);
	});
});
