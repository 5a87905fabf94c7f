import { describe, expect, it } from 'vitest';
import type { Attendee } from '$lib/server/db/registrations';
import { attendeeCsv, attendeeCsvDisposition, CSV_HEADERS } from '$lib/server/events/attendees-csv';
import { neutralizeCell } from '$lib/server/http/csv';
import { parseCsv } from '../support/csv';

const base: Attendee = {
	id: '1',
	userId: null,
	name: null,
	guest: false,
	phone: null,
	note: null,
	companions: 0,
	status: 'going',
	queuedAt: '2026-12-01T01:05:00Z',
	createdAt: '2026-12-01T01:05:00Z',
	attended: null
};

describe('attendee CSV', () => {
	const csv = attendeeCsv([
		{
			...base,
			id: 'w2',
			userId: 'u3',
			name: '待ち 二郎',
			status: 'waitlisted',
			queuedAt: '2026-12-02T00:00:00Z'
		},
		{ ...base, id: 'c', userId: 'u4', name: '取消 三郎', status: 'cancelled' },
		{
			...base,
			id: 'g',
			name: '電話 花子',
			guest: true,
			phone: '047-000-1234',
			companions: 2,
			note: '車いす, "段差"に配慮',
			attended: true,
			// 15:30 UTC is 00:30 the next day in Tokyo
			queuedAt: '2026-11-30T15:30:00Z'
		},
		{ ...base, id: 'm', userId: 'u1', name: null, attended: false },
		{
			...base,
			id: 'w1',
			userId: 'u2',
			name: '待ち 一郎',
			status: 'waitlisted',
			queuedAt: '2026-12-01T23:00:00Z'
		}
	]);

	it('starts with the UTF-8 BOM so that Excel reads it as UTF-8, and uses CRLF', () => {
		expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(csv.split('\r\n')).toHaveLength(7); // header, 5 rows, the final empty line
	});

	it('has the Japanese header row and the rows in list order, with times in Asia/Tokyo', () => {
		const rows = parseCsv(csv.slice(1));
		expect(rows[0]).toEqual([...CSV_HEADERS]);
		expect(rows[0]).toEqual([
			'氏名',
			'電話',
			'人数（同伴含む）',
			'状態',
			'申込日時',
			'出席',
			'メモ'
		]);
		expect(rows.slice(1)).toEqual([
			[
				'電話 花子',
				'047-000-1234',
				'3',
				'参加',
				'2026/12/01 00:30',
				'出席',
				'車いす, "段差"に配慮'
			],
			['会員（名前非公開）', '', '1', '参加', '2026/12/01 10:05', '欠席', ''],
			['待ち 二郎', '', '1', 'キャンセル待ち（1番目）', '2026/12/02 09:00', '', ''],
			['待ち 一郎', '', '1', 'キャンセル待ち（2番目）', '2026/12/02 08:00', '', ''],
			['取消 三郎', '', '1', 'キャンセル', '2026/12/01 10:05', '', '']
		]);
	});

	it('keeps formulas from running in spreadsheets, but leaves phone numbers alone', () => {
		expect(neutralizeCell('=HYPERLINK("http://evil.example")')).toBe(
			`'=HYPERLINK("http://evil.example")`
		);
		expect(neutralizeCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
		expect(neutralizeCell('-1+2')).toBe('-1+2');
		expect(neutralizeCell('+81 90-0000-0000')).toBe('+81 90-0000-0000');
		expect(neutralizeCell('+cmd|calc')).toBe(`'+cmd|calc`);
		expect(neutralizeCell('山田')).toBe('山田');
		const rows = parseCsv(attendeeCsv([{ ...base, name: '=1+1', guest: true }]).slice(1));
		expect(rows[1][0]).toBe(`'=1+1`);
	});

	it('keeps a note with line breaks in its one cell (a lone LF or CR is quoted too)', () => {
		const rows = parseCsv(attendeeCsv([{ ...base, note: '車いす\n介助あり\r迎え' }]).slice(1));
		expect(rows).toHaveLength(2);
		expect(rows[1][6]).toBe('車いす\n介助あり\r迎え');
	});

	it('names the file in Japanese with an RFC 5987 filename* and an ASCII fallback', () => {
		const value = attendeeCsvDisposition('こども食堂 (12月) / 常盤平\\"*', '2026-12-05T05:00:00Z');
		expect(value).toMatch(/^attachment; filename="attendees-20261205\.csv"; filename\*=UTF-8''/);
		const encoded = value.split("filename*=UTF-8''")[1];
		expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
		expect(decodeURIComponent(encoded)).toBe('参加者名簿_こども食堂 (12月) 常盤平_20261205.csv');
	});
});
