// A coordinator's CSV import of places: UTF-8 or Shift_JIS; the format told by
// the header; every error code on a Japanese row that has it and on one that
// does not; 平日 narrowed by 定休日, 利用可能曜日 in its spellings; the rows
// matched to places by name and address; and Tsunagu's own open data read back
// changing nothing.
import { describe, expect, it } from 'vitest';
import type { PlaceInput } from '$lib/places/types';
import { csvFile } from '$lib/server/http/csv';
import {
	facilityCsv,
	facilityRecords,
	kayoinobaCsv,
	kayoinobaRecords,
	type OpenDataPlace
} from '$lib/server/opendata/places';
import {
	MAX_IMPORT_ROWS,
	decodeCsv,
	importKey,
	parseImport,
	planImport,
	type ImportContext,
	type ImportError,
	type ImportPlace,
	type ImportRow
} from '$lib/server/places/import';

/** A CSV of the rows, its header the first row's keys (as csvFile writes it). */
const csv = (rows: Record<string, string>[]) => {
	const header = Object.keys(rows[0]);
	return csvFile(
		header,
		rows.map((r) => header.map((h) => r[h] ?? ''))
	);
};
const ADDRESS = '所在地（都道府県から番地まで）';
const parsed = (text: string) => {
	const result = parseImport(text);
	if (!result.ok) throw new Error(result.reason);
	return result;
};
/** One MHLW row (名称 and 所在地 given unless overridden). */
const mhlw = (cells: Record<string, string>): ImportRow =>
	parsed(csv([{ 名称: 'ときわ平サロン', [ADDRESS]: '松戸市常盤平3-30', ...cells }])).rows[0];
/** One facilities row. */
const facility = (cells: Record<string, string>): ImportRow =>
	parsed(csv([{ 名称: '五香公民館', 住所: '松戸市五香1-1', ...cells }])).rows[0];
const errorsOf = (row: ImportRow): ImportError[] => ('errors' in row ? row.errors : []);
const placeOf = (row: ImportRow): ImportPlace => {
	if ('errors' in row) throw new Error(JSON.stringify(row.errors));
	return row.place;
};

describe('decodeCsv', () => {
	it('reads UTF-8 with or without a BOM', () => {
		const text = '名称,住所\r\nサロン,松戸';
		expect(decodeCsv(new TextEncoder().encode(text))).toBe(text);
		expect(decodeCsv(new TextEncoder().encode('\uFEFF' + text))).toBe(text);
	});

	it('reads Shift_JIS when the bytes are not UTF-8', () => {
		// 名称,住所 CRLF サロン,松戸 in Shift_JIS
		const bytes = new Uint8Array([
			0x96, 0xbc, 0x8f, 0xcc, 0x2c, 0x8f, 0x5a, 0x8f, 0x8a, 0x0d, 0x0a, 0x83, 0x54, 0x83, 0x8d,
			0x83, 0x93, 0x2c, 0x8f, 0xbc, 0x8c, 0xcb
		]);
		const text = decodeCsv(bytes);
		expect(text).toBe('名称,住所\r\nサロン,松戸');
		const result = parsed(text);
		expect(result.format).toBe('facility');
		expect(placeOf(result.rows[0])).toMatchObject({ name: 'サロン', address: '松戸' });
	});
});

