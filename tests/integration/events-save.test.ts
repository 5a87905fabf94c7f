// save_event keeps a series' occurrences (and their registrations) when the
// time changes, and tells each registrant once.
import { describe, expect, it } from 'vitest';
import { asUser, createEvent } from '../support/events';
import { createTestUser, serviceClient } from './helpers';

describe('saving a series again', () => {
	it('moves same-day occurrences in place, drops dates no longer in the rule, and notifies once', async () => {
		const organiser = await createTestUser('主催者');
		const person = await createTestUser('参加者');
		// 10:00 in Tokyo, so that moving it by an hour stays on the same Tokyo day
		const start = new Date(Date.now() + 10 * 86400_000);
		start.setUTCHours(1, 0, 0, 0);
		const ev = await createEvent(organiser.id, { repeat: 'weekly', count: 3, startsAt: start });
		await asUser(person.id).rpc('join_occurrence', { p_occurrence: ev.occurrenceIds[0], p_companions: 0 });

		const { data: event } = await serviceClient().from('events').select('*').eq('id', ev.id).single();
		const later = (iso: string) => new Date(Date.parse(iso) + 3600_000).toISOString();
		const { data: occs } = await serviceClient().from('event_occurrences').select('starts_at, ends_at').eq('event_id', ev.id).order('starts_at');
		// one hour later, and only the first two dates
		const { error } = await asUser(organiser.id).rpc('save_event', {
			p_id: ev.id,
			p_event: { ...event, starts_at: later(event!.starts_at), ends_at: later(event!.ends_at), rrule: 'FREQ=WEEKLY;BYDAY=' + event!.rrule!.split('BYDAY=')[1].split(';')[0] + ';COUNT=2' },
			p_field_ids: [],
			p_cohost_ids: [],
			p_occurrences: occs!.slice(0, 2).map((o) => ({ starts_at: later(o.starts_at), ends_at: later(o.ends_at) }))
		});
		expect(error).toBeNull();

		const { data: after } = await serviceClient().from('event_occurrences').select('id, starts_at').eq('event_id', ev.id).order('starts_at');
		expect(after!.map((o) => o.id)).toEqual(ev.occurrenceIds.slice(0, 2));
		expect(after![0].starts_at.slice(0, 13)).toBe(later(occs![0].starts_at).slice(0, 13));
		const { data: reg } = await serviceClient().from('registrations').select('status, occurrence_id').eq('user_id', person.id).single();
		expect(reg).toEqual({ status: 'going', occurrence_id: ev.occurrenceIds[0] });
		const { data: notes } = await asUser(person.id).from('notifications').select('kind').eq('event_id', ev.id);
		expect(notes).toEqual([{ kind: 'event_changed' }]);
	});
});
