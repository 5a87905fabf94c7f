import { describe, expect, it } from 'vitest';
import { formatMonth, monthView, parseMonth, weekdayNames } from '$lib/events/calendar';

describe('month grid', () => {
	it('weeks start on Sunday, days outside the month are empty', () => {
		const v = monthView(2027, 1); // 1 January 2027 is a Friday
		expect(v.weeks[0]).toEqual([null, null, null, null, null, '2027-01-01', '2027-01-02']);
		expect(v.weeks.at(-1)).toEqual(['2027-01-31', null, null, null, null, null, null]);
		expect(v.weeks.flat().filter(Boolean)).toHaveLength(31);
		expect(v.weeks.every((w) => w.length === 7)).toBe(true);
	});

	it('the range is the month in Tokyo time; previous and next across years', () => {
		const v = monthView(2026, 12);
		expect(v.from.toISOString()).toBe('2026-11-30T15:00:00.000Z');
		expect(v.to.toISOString()).toBe('2026-12-31T15:00:00.000Z');
		expect([v.prev, v.next]).toEqual(['2026-11', '2027-01']);
		expect(monthView(2027, 1).prev).toBe('2026-12');
	});

	it('?month is read strictly; otherwise this Tokyo month', () => {
		expect(parseMonth('2027-01')).toEqual({ year: 2027, month: 1 });
		// 2026-12-31 20:00 UTC is already January in Tokyo
		const now = new Date('2026-12-31T20:00:00Z');
		for (const bad of [null, '', '2027-13', '2027-1', '27-01', '2027-01-01', '1999-12']) {
			expect(parseMonth(bad, now)).toEqual({ year: 2027, month: 1 });
		}
	});

	it('names months and weekdays in both languages', () => {
		expect(formatMonth('2027-01', 'ja')).toBe('2027年1月');
		expect(formatMonth('2027-01', 'en')).toBe('January 2027');
		expect(
			weekdayNames('ja')
				.map((w) => w.short)
				.join('')
		).toBe('日月火水木金土');
		expect(weekdayNames('en')[0]).toEqual({ short: 'Sun', long: 'Sunday' });
	});
});
