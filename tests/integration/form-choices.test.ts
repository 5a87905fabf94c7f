// What a form lists to choose from is capped (a city's platform holds thousands of
// practices and events); what the form holds now is listed however far down it would
// sort, so that saving it neither drops nor refuses it (db/programmes.ts: the award and
// programme forms).
import { describe, expect, it } from 'vitest';
import { eventOptions, publishedPracticeOptions } from '$lib/server/db/programmes';
import { createTestUser, userClient } from '../support/db';
import { createEvent } from '../support/events';
import { createCoordinator, createOrg, createPractice, suffix } from '../support/recognition';

describe('choices past the cap', () => {
	it('a published practice past the first by title is listed when held; a draft never', async () => {
		const owner = await createTestUser('選択肢 さん');
		const coordinator = await createCoordinator();
		const org = await createOrg(owner);
		const tag = suffix();
		// a digit sorts before kana in any collation: `held` is never the first by title
		await createPractice(org.id, { title: `0${tag}` });
		const held = await createPractice(org.id, { title: `んんん${tag}` });
		const draft = await createPractice(org.id, { title: `んんんん${tag}`, status: 'draft' });
		const db = userClient(coordinator.id);

		const first = await publishedPracticeOptions(db, 1);
		expect(first).toHaveLength(1);
		expect(first[0].id).not.toBe(held);
		const options = await publishedPracticeOptions(db, 1, [held, draft, 'x']);
		expect(options.map((p) => p.id)).toEqual([first[0].id, held]);
		expect(options[1].title).toBe(`んんん${tag}`);
	});

	it('an event held past the latest is listed when held', async () => {
		const owner = await createTestUser('選択肢の主催 さん');
		const coordinator = await createCoordinator();
		const old = await createEvent(owner.id, {
			title: '昔の発表会',
			startsAt: new Date(Date.now() - 30 * 86400_000)
		});
		const db = userClient(coordinator.id);
		const latest = await eventOptions(db, 1);
		expect(latest.map((e) => e.id)).not.toContain(old.id);
		const options = await eventOptions(db, 1, undefined, [old.id]);
		expect(options.map((e) => e.id)).toEqual([latest[0].id, old.id]);
	});
});
