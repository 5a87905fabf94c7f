import { describe, expect, it } from 'vitest';
import { createEvent } from '../support/events';
import { anonClient, createTestUser, userClient } from '../support/db';

describe('events foundation', () => {
	it('creates a monthly series with its occurrences; drafts stay hidden from others', async () => {
		const organiser = await createTestUser('主催 さん');
		const series = await createEvent(organiser.id, { repeat: 'monthly', count: 3, capacity: 3 });
		expect(series.occurrenceIds).toHaveLength(3);
		const draft = await createEvent(organiser.id, { status: 'draft' });
		expect((await anonClient().from('events').select('id').eq('id', draft.id)).data).toEqual([]);
		expect((await anonClient().from('events').select('id').eq('id', series.id)).data).toHaveLength(
			1
		);
		const mine = await userClient(organiser.id).from('events').select('id').eq('id', draft.id);
		expect(mine.data).toHaveLength(1);
	});
});
