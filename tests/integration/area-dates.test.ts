// A date carries its event's area (event_occurrences.area_id, kept by triggers:
// migration 20261211000000_area_dates), so that an area's lists, calendar and
// feeds walk that area's dates alone. The copy must never drift from the event.
import { describe, expect, it } from 'vitest';
import { searchEventSeries, searchOccurrences } from '$lib/server/db/events';
import { createEvent, saveEventAgain } from '../support/events';
import { anonClient, createTestUser, serviceClient } from '../support/db';

async function areaId(slug: string) {
	const { data } = await serviceClient().from('areas').select('id').eq('slug', slug).single();
	return data!.id;
}

async function datesAreas(eventId: string) {
	const { data } = await serviceClient()
		.from('event_occurrences')
		.select('area_id')
		.eq('event_id', eventId);
	return data!.map((o) => o.area_id);
}

describe("a date's area", () => {
	it('comes from the event, follows it to another area, and cannot be set apart from it', async () => {
		const organiser = await createTestUser('地区の主催者');
		const [tokiwadaira, yagiri] = await Promise.all([areaId('tokiwadaira'), areaId('yagiri')]);
		const title = `地区を移るサロン ${Date.now()}`;
		const ev = await createEvent(organiser.id, {
			title,
			repeat: 'weekly',
			count: 3,
			areaSlug: 'tokiwadaira'
		});
		expect(await datesAreas(ev.id)).toEqual([tokiwadaira, tokiwadaira, tokiwadaira]);

		const anon = anonClient();
		const from = new Date();
		const found = async (area: string) => {
			const [series, dates] = await Promise.all([
				searchEventSeries(anon, { from, areaId: area, q: title }, { offset: 0, limit: 20 }),
				searchOccurrences(anon, { from, areaId: area, q: title }, { offset: 0, limit: 20 })
			]);
			return { series: series.cards.length, dates: dates.length };
		};
		expect(await found(tokiwadaira)).toEqual({ series: 1, dates: 3 });
		expect(await found(yagiri)).toEqual({ series: 0, dates: 0 });

		// the organiser moves the event: its dates go with it
		expect(await saveEventAgain(organiser.id, ev.id, { area_id: yagiri })).toBeNull();
		expect(await datesAreas(ev.id)).toEqual([yagiri, yagiri, yagiri]);
		expect(await found(yagiri)).toEqual({ series: 1, dates: 3 });
		expect(await found(tokiwadaira)).toEqual({ series: 0, dates: 0 });

		// whoever writes a date (here with every right), the area stays the event's
		const { error } = await serviceClient()
			.from('event_occurrences')
			.update({ area_id: tokiwadaira })
			.eq('id', ev.occurrenceIds[0]);
		expect(error).toBeNull();
		expect(await datesAreas(ev.id)).toEqual([yagiri, yagiri, yagiri]);

		// and an event without an area has dates without one
		expect(await saveEventAgain(organiser.id, ev.id, { area_id: null })).toBeNull();
		expect(await datesAreas(ev.id)).toEqual([null, null, null]);
	});
});
