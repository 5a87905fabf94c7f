// The version of what the public feeds show (migration
// 20261218000000_public_events_version): /calendar.ics makes its ETag from it
// and answers a poll 304 without reading a date, so every change a feed can
// show must move it, once per transaction, and what a feed does not show
// (who joined) must not. One file at a time (fileParallelism: false): nothing
// else writes to this stack while a test reads the number twice.
import { describe, expect, it } from 'vitest';
import { publicEventsVersion } from '$lib/server/db/events';
import { createEvent } from '../support/events';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';

const version = () => publicEventsVersion(anonClient());

describe('public events version', () => {
	it('anybody reads it; nobody sets it', async () => {
		const v = await version();
		expect(Number.isInteger(v)).toBe(true);
		// the table is in a schema PostgREST does not serve, the function only reads
		const write = await anonClient()
			.schema('private' as 'public')
			.from('public_events_version' as 'events')
			.update({ title: 'x' })
			.neq('id', '00000000-0000-0000-0000-000000000000');
		expect(write.error).not.toBeNull();
		expect(await version()).toBe(v);
	});

	it('moves with what a feed shows: an event, its dates, its fields, names', async () => {
		const organiser = await createTestUser('版 主催者');
		const v0 = await version();
		const event = await createEvent(organiser.id, {
			title: 'バージョンの会',
			repeat: 'weekly',
			count: 4
		});
		const v1 = await version();
		expect(v1).toBeGreaterThan(v0);

		// one statement over many rows, in one transaction: one step
		const service = serviceClient();
		const { error: cancel } = await service
			.from('event_occurrences')
			.update({ status: 'cancelled' })
			.in('id', event.occurrenceIds.slice(1));
		expect(cancel).toBeNull();
		expect(await version()).toBe(v1 + 1);

		const { error: retitle } = await service
			.from('events')
			.update({ title: 'バージョンの会（改）' })
			.eq('id', event.id);
		expect(retitle).toBeNull();
		expect(await version()).toBe(v1 + 2);

		const { data: field } = await service.from('fields').select('id').limit(1).single();
		const { error: tag } = await service
			.from('event_fields')
			.insert({ event_id: event.id, field_id: field!.id });
		expect(tag).toBeNull();
		expect(await version()).toBe(v1 + 3);

		const { data: area } = await service.from('areas').select('id, name_ja').limit(1).single();
		const { error: rename } = await service
			.from('areas')
			.update({ name_ja: area!.name_ja })
			.eq('id', area!.id);
		expect(rename).toBeNull();
		expect(await version()).toBe(v1 + 4);
	});

	it('stays when people join and leave (a feed does not show who joined)', async () => {
		const organiser = await createTestUser('版 主催者2');
		const member = await createTestUser('版 参加者');
		const { occurrenceIds } = await createEvent(organiser.id, { title: '参加の会' });
		const before = await version();
		const joined = await userClient(member.id).rpc('join_occurrence', {
			p_occurrence: occurrenceIds[0]
		});
		expect(joined.error).toBeNull();
		const { data: counted } = await serviceClient()
			.from('event_occurrences')
			.select('going_count')
			.eq('id', occurrenceIds[0])
			.single();
		expect(counted?.going_count).toBe(1);
		expect(await version()).toBe(before);
	});
});
