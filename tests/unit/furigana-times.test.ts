import { describe, expect, it } from 'vitest';
import { gentleTimes } from '$lib/furigana/times';

describe('gentleTimes: the 24-hour clock the やさしい way', () => {
	it('a range, as the guideline writes it', () => {
		expect(gentleTimes('2027年1月12日(火) 10:00〜12:00')).toBe(
			'2027年1月12日(火) ごぜん10時から ごご0時まで'
		);
		expect(gentleTimes('19:49〜21:49')).toBe('ごご7時49分から ごご9時49分まで');
		expect(gentleTimes('9:30~11:00')).toBe('ごぜん9時30分から ごぜん11時まで');
	});
	it('a range across days, and days', () => {
		expect(gentleTimes('2026年12月10日(木) 22:08〜2026年12月11日(金) 0:08')).toBe(
			'2026年12月10日(木) ごご10時8分から 2026年12月11日(金) ごぜん0時8分まで'
		);
		expect(gentleTimes('12月5日(土) 14:00〜12月6日(日) 12:00')).toBe(
			'12月5日(土) ごご2時から 12月6日(日) ごご0時まで'
		);
		expect(gentleTimes('2026年12月10日(木)〜2026年12月12日(土)')).toBe(
			'2026年12月10日(木)から 2026年12月12日(土)まで'
		);
		expect(gentleTimes('月〜金 営業')).toBe('月〜金 営業');
	});
	it('one time, and an open end', () => {
		expect(gentleTimes('受付 13:30')).toBe('受付 ごご1時30分');
		expect(gentleTimes('0:15')).toBe('ごぜん0時15分');
		expect(gentleTimes('18:00〜')).toBe('ごご6時から');
	});
	it('leaves what is not a time of day', () => {
		for (const text of [
			'比率 3:2',
			'25:00',
			'1:2:3',
			'https://example.jp:8080/',
			'v1.10:30',
			'10時30分'
		])
			expect(gentleTimes(text)).toBe(text);
	});
});

describe('the reader with ふりがな on', () => {
	it('reads a date and time range the やさしい way, with readings over the date', async () => {
		const { furiganaReader } = await import('$lib/furigana/reader');
		const html = furiganaReader({}, {}).read('2027年1月12日(火) 10:00〜12:00', false, undefined);
		const text = html.replace(/<rt[^>]*>[^<]*<\/rt>|<\/?ruby>/g, '');
		expect(text).toBe('2027年1月12日(火) ごぜん10時から ごご0時まで');
		expect(html).toContain('12<ruby>日<rt aria-hidden="true">にち</rt></ruby>');
		expect(html).toContain('(<ruby>火<rt aria-hidden="true">か</rt></ruby>)');
		expect(html).toContain('10<ruby>時<rt aria-hidden="true">じ</rt></ruby>から');
	});
});