describe('parseImport: the file', () => {
	it('tells the formats by their header (NFKC, trimmed)', () => {
		expect(parsed('名称, 所在地(都道府県から番地まで) \r\nサロン,松戸').format).toBe('kayoinoba');
		expect(parsed('名称,名称_カナ,利用可能曜日\r\n公民館,コウミンカン,月').format).toBe('facility');
		expect(parseImport('名前,住所\r\nサロン,松戸')).toEqual({
			ok: false,
			reason: 'unknown_format'
		});
		// 名称 alone says neither
		expect(parseImport('名称\r\nサロン')).toEqual({ ok: false, reason: 'unknown_format' });
		expect(parseImport('名称,"住所\r\nサロン,松戸')).toEqual({
			ok: false,
			reason: 'unknown_format'
		});
	});

	it('is empty without rows, and refuses more than 2000', () => {
		expect(parseImport('')).toEqual({ ok: false, reason: 'empty' });
		expect(parseImport('\r\n,,\r\n')).toEqual({ ok: false, reason: 'empty' });
		expect(parseImport('名称,住所\r\n\r\n')).toEqual({ ok: false, reason: 'empty' });
		const rows = (n: number) => '名称,住所\r\n' + 'サロン,松戸\r\n'.repeat(n);
		expect(parseImport(rows(MAX_IMPORT_ROWS)).ok).toBe(true);
		expect(parseImport(rows(MAX_IMPORT_ROWS + 1))).toEqual({ ok: false, reason: 'too_many_rows' });
	});

	it('numbers rows as Excel does: the header 1, blank rows counted, a cell with line breaks one row', () => {
		const text = '名称,住所,説明\r\nA館,松戸1,"一行目\n二行目"\r\n\r\n,,\r\nB館,松戸2,\r\n';
		const { rows } = parsed(text);
		expect(rows.map((r) => r.line)).toEqual([2, 5]);
		expect(placeOf(rows[0]).description).toBe('一行目\n二行目');
		expect(placeOf(rows[1]).name).toBe('B館');
	});

	it('gives new rows the kind of their format, and lists the fields the file carries', () => {
		const row = mhlw({ 電話番号: '047-000-0000' });
		expect(placeOf(row).kinds).toEqual(['kayoinoba']);
		expect('fields' in row && row.fields).toEqual(['name', 'address', 'phone']);
		expect(placeOf(facility({})).kinds).toEqual(['meeting_place']);
	});
});

describe('parseImport: 通いの場 rows', () => {
	it('reads hours, 平日 narrowed by the weekdays of 定休日', () => {
		const place = placeOf(
			mhlw({
				'運営日（平日）－開始': '10:00',
				'運営日（平日）－終了': '12:00',
				'運営日（土曜）－開始': '１３：００',
				'運営日（土曜）－終了': '16:00:00',
				'運営日（祝日）－開始': '9:30',
				'運営日（祝日）－終了': '11:00',
				定休日: '水曜日、木、年末年始'
			})
		);
		expect(place.hours).toEqual([
			{ day: 1, opens: '10:00', closes: '12:00' },
			{ day: 2, opens: '10:00', closes: '12:00' },
			{ day: 5, opens: '10:00', closes: '12:00' },
			{ day: 6, opens: '13:00', closes: '16:00' },
			{ day: 8, opens: '09:30', closes: '11:00' }
		]);
		expect(place.closed_days).toBe('年末年始');
		// without 平日, 定休日 stays as typed
		expect(placeOf(mhlw({ 定休日: '水曜日、年末年始' })).closed_days).toBe('水曜日、年末年始');
	});

	it('reads 対象者, 料金体系, the reading as typed and the building', () => {
		const place = placeOf(
			mhlw({
				'名称（ふりがな）': 'トキワダイラサロン',
				'所在地（建物名・部屋番号等）': '集会所2階',
				対象者: '高齢者；こども・子育て世帯、65歳以上',
				料金体系: '無料',
				定員: '２０',
				法人名称: '常盤平地区社協',
				圏域: '常盤平'
			})
		);
		expect(place).toMatchObject({
			name_kana: 'トキワダイラサロン',
			address: '松戸市常盤平3-30 集会所2階',
			audiences: ['elderly', 'children', 'parents'],
			fee_free: true,
			fee: null,
			capacity: 20,
			organizationName: '常盤平地区社協',
			areaName: '常盤平'
		});
		expect(placeOf(mhlw({ 料金体系: '1回100円' }))).toMatchObject({
			fee_free: null,
			fee: '1回100円'
		});
	});
});

describe('parseImport: 公共施設一覧 rows', () => {
	it.each([
		['月・水・金', [1, 3, 5]],
		['月水金', [1, 3, 5]],
		['月曜日、水曜日', [1, 3]],
		['平日', [1, 2, 3, 4, 5]],
		['土日祝', [6, 7, 8]],
		['月〜金', [1, 2, 3, 4, 5]],
		['月～水 土', [1, 2, 3, 6]]
	])('reads 利用可能曜日 %s', (days, expected) => {
		const place = placeOf(facility({ 利用可能曜日: days, 開始時間: '9:00', 終了時間: '21:00' }));
		expect(place.hours.map((h) => h.day)).toEqual(expected);
		expect(place.hours[0]).toMatchObject({ opens: '09:00', closes: '21:00' });
	});

	it('splits 利用可能日時特記事項 into the notes and 定休日', () => {
		expect(placeOf(facility({ 利用可能日時特記事項: '予約制\n定休日：月曜日' }))).toMatchObject({
			hours_note: '予約制',
			closed_days: '月曜日'
		});
		expect(placeOf(facility({ 利用可能日時特記事項: '予約制' }))).toMatchObject({
			hours_note: '予約制',
			closed_days: null
		});
	});
});

