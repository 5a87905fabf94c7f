// 「イベント一覧」 rows: the standard's columns in its order and names, then
// 圏域 and 分野; dates YYYY-MM-DD and times hh:mm in Tokyo; all-day dates
// without times; several values separated by 「;」; CSV with a BOM, read back
// by an independent parser.
import { describe, expect, it } from 'vitest';
import type { OpenDataEvent } from '$lib/server/db/opendata';
import { EVENT_COLUMNS, eventRecords, eventsCsv } from '$lib/server/opendata/events';
import { parseCsv } from '../support/csv';

// the list, as the Digital Agency publishes it
const STANDARD =
	'都道府県コード又は市区町村コード, NO, 都道府県名, 市区町村名, イベント名, イベント名_カナ, イベント名_英語, 開始日, 終了日, 開始時間, 終了時間, 開始日時特記事項, 説明, 料金(基本), 料金(詳細), 連絡先名称, 連絡先電話番号, 連絡先内線番号, 主催者, 場所名称, 住所, 方書, 緯度, 経度, アクセス方法, 駐車場情報, 定員, 参加申込終了日, 参加申込終了時間, 参加申込方法, URL, 備考'.split(
		', '
	);

const base: OpenDataEvent = {
	occurrenceId: 'o1',
	eventId: 'e1',
	title: 'ささえあいフォーラム',
	summary: '地域の困りごとを話し合います',
	// 10:00–12:00 in Tokyo on Saturday 5 December 2026
	startsAt: '2026-12-05T01:00:00Z',
	endsAt: '2026-12-05T03:00:00Z',
	allDay: false,
	rrule: 'FREQ=MONTHLY;BYDAY=1SA;COUNT=6',
	fee: '無料',
	contactName: '常盤平地区社協',
	contactPhone: '047-000-0000',
	organizationName: '常盤平こども食堂の会',
	venueName: '常盤平市民センター',
	venueAddress: '千葉県松戸市常盤平3-30',
	onlineUrl: null,
	capacity: 30,
	// 18:00 on 3 December in Tokyo
	registrationClosesAt: '2026-12-03T09:00:00Z',
	howToApply: '電話かWebで',
	deadlineNote: '前日まで',
	audienceNote: 'どなたでも',
	accessibility: '車いす可',
	areaName: '常盤平',
	fieldNames: ['福祉', '高齢者']
};
const ctx = {
	municipality: { code: '122076', prefecture: '千葉県', name: '松戸市' },
	eventUrl: (id: string) => `https://tsunagu.example/events/${id}`
};

describe('イベント一覧', () => {
	it('has every column of the standard in its order, then 圏域 and 分野', () => {
		expect(EVENT_COLUMNS).toEqual([...STANDARD, '圏域', '分野']);
	});

	it('writes dates, times and several values as the standard asks', () => {
		const [row] = eventRecords([base], ctx);
		expect(row).toMatchObject({
			都道府県コード又は市区町村コード: '122076',
			NO: '1',
			都道府県名: '千葉県',
			市区町村名: '松戸市',
			開始日: '2026-12-05',
			終了日: '2026-12-05',
			開始時間: '10:00',
			終了時間: '12:00',
			開始日時特記事項: '毎月第1土曜日',
			'料金(基本)': '無料',
			主催者: '常盤平こども食堂の会',
			定員: '30',
			参加申込終了日: '2026-12-03',
			参加申込終了時間: '18:00',
			参加申込方法: '電話かWebで;前日まで',
			URL: 'https://tsunagu.example/events/e1',
			備考: 'どなたでも;車いす可',
			圏域: '常盤平',
			分野: '福祉;高齢者'
		});
	});

	it('leaves the times of an all-day date empty and ends it on its last day', () => {
		const [row] = eventRecords(
			[
				{
					...base,
					allDay: true,
					rrule: null,
					startsAt: '2026-12-04T15:00:00Z',
					endsAt: '2026-12-06T15:00:00Z',
					venueName: null,
					onlineUrl: 'https://meet.example/x',
					capacity: null,
					registrationClosesAt: null
				}
			],
			ctx
		);
		expect(row).toMatchObject({
			開始日: '2026-12-05',
			終了日: '2026-12-06',
			開始時間: '',
			終了時間: '',
			開始日時特記事項: '',
			場所名称: 'オンライン',
			定員: '',
			参加申込終了日: ''
		});
	});

	it('is a CSV with a BOM whose first row is the header, numbered rows after it', () => {
		const csv = eventsCsv(eventRecords([base, { ...base, eventId: 'e2', title: '=SUM(A1)' }], ctx));
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const rows = parseCsv(csv.slice(1));
		expect(rows[0]).toEqual([...STANDARD, '圏域', '分野']);
		expect(rows.slice(1).map((r) => r[1])).toEqual(['1', '2']);
		// a spreadsheet never runs a title as a formula
		expect(rows[2][4]).toBe("'=SUM(A1)");
		expect(csv).toContain('\r\n');
	});
});
