// Pure pieces of what an event page, card and flyer say: the Google Calendar
// link, short codes, the description's first lines, and moved or cancelled
// dates of a series.
import { describe, expect, it } from 'vitest';
import { exceptions, movedFrom, nextScheduled } from '$lib/events/dates';
import { googleCalendarUrl } from '$lib/events/google-calendar';
import { firstLines, markdownLines } from '$lib/events/plain-text';
import { tokyoInstant } from '$lib/events/recurrence';
import { normalizeShortCode, SHORT_CODE, SHORT_CODE_ALPHABET } from '$lib/events/short-code';

const iso = (date: string, time: string) => tokyoInstant(date, time)!.toISOString();

describe('Google Calendar link', () => {
	it('carries title, Tokyo wall-clock times with ctz, details and place', () => {
		const url = new URL(
			googleCalendarUrl({
				title: 'ふれあいサロン & お茶会',
				// 08:30 Tokyo is 23:30 UTC the day before: the link must say the Tokyo day
				startsAt: iso('2027-01-12', '08:30'),
				endsAt: iso('2027-01-12', '10:00'),
				allDay: false,
				details: 'お茶を飲みながら\n\nhttps://tsunagu.example/events/1',
				location: '常盤平市民センター 千葉県松戸市常盤平3-30'
			})
		);
		expect(`${url.origin}${url.pathname}`).toBe('https://calendar.google.com/calendar/render');
		expect(url.searchParams.get('action')).toBe('TEMPLATE');
		expect(url.searchParams.get('text')).toBe('ふれあいサロン & お茶会');
		expect(url.searchParams.get('dates')).toBe('20270112T083000/20270112T100000');
		expect(url.searchParams.get('ctz')).toBe('Asia/Tokyo');
		expect(url.searchParams.get('details')).toBe(
			'お茶を飲みながら\n\nhttps://tsunagu.example/events/1'
		);
		expect(url.searchParams.get('location')).toBe('常盤平市民センター 千葉県松戸市常盤平3-30');
		// spaces as %20, not "+", and no raw "&" from the title
		expect(url.search).toContain('text=%E3%81%B5');
		expect(url.search).not.toContain('+');
	});

	it('gives an all-day event dates only, the last day exclusive', () => {
		const url = new URL(
			googleCalendarUrl({
				title: '防災フェア',
				startsAt: iso('2027-03-06', '00:00'),
				endsAt: iso('2027-03-08', '00:00'),
				allDay: true
			})
		);
		expect(url.searchParams.get('dates')).toBe('20270306/20270308');
		expect(url.searchParams.has('details')).toBe(false);
		expect(url.searchParams.has('location')).toBe(false);
	});
});

describe('short codes', () => {
	it('use 32 symbols without look-alikes, as the database check does', () => {
		expect(SHORT_CODE_ALPHABET).toHaveLength(32);
		expect(new Set(SHORT_CODE_ALPHABET).size).toBe(32);
		for (const c of '01lo') expect(SHORT_CODE_ALPHABET).not.toContain(c);
		for (const c of SHORT_CODE_ALPHABET) expect(SHORT_CODE.test(c.repeat(6))).toBe(true);
		for (const c of '01loO') expect(SHORT_CODE.test(`abc23${c}`)).toBe(false);
	});

	it('are read as people type them: capitals, full width, spaces and hyphens forgiven', () => {
		expect(normalizeShortCode('abc234')).toBe('abc234');
		expect(normalizeShortCode('ABC234')).toBe('abc234');
		expect(normalizeShortCode('ＡＢＣ２３４')).toBe('abc234');
		expect(normalizeShortCode(' abc-234 ')).toBe('abc234');
		expect(normalizeShortCode('abc 234')).toBe('abc234');
	});

	it('refuse what cannot be a code', () => {
		for (const typed of ['', 'abc23', 'abc2345', 'abc10o', 'abcl23', '../etc', 'あいうえおか'])
			expect(normalizeShortCode(typed), typed).toBeNull();
	});
});

describe("the description's first lines as plain text", () => {
	const body = [
		'## 内容',
		'',
		'毎週土曜日の午前、**集会所**で[子ども食堂](https://example.org)の準備をします。',
		'',
		'- エプロンをお持ちください',
		'- 中学生以上の方が対象です',
		'',
		'```',
		'code is not text',
		'```',
		'> 雨天決行'
	].join('\n');

	it('drops marks, links and code, keeps the words', () => {
		expect(markdownLines(body)).toEqual([
			'内容',
			'毎週土曜日の午前、集会所で子ども食堂の準備をします。',
			'・エプロンをお持ちください',
			'・中学生以上の方が対象です',
			'雨天決行'
		]);
		expect(markdownLines('<script>alert(1)</script>*とても* _大事_ `x`')).toEqual([
			'alert(1)とても 大事 x'
		]);
	});

	it('takes the first lines, and cuts a long one with "…"', () => {
		expect(firstLines(body, 3)).toEqual([
			'内容',
			'毎週土曜日の午前、集会所で子ども食堂の準備をします。',
			'・エプロンをお持ちください'
		]);
		expect(firstLines('あ'.repeat(200), 3, 50)).toEqual([`${'あ'.repeat(49)}…`]);
		expect(firstLines('いい\n\nううう', 3, 4)).toEqual(['いい', 'う…']);
		expect(firstLines('')).toEqual([]);
	});
});

describe('moved and cancelled dates', () => {
	const date = (
		start: string,
		original = start,
		status: 'scheduled' | 'cancelled' = 'scheduled'
	) => ({
		startsAt: start,
		endsAt: new Date(new Date(start).getTime() + 2 * 3600_000).toISOString(),
		originalStartsAt: original,
		status
	});

	it('says where a moved date was first planned', () => {
		const moved = date(iso('2027-01-13', '14:00'), iso('2027-01-12', '10:00'));
		expect(movedFrom(moved, 'ja')).toBe('1月12日（火）');
		expect(movedFrom(moved, 'en')).toBe('Tue 12 Jan');
		// only the time changed: the old time too
		expect(movedFrom(date(iso('2027-01-12', '13:00'), iso('2027-01-12', '10:00')), 'ja')).toBe(
			'1月12日（火）10:00'
		);
		expect(movedFrom(date(iso('2027-01-12', '10:00')), 'ja')).toBeNull();
	});

	it('counts what the rule no longer describes, and finds the next date that will happen', () => {
		const dates = [
			date(iso('2027-01-05', '10:00'), iso('2027-01-05', '10:00'), 'cancelled'),
			date(iso('2027-01-13', '10:00'), iso('2027-01-12', '10:00')),
			date(iso('2027-01-19', '10:00'))
		];
		expect(exceptions(dates)).toEqual({ moved: 1, cancelled: 1 });
		expect(nextScheduled(dates, new Date(iso('2027-01-01', '00:00')).getTime())).toBe(dates[1]);
		expect(nextScheduled(dates, new Date(iso('2027-01-20', '00:00')).getTime())).toBeUndefined();
	});
});