describe('parseImport: every error', () => {
	const codes = (row: ImportRow) => errorsOf(row).map((e) => [e.code, e.column]);

	it('required: 名称', () => {
		expect(codes(mhlw({ 名称: '' }))).toEqual([['required', '名称']]);
		expect(codes(mhlw({ 名称: '\u3000' }))).toEqual([['required', '名称']]);
		expect(codes(mhlw({ 名称: 'ささえあいサロン' }))).toEqual([]);
	});

	it('too_long: each text beyond its length, none at it', () => {
		const over = {
			名称: 'あ'.repeat(101),
			'名称（ふりがな）': 'あ'.repeat(101),
			[ADDRESS]: 'あ'.repeat(201),
			料金体系: '円'.repeat(201),
			定休日: '休'.repeat(201),
			備考: '備'.repeat(501),
			その他: '段'.repeat(1001),
			活動内容: '活'.repeat(5001)
		};
		expect(codes(mhlw(over)).sort()).toEqual(
			Object.keys(over)
				.map((c) => ['too_long', c])
				.sort()
		);
		const at = Object.fromEntries(Object.entries(over).map(([k, v]) => [k, v.slice(1)]));
		expect(codes(mhlw(at))).toEqual([]);
		expect(
			codes(
				facility({ 利用可能日時特記事項: '注'.repeat(501), バリアフリー情報: '段'.repeat(1001) })
			)
		).toEqual([
			['too_long', '利用可能日時特記事項'],
			['too_long', 'バリアフリー情報']
		]);
		expect(
			codes(
				facility({ 利用可能日時特記事項: '注'.repeat(500), バリアフリー情報: '段'.repeat(1000) })
			)
		).toEqual([]);
	});

	it('bad_number: 緯度, 経度, 定員', () => {
		expect(codes(mhlw({ 緯度: '北緯35度', 経度: '139.9', 定員: '二十人' }))).toEqual([
			['bad_number', '緯度'],
			['bad_number', '定員']
		]);
		expect(codes(mhlw({ 定員: '0' }))).toEqual([['bad_number', '定員']]);
		const place = placeOf(
			mhlw({ 緯度: '３５．７８１２３４５６', 経度: '139.9523', 定員: '1,000' })
		);
		expect([place.latitude, place.longitude, place.capacity]).toEqual([35.781235, 139.9523, 1000]);
	});

	it('outside_japan: a point abroad, or half a point', () => {
		expect(codes(mhlw({ 緯度: '51.5072', 経度: '-0.1276' }))).toEqual([
			['outside_japan', '緯度'],
			['outside_japan', '経度']
		]);
		expect(codes(mhlw({ 緯度: '35.78', 経度: '' }))).toEqual([['outside_japan', '経度']]);
		expect(codes(mhlw({ 緯度: '35.78', 経度: '139.95' }))).toEqual([]);
		expect(codes(mhlw({ 緯度: '', 経度: '' }))).toEqual([]);
	});

	it('bad_time: not H:MM, 24:00 and later, or one time of two', () => {
		const span = (opens: string, closes: string) =>
			codes(mhlw({ '運営日（平日）－開始': opens, '運営日（平日）－終了': closes }));
		expect(span('10時', '12:00')).toEqual([['bad_time', '運営日（平日）－開始']]);
		expect(span('23:00', '24:00')).toEqual([['bad_time', '運営日（平日）－終了']]);
		expect(span('9:60', '')).toEqual([
			['bad_time', '運営日（平日）－開始'],
			['bad_time', '運営日（平日）－終了']
		]);
		expect(span('9:00', '２３：５９')).toEqual([]);
		expect(
			codes(facility({ 利用可能曜日: '月・休館日', 開始時間: '9:00', 終了時間: '17:00' }))
		).toEqual([['bad_time', '利用可能曜日']]);
		expect(codes(facility({ 開始時間: '9:00', 終了時間: '17:00' }))).toEqual([
			['bad_time', '利用可能曜日']
		]);
		expect(codes(facility({ 利用可能曜日: '月', 開始時間: '9:00', 終了時間: '17:00' }))).toEqual(
			[]
		);
	});

	it('closes_before_opens', () => {
		const span = (opens: string, closes: string) =>
			codes(mhlw({ '運営日（土曜）－開始': opens, '運営日（土曜）－終了': closes }));
		expect(span('14:00', '10:00')).toEqual([['closes_before_opens', '運営日（土曜）－終了']]);
		expect(span('10:00', '10:00')).toEqual([['closes_before_opens', '運営日（土曜）－終了']]);
		expect(span('10:00', '10:01')).toEqual([]);
	});

	it('bad_phone', () => {
		expect(codes(mhlw({ 電話番号: '047-000-0000（代表）' }))).toEqual([['bad_phone', '電話番号']]);
		expect(codes(mhlw({ 電話番号: '０４７‐０００‐００００' }))).toEqual([]);
		expect(placeOf(mhlw({ 電話番号: '047−000−0000' })).phone).toBe('047-000-0000');
	});

	it('bad_url', () => {
		expect(codes(facility({ URL: 'www.example.jp' }))).toEqual([['bad_url', 'URL']]);
		expect(codes(facility({ URL: 'javascript:alert(1)' }))).toEqual([['bad_url', 'URL']]);
		expect(codes(facility({ URL: 'https://www.city.matsudo.chiba.jp/kominkan/' }))).toEqual([]);
	});

	it('bad_flag: 1/0, 有/無, あり/なし, 可/不可, ○/× or empty only', () => {
		expect(codes(mhlw({ 飲食の提供の有無: '多分', 送迎の有無: 'はい' }))).toEqual([
			['bad_flag', '飲食の提供の有無'],
			['bad_flag', '送迎の有無']
		]);
		const flags = (a: string, b: string, c: string) =>
			placeOf(mhlw({ 飲食の提供の有無: a, 飲食持ち込みの可否: b, 送迎の有無: c }));
		expect(flags('○', '×', '')).toMatchObject({
			meals_provided: true,
			food_allowed: false,
			transport: null
		});
		expect(flags('あり', '不可', '１')).toMatchObject({
			meals_provided: true,
			food_allowed: false,
			transport: true
		});
		expect(flags('無', '可', '0')).toMatchObject({
			meals_provided: false,
			food_allowed: true,
			transport: false
		});
	});

	it('reports every problem of a row, with the name it has', () => {
		const row = mhlw({ 電話番号: 'なし', 定員: '多数', 送迎の有無: '?' });
		expect(row).toMatchObject({ line: 2, name: 'ときわ平サロン' });
		expect(codes(row)).toHaveLength(3);
	});
});

