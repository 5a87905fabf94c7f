import { describe, expect, it } from 'vitest';
import { deviceLabel } from '$lib/auth/device';
import { formatDate, formatDateTime } from '$lib/format';
import { formatOriginalDate } from '$lib/events/dates';

describe('dates in Asia/Tokyo', () => {
	it('formats in Japanese with the weekday, whatever the server time zone', () => {
		// 05:00 UTC is 14:00 in Tokyo
		expect(formatDateTime('2026-12-05T05:00:00Z', 'ja')).toBe('2026年12月5日(土) 14:00');
		// 16:00 UTC on the 5th is already the 6th in Tokyo
		expect(formatDate('2026-12-05T16:00:00Z', 'ja')).toBe('2026年12月6日(日)');
		expect(formatDateTime('2026-12-05T05:00:00Z', 'en')).toBe('Sat, 5 Dec 2026 14:00');
	});
});

describe('device labels', () => {
	it.each([
		[
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
			'Safari / iPhone'
		],
		[
			'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36',
			'Chrome / Android'
		],
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0',
			'Edge / Windows'
		],
		['curl/8.0', null],
		[null, null]
	])('%s', (ua, label) => {
		expect(deviceLabel(ua)).toBe(label);
	});
});

describe('formatOriginalDate (where a moved date was first planned)', () => {
	it('names the day, and the time when only the time moved', () => {
		// 2027-01-11T15:00Z is Tuesday 12 January 00:00 in Tokyo
		expect(formatOriginalDate('2027-01-11T15:00:00Z', '2027-01-13T01:00:00Z', 'ja')).toBe(
			'1月12日（火）'
		);
		expect(formatOriginalDate('2027-01-12T01:05:00Z', '2027-01-12T03:00:00Z', 'ja')).toBe(
			'1月12日（火）10:05'
		);
		expect(formatOriginalDate('2027-01-11T15:00:00Z', '2027-01-13T01:00:00Z', 'en')).toBe(
			'Tue 12 Jan'
		);
		expect(formatOriginalDate('2027-01-12T01:05:00Z', '2027-01-12T03:00:00Z', 'en')).toBe(
			'Tue 12 Jan, 10:05'
		);
	});
});
