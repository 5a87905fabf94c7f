// The month calendar at scale (issue 13): at most CALENDAR_PER_DAY dates a Tokyo day, the
// earliest first, and each day's total for 「ほか◯件」; drafts neither shown nor counted.
import { describe, expect, it } from 'vitest';
import { CALENDAR_PER_DAY, calendarMonth } from '$lib/server/db/events';
import { createEvent } from '../support/events';
import { anonClient, createTestUser } from '../support/db';

describe('calendarMonth', () => {
	it('shows three dates of a busy day, counts all of them, and nothing of a draft', async () => {
		const organiser = await createTestUser('月表示 主催者');
		const tag = `月表示${Date.now() % 100000}`;
		// 2031-03-10 in Tokyo, from 09:00 every half hour; one cancelled, one draft
		const at = (i: number) => new Date(Date.UTC(2031, 2, 10, 0, 30 * i));
		for (let i = 0; i < 8; i++)
			await createEvent(organiser.id, {
				title: `${tag} ${i}`,
				startsAt: at(i),
				status: 'published'
			});
		await createEvent(organiser.id, { title: `${tag} 中止`, startsAt: at(8), status: 'cancelled' });
		await createEvent(organiser.id, { title: `${tag} 下書き`, startsAt: at(9), status: 'draft' });
		// and one on the next day
		await createEvent(organiser.id, {
			title: `${tag} 翌日`,
			startsAt: new Date(Date.UTC(2031, 2, 11, 1)),
			status: 'published'
		});

		const month = await calendarMonth(anonClient(), {
			q: tag,
			// March 2031 in Tokyo
			from: new Date(Date.UTC(2031, 1, 28, 15)),
			to: new Date(Date.UTC(2031, 2, 31, 15))
		});
		expect(CALENDAR_PER_DAY).toBe(3);
		expect(month.dayTotals).toEqual({ '2031-03-10': 9, '2031-03-11': 1 });
		expect(month.occurrences.map((o) => o.event.title)).toEqual([
			...[0, 1, 2].map((i) => `${tag} ${i}`),
			`${tag} 翌日`
		]);
	});
});