describe('importKey', () => {
	it('is places.import_key: NFKC, lower case, katakana as hiragana', () => {
		expect(importKey('サロン　ＡＢＣ', '松戸市常盤平３－３０')).toBe('さろん abc|松戸市常盤平3-30');
		expect(importKey('ｻﾛﾝ', null)).toBe('さろん|');
		expect(importKey('ヴァヶ', '')).toBe('ゔぁゖ|');
	});
});

// The places of the site, and the same as open data reads them.
const AREAS: ImportContext['areas'] = [
	{ id: 'a1', name_ja: '常盤平', slug: 'tokiwadaira', kana: 'ときわだいら' },
	{ id: 'a2', name_ja: '五香', slug: 'goko', kana: null }
];
const ORGS: ImportContext['organizations'] = [{ id: 'o1', name: '常盤平地区社協' }];
const salon: PlaceInput & { id: string } = {
	id: 'p1',
	name: 'ときわ平いきいきサロン',
	name_kana: 'トキワダイラ イキイキサロン',
	kinds: ['ibasho', 'meeting_place'],
	area_id: 'a1',
	address: '千葉県松戸市常盤平3-30',
	latitude: 35.7812,
	longitude: 139.9523,
	organization_id: 'o1',
	audiences: ['everyone', 'elderly'],
	hours: [
		{ day: 6, opens: '13:00', closes: '16:00' },
		{ day: 1, opens: '10:00', closes: '12:00' },
		{ day: 3, opens: '09:30', closes: '15:00' },
		{ day: 8, opens: '10:00', closes: '12:00' }
	],
	hours_note: '8月は休み',
	closed_days: '年末年始、お盆',
	fee_free: true,
	fee: null,
	capacity: 20,
	meals_provided: true,
	food_allowed: false,
	transport: null,
	accessibility: '車いす可',
	phone: '047-000-0000',
	email: 'salon@example.jp',
	url: 'https://salon.example.jp/',
	description: '- 毎週**体操**をしています。\n\n' + '説明'.repeat(200),
	published: true,
	photos: [{ image_hash: 'h1', alt: '体操のようす' }]
};
const hall: PlaceInput & { id: string } = {
	...salon,
	id: 'p2',
	name: '五香公民館',
	name_kana: 'ごこうこうみんかん',
	kinds: ['meeting_place'],
	area_id: 'a2',
	address: '千葉県松戸市五香1-1',
	organization_id: null,
	audiences: [],
	hours: [
		{ day: 2, opens: '09:00', closes: '21:00' },
		{ day: 4, opens: '09:00', closes: '21:00' }
	],
	hours_note: null,
	closed_days: '第3月曜日',
	fee_free: false,
	fee: '1時間300円',
	description: '=集会室と和室',
	url: null
};
const open = (p: PlaceInput & { id: string }): OpenDataPlace => ({
	id: p.id,
	name: p.name,
	nameKana: p.name_kana,
	kinds: p.kinds,
	audiences: p.audiences,
	address: p.address,
	latitude: p.latitude,
	longitude: p.longitude,
	phone: p.phone,
	hours: p.hours,
	hoursNote: p.hours_note,
	closedDays: p.closed_days,
	feeFree: p.fee_free,
	fee: p.fee,
	capacity: p.capacity,
	mealsProvided: p.meals_provided,
	foodAllowed: p.food_allowed,
	transport: p.transport,
	accessibility: p.accessibility,
	description: p.description,
	url: p.url,
	organizationName: ORGS.find((o) => o.id === p.organization_id)?.name ?? null,
	areaName: AREAS.find((a) => a.id === p.area_id)?.name_ja ?? null
});
const municipality = { municipality: { code: '122076', prefecture: '千葉県', name: '松戸市' } };
const ctx = (existing: (PlaceInput & { id: string })[]): ImportContext => ({
	areas: AREAS,
	organizations: ORGS,
	existing
});
const summary = (plan: ReturnType<typeof planImport>) => ({
	create: plan.create.map((r) => r.name),
	update: plan.update.map((r) => r.name),
	unchanged: plan.unchanged.map((r) => r.name),
	failed: plan.failed.map((r) => [r.line, r.errors.map((e) => e.code)])
});

