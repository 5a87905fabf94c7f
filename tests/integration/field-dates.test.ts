// A field's dates (private.occurrence_fields, kept by triggers: migration
// 20261218200000_field_dates): a row per date and field of its event, with the
// date's area and start, so that lists filtered by a field walk that field's
// dates alone. The copy must never drift from the event, its fields and dates.
import { describe, expect, it } from 'vitest';
import { searchEventSeries, searchOccurrences } from '$lib/server/db/events';
import { createEvent, saveEventAgain } from '../support/events';
import { anonClient, createTestUser, serviceClient } from '../support/db';
import { sql } from '../support/mail';

async function ids(table: 'areas' | 'fields', slugs: string[]) {
	const { data } = await serviceClient().from(table).select('id, slug').in('slug', slugs);
	return slugs.map((s) => data!.find((r) => r.slug === s)!.id);
}

/** The event's rows, as "field area start" sorted, and the same made from its dates and fields. */
async function rowsOf(eventId: string) {
	const stored = await sql<{ row: string }>(
		`select field_id || ' ' || coalesce(area_id::text, '-') || ' ' || starts_at::text as row
		from private.occurrence_fields where event_id = $1 order by 1`,
		[eventId]
	);
	const expected = await sql<{ row: string }>(
		`select f.field_id || ' ' || coalesce(o.area_id::text, '-') || ' ' || o.starts_at::text as row
		from public.event_occurrences o join public.event_fields f on f.event_id = o.event_id
		where o.event_id = $1 order by 1`,
		[eventId]
	);
	return { stored: stored.map((r) => r.row), expected: expected.map((r) => r.row) };
}

describe("a field's dates", () => {
	it('follow the event: its fields, area and dates; lists filtered by a field find it', async () => {
		const organiser = await createTestUser('分野の主催者');
		const [children, elderly, health] = await ids('fields', ['children', 'elderly', 'health']);
		const [tokiwadaira, yagiri] = await ids('areas', ['tokiwadaira', 'yagiri']);
		const title = `分野を持つサロン ${Date.now()}`;
		const ev = await createEvent(organiser.id, {
			title,
			repeat: 'weekly',
			count: 3,
			areaSlug: 'tokiwadaira',
			fieldIds: [children, elderly]
		});
		let rows = await rowsOf(ev.id);
		expect(rows.stored).toHaveLength(6);
		expect(rows.stored).toEqual(rows.expected);

		const anon = anonClient();
		const from = new Date();
		const found = async (fieldId: string, areaId?: string) => {
			const filters = { from, fieldId, areaId, q: title };
			const [series, dates] = await Promise.all([
				searchEventSeries(anon, filters, { offset: 0, limit: 20 }),
				searchOccurrences(anon, filters, { offset: 0, limit: 20 })
			]);
			return { series: series.cards.length, total: series.total, dates: dates.length };
		};
		expect(await found(children)).toEqual({ series: 1, total: 1, dates: 3 });
		expect(await found(elderly, tokiwadaira)).toEqual({ series: 1, total: 1, dates: 3 });
		expect(await found(elderly, yagiri)).toEqual({ series: 0, total: 0, dates: 0 });
		expect(await found(health)).toEqual({ series: 0, total: 0, dates: 0 });

		// the organiser changes the fields, the area and moves the second date
		const { data: dates } = await serviceClient()
			.from('event_occurrences')
			.select('starts_at, ends_at')
			.eq('event_id', ev.id)
			.order('starts_at');
		const moved = dates!.map((d, i) =>
			i === 1
				? {
						starts_at: new Date(Date.parse(d.starts_at) + 3600_000).toISOString(),
						ends_at: new Date(Date.parse(d.ends_at) + 3600_000).toISOString()
					}
				: d
		);
		const { error: fieldsError } = await serviceClient()
			.from('event_fields')
			.delete()
			.eq('event_id', ev.id)
			.eq('field_id', children);
		expect(fieldsError).toBeNull();
		expect(
			await saveEventAgain(organiser.id, ev.id, { area_id: yagiri }, { occurrences: moved })
		).toBeNull();
		rows = await rowsOf(ev.id);
		expect(rows.stored).toHaveLength(3);
		expect(rows.stored).toEqual(rows.expected);
		expect(await found(children)).toEqual({ series: 0, total: 0, dates: 0 });
		expect(await found(elderly, yagiri)).toEqual({ series: 1, total: 1, dates: 3 });
		expect(await found(elderly, tokiwadaira)).toEqual({ series: 0, total: 0, dates: 0 });

		// a field added directly, a date removed: the rows follow
		const added = await serviceClient()
			.from('event_fields')
			.insert({ event_id: ev.id, field_id: health });
		expect(added.error).toBeNull();
		const { data: all } = await serviceClient()
			.from('event_occurrences')
			.select('id')
			.eq('event_id', ev.id)
			.order('starts_at');
		const removed = await serviceClient().from('event_occurrences').delete().eq('id', all![2].id);
		expect(removed.error).toBeNull();
		rows = await rowsOf(ev.id);
		expect(rows.stored).toHaveLength(4);
		expect(rows.stored).toEqual(rows.expected);
		expect(await found(health, yagiri)).toEqual({ series: 1, total: 1, dates: 2 });
	});
});
