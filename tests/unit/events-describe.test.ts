import { describe, expect, it } from 'vitest';
import { describeRrule } from '$lib/events/describe';
import { formatEventTime } from '$lib/format';

describe('series in words', () => {
	it.each([
		['FREQ=WEEKLY;BYDAY=TU;COUNT=4', 'ja', '毎週火曜日'],
		['FREQ=MONTHLY;BYDAY=2TU;COUNT=12', 'ja', '毎月第2火曜日'],
		['FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231T145900Z', 'ja', '毎月最終金曜日'],
		['FREQ=MONTHLY;BYDAY=2TU;COUNT=12', 'en', 'The second Tuesday of each month'],
		['FREQ=WEEKLY;BYDAY=SA', 'en', 'Every Saturday']
	])('%s (%s) → %s', (rule, locale, text) => {
		expect(describeRrule(rule, locale)).toBe(text);
	});
	it('says nothing for one-off events', () => {
		expect(describeRrule(null, 'ja')).toBeNull();
	});
});

describe('event times', () => {
	it('shows one day with a time range, several days in full, all-day events by date', () => {
		expect(formatEventTime('2026-12-05T05:00:00Z', '2026-12-05T07:00:00Z', false, 'ja')).toBe(
			'2026年12月5日(土) 14:00〜16:00'
		);
		expect(formatEventTime('2026-12-05T05:00:00Z', '2026-12-06T03:00:00Z', false, 'ja')).toBe(
			'2026年12月5日(土) 14:00〜2026年12月6日(日) 12:00'
		);
		// all day on the 5th in Tokyo: 5th 00:00 to 6th 00:00 (+09:00)
		expect(formatEventTime('2026-12-04T15:00:00Z', '2026-12-05T15:00:00Z', true, 'ja')).toBe(
			'2026年12月5日(土)'
		);
		expect(formatEventTime('2026-12-04T15:00:00Z', '2026-12-06T15:00:00Z', true, 'en')).toBe(
			'Sat, 5 Dec 2026 – Sun, 6 Dec 2026'
		);
	});
});