describe('planImport', () => {
	it('reads Tsunagu’s own open data back as unchanged (both formats)', () => {
		const places = [salon, hall];
		const mhlwFile = kayoinobaCsv(kayoinobaRecords(places.map(open), municipality));
		const facilityFile = facilityCsv(facilityRecords(places.map(open), municipality));
		expect(summary(planImport(parsed(mhlwFile).rows, ctx(places)))).toEqual({
			create: [],
			update: [],
			unchanged: ['ときわ平いきいきサロン'],
			failed: []
		});
		expect(summary(planImport(parsed(facilityFile).rows, ctx(places)))).toEqual({
			create: [],
			update: [],
			unchanged: ['ときわ平いきいきサロン', '五香公民館'],
			failed: []
		});
	});

	it('creates new places with their area and organization, and the same file twice changes nothing', () => {
		const file = csv([
			{
				名称: 'みのり台カフェ',
				[ADDRESS]: '松戸市稔台1-1',
				圏域: 'トキワダイラ',
				法人名称: '常盤平地区社協',
				'運営日（平日）－開始': '10:00',
				'運営日（平日）－終了': '15:00',
				定休日: '水曜日',
				料金体系: '100円',
				飲食の提供の有無: 'あり'
			},
			{ 名称: '八柱サロン', [ADDRESS]: '松戸市日暮1-1', 圏域: 'GOKO', 法人名称: '知らない会' }
		]);
		const first = planImport(parsed(file).rows, ctx([]));
		expect(summary(first).create).toEqual(['みのり台カフェ', '八柱サロン']);
		expect(first.create[0].input).toMatchObject({
			kinds: ['kayoinoba'],
			area_id: 'a1',
			organization_id: 'o1',
			closed_days: null,
			fee: '100円',
			meals_provided: true,
			published: true
		});
		expect(first.create[0].input.hours.map((h) => h.day)).toEqual([1, 2, 4, 5]);
		expect(first.create[0].input).not.toHaveProperty('id');
		expect(first.create[0].input).not.toHaveProperty('areaName');
		expect(first.create[1].input).toMatchObject({ area_id: 'a2', organization_id: null });

		const saved = first.create.map((r, i) => ({ ...r.input, id: `n${i}` }));
		expect(summary(planImport(parsed(file).rows, ctx(saved))).unchanged).toEqual([
			'みのり台カフェ',
			'八柱サロン'
		]);
	});

	it('updates only what the file says, keeps kinds, never sends photos', () => {
		const file = csv([
			{
				名称: '五香公民館',
				住所: '千葉県松戸市五香１－１',
				電話番号: '047-111-1111',
				団体名: '知らない会',
				利用可能曜日: '月水',
				開始時間: '9:00',
				終了時間: '17:00'
			}
		]);
		const plan = planImport(parsed(file).rows, ctx([salon, hall]));
		expect(summary(plan).update).toEqual(['五香公民館']);
		const { input } = plan.update[0];
		expect(input).toEqual({
			...hall,
			photos: undefined,
			address: '千葉県松戸市五香１－１',
			phone: '047-111-1111',
			hours: [
				{ day: 1, opens: '09:00', closes: '17:00' },
				{ day: 3, opens: '09:00', closes: '17:00' }
			]
		});
		expect(input).not.toHaveProperty('photos');
		expect(input.id).toBe('p2');
		// a facilities file never clears who a place is for or its meals
		const salonPlan = planImport(
			parsed(csv([{ 名称: salon.name, 住所: salon.address ?? '', 電話番号: '047-222-2222' }])).rows,
			ctx([salon])
		);
		expect(salonPlan.update[0].input).toMatchObject({
			kinds: ['ibasho', 'meeting_place'],
			audiences: ['everyone', 'elderly'],
			meals_provided: true,
			organization_id: 'o1',
			phone: '047-222-2222'
		});
	});

	it('unknown_area: a 圏域 by name, reading or slug, or an error', () => {
		const plan = planImport(
			parsed(
				csv([
					{ 名称: 'A', [ADDRESS]: '1', 圏域: '常盤平' },
					{ 名称: 'B', [ADDRESS]: '2', 圏域: 'ﾄｷﾜﾀﾞｲﾗ' },
					{ 名称: 'C', [ADDRESS]: '3', 圏域: 'Tokiwadaira' },
					{ 名称: 'D', [ADDRESS]: '4', 圏域: '' },
					{ 名称: 'E', [ADDRESS]: '5', 圏域: '矢切' }
				])
			).rows,
			ctx([])
		);
		expect(plan.create.map((r) => r.input.area_id)).toEqual(['a1', 'a1', 'a1', null]);
		expect(plan.failed).toEqual([
			{ line: 6, name: 'E', errors: [{ code: 'unknown_area', column: '圏域', value: '矢切' }] }
		]);
	});

	it('ambiguous: two places with the row’s name and address', () => {
		const twin = { ...hall, id: 'p3', name: '五香公民館' };
		const row = [{ 名称: '五香公民館', 住所: hall.address ?? '' }];
		expect(summary(planImport(parsed(csv(row)).rows, ctx([hall, twin]))).failed).toEqual([
			[2, ['ambiguous']]
		]);
		const elsewhere = { ...twin, address: '千葉県松戸市五香2-2' };
		expect(summary(planImport(parsed(csv(row)).rows, ctx([hall, elsewhere]))).failed).toEqual([]);
	});

	it('duplicate_row: the second row with the same name and address', () => {
		const file = csv([
			{ 名称: 'サロンＡ', 住所: '松戸市1-1' },
			{ 名称: 'さろんa', 住所: '松戸市１－１' },
			{ 名称: 'サロンA', 住所: '松戸市2-2' }
		]);
		expect(summary(planImport(parsed(file).rows, ctx([])))).toEqual({
			create: ['サロンＡ', 'サロンA'],
			update: [],
			unchanged: [],
			failed: [[3, ['duplicate_row']]]
		});
	});

	it('passes rows with errors through as failed', () => {
		const file = csv([{ 名称: '', 住所: '松戸市1-1', URL: 'example' }]);
		expect(planImport(parsed(file).rows, ctx([])).failed).toEqual([
			{
				line: 2,
				name: '',
				errors: [
					{ code: 'required', column: '名称' },
					{ code: 'bad_url', column: 'URL', value: 'example' }
				]
			}
		]);
	});
});
