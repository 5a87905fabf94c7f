import { describe, expect, it } from 'vitest';
import {
	buildRrule,
	expandRrule,
	MAX_OCCURRENCES,
	nthWeekday,
	repeatOf,
	tokyoInstant
} from '$lib/events/recurrence';
import { formatDateTime } from '$lib/format';

const at = (date: string, time = '14:00') => tokyoInstant(date, time)!;

describe('recurrence', () => {
	it('reads Tokyo wall-clock input and refuses impossible dates', () => {
		expect(at('2026-12-08').toISOString()).toBe('2026-12-08T05:00:00.000Z');
		expect(tokyoInstant('2026-02-30', '10:00')).toBeNull();
		expect(tokyoInstant('2026-12-08', '25:00')).toBeNull();
		expect(tokyoInstant('2026-12-08', '24:00')).toBeNull();
		expect(tokyoInstant('2026-12-08', '23:60')).toBeNull();
		expect(tokyoInstant('2026-13-01')).toBeNull();
		expect(tokyoInstant('2026-00-10')).toBeNull();
		expect(tokyoInstant('0000-01-01')).toBeNull();
		expect(tokyoInstant('0099-12-31')).toBeNull();
		expect(tokyoInstant('2026-12-31', '23:59')?.toISOString()).toBe('2026-12-31T14:59:00.000Z');
	});

	it('every Tuesday, 4 times, at the same Tokyo time', () => {
		const start = at('2026-12-08', '10:00'); // a Tuesday
		const rule = buildRrule({ repeat: 'weekly', startsAt: start, count: 4 });
		expect(rule).toBe('FREQ=WEEKLY;BYDAY=TU;COUNT=4');
		expect(expandRrule(rule, start).map((d) => formatDateTime(d, 'ja'))).toEqual([
			'2026年12月8日(火) 10:00',
			'2026年12月15日(火) 10:00',
			'2026年12月22日(火) 10:00',
			'2026年12月29日(火) 10:00'
		]);
	});

	it('the second Tuesday of each month until a date (inclusive)', () => {
		const start = at('2026-12-08', '13:30'); // second Tuesday
		expect(nthWeekday(start)).toBe(2);
		const rule = buildRrule({ repeat: 'monthly', startsAt: start, until: '2027-03-09' });
		expect(rule).toMatch(/^FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270309T145900Z$/);
		expect(expandRrule(rule, start).map((d) => formatDateTime(d, 'ja'))).toEqual([
			'2026年12月8日(火) 13:30',
			'2027年1月12日(火) 13:30',
			'2027年2月9日(火) 13:30',
			'2027年3月9日(火) 13:30'
		]);
		expect(repeatOf(rule)).toEqual({ repeat: 'monthly', count: null, until: '2027-03-09' });
	});

	it('a fifth weekday means the last one of the month', () => {
		expect(nthWeekday(at('2026-12-29'))).toBe(-1);
	});

	it('an evening start near midnight stays on its Tokyo day', () => {
		const start = at('2026-12-07', '23:30'); // Monday night in Tokyo, Monday 14:30 UTC
		const rule = buildRrule({ repeat: 'weekly', startsAt: start, count: 2 });
		expect(rule).toBe('FREQ=WEEKLY;BYDAY=MO;COUNT=2');
		expect(expandRrule(rule, start).map((d) => d.toISOString())).toEqual([
			'2026-12-07T14:30:00.000Z',
			'2026-12-14T14:30:00.000Z'
		]);
	});

	it('stops one past the maximum so that "too many" can be told', () => {
		const start = at('2026-12-08');
		const rule = buildRrule({ repeat: 'weekly', startsAt: start, until: '2040-12-31' });
		expect(expandRrule(rule, start)).toHaveLength(MAX_OCCURRENCES + 1);
	});
});
