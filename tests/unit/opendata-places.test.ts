// 「通いの場」 (厚生労働省) and 「公共施設一覧」 (the Digital Agency) rows: the
// standards' columns in their order, then 圏域; only the places of each kind;
// 平日 as one span with the closed weekdays in 定休日; yes/no as 1/0 or empty;
// readings in hiragana / katakana; descriptions as short plain text; CSV with
// a BOM read back by an independent parser.
import { describe, expect, it } from 'vitest';
import {
	FACILITY_COLUMNS,
	FACILITY_STANDARD_COLUMNS,
	KAYOINOBA_COLUMNS,
	KAYOINOBA_STANDARD_COLUMNS,
	facilityCsv,
	facilityRecords,
	kayoinobaCsv,
	kayoinobaRecords,
	plainExcerpt,
	type OpenDataPlace
} from '$lib/server/opendata/places';
import { parseCsv } from '../support/csv';

// the lists as 厚生労働省 and the Digital Agency publish them
const MHLW =
	'No, 都道府県コード, 都道府県名, 市区町村コード, 市区町村名, 備考, 名称（ふりがな）, 名称, 郵便番号, 所在地（都道府県から番地まで）, 所在地（建物名・部屋番号等）, 電話番号, 対象者, 活動内容, 運営日（平日）－開始, 運営日（平日）－終了, 運営日（土曜）－開始, 運営日（土曜）－終了, 運営日（日曜）－開始, 運営日（日曜）－終了, 運営日（祝日）－開始, 運営日（祝日）－終了, 定休日, 定員, 料金体系, 飲食の提供の有無, 飲食持ち込みの可否, 送迎の有無, 対象エリア, 総合事業実施の有無, その他, 法人番号の有無, 法人番号, 法人名称（ふりがな）, 法人名称, ステータス, 緯度, 経度'.split(
		', '
	);
const FACILITIES =
	'都道府県コード又は市区町村コード, NO, 都道府県名, 市区町村名, 名称, 名称_カナ, 名称_通称, POIコード, 住所, 方書, 緯度, 経度, 電話番号, 内線番号, 法人番号, 団体名, 利用可能曜日, 開始時間, 終了時間, 利用可能日時特記事項, 説明, バリアフリー情報, URL, 備考'.split(
		', '
	);

const salon: OpenDataPlace = {
	id: 'p1',
	name: 'ときわ平いきいきサロン',
	nameKana: 'トキワダイラ イキイキサロン',
	kinds: ['ibasho', 'meeting_place'],
	audiences: ['everyone', 'elderly'],
	address: '千葉県松戸市常盤平3-30',
	latitude: 35.7812,
	longitude: 139.9523,
	phone: '047-000-0000',
	hours: [
		{ day: 1, opens: '10:00', closes: '12:00' },
		{ day: 3, opens: '09:30', closes: '15:00' },
		{ day: 6, opens: '13:00', closes: '16:00' },
		{ day: 8, opens: '10:00', closes: '12:00' }
	],
	hoursNote: '8月は休み',
	closedDays: '年末年始',
	feeFree: true,
	fee: null,
	capacity: 20,
	mealsProvided: true,
	foodAllowed: false,
	transport: null,
	accessibility: '車いす可',
	description:
		'## 集まり\n\n**毎週**体操と[お茶会](https://x.example/)をしています。\n\n- 体操\n- お茶',
	url: 'https://salon.example.jp/',
	organizationName: '常盤平地区社協',
	areaName: '常盤平'
};
const hall: OpenDataPlace = {
	...salon,
	id: 'p2',
	name: '五香公民館',
	nameKana: 'ごこうこうみんかん',
	kinds: ['meeting_place'],
	audiences: [],
	hours: [],
	hoursNote: null,
	closedDays: null,
	feeFree: false,
	fee: '1時間300円',
	mealsProvided: null,
	foodAllowed: null,
	description: null,
	organizationName: null,
	areaName: null
};
const shokudo: OpenDataPlace = {
	...salon,
	id: 'p3',
	name: 'こども食堂',
	kinds: ['kodomo_shokudo']
};
const ctx = { municipality: { code: '122076', prefecture: '千葉県', name: '松戸市' } };

describe('通いの場 (厚生労働省)', () => {
	it('has every column of the standard in its order, then 圏域', () => {
		expect(KAYOINOBA_STANDARD_COLUMNS).toEqual(MHLW);
		expect(KAYOINOBA_COLUMNS).toEqual([...MHLW, '圏域']);
	});

	it('holds the 居場所 and 通いの場 only, numbered from 1', () => {
		const rows = kayoinobaRecords(
			[shokudo, salon, hall, { ...hall, id: 'p4', kinds: ['kayoinoba'] }],
			ctx
		);
		expect(rows.map((r) => [r.No, r.名称])).toEqual([
			['1', 'ときわ平いきいきサロン'],
			['2', '五香公民館']
		]);
	});

	it('writes a place as the standard asks', () => {
		const [row] = kayoinobaRecords([salon], ctx);
		expect(row).toEqual({
			No: '1',
			都道府県コード: '12',
			都道府県名: '千葉県',
			市区町村コード: '122076',
			市区町村名: '松戸市',
			備考: '8月は休み',
			'名称（ふりがな）': 'ときわだいら いきいきさろん',
			名称: 'ときわ平いきいきサロン',
			郵便番号: '',
			'所在地（都道府県から番地まで）': '千葉県松戸市常盤平3-30',
			'所在地（建物名・部屋番号等）': '',
			電話番号: '047-000-0000',
			対象者: '高齢者;どなたでも',
			活動内容: '集まり\n毎週体操とお茶会をしています。\n体操\nお茶',
			'運営日（平日）－開始': '09:30',
			'運営日（平日）－終了': '15:00',
			'運営日（土曜）－開始': '13:00',
			'運営日（土曜）－終了': '16:00',
			'運営日（日曜）－開始': '',
			'運営日（日曜）－終了': '',
			'運営日（祝日）－開始': '10:00',
			'運営日（祝日）－終了': '12:00',
			定休日: '火曜日;木曜日;金曜日;年末年始',
			定員: '20',
			料金体系: '無料',
			飲食の提供の有無: '1',
			飲食持ち込みの可否: '0',
			送迎の有無: '',
			対象エリア: '',
			総合事業実施の有無: '',
			その他: '車いす可',
			法人番号の有無: '',
			法人番号: '',
			'法人名称（ふりがな）': '',
			法人名称: '常盤平地区社協',
			ステータス: '',
			緯度: '35.7812',
			経度: '139.9523',
			圏域: '常盤平'
		});
	});

	it('leaves empty what is not said: no hours, no closed weekdays, the fee in words', () => {
		const [row] = kayoinobaRecords([{ ...hall, kinds: ['kayoinoba'] }], ctx);
		expect(row).toMatchObject({
			'運営日（平日）－開始': '',
			'運営日（土曜）－開始': '',
			定休日: '',
			料金体系: '1時間300円',
			飲食の提供の有無: '',
			活動内容: '',
			法人名称: '',
			圏域: ''
		});
		const [unknown] = kayoinobaRecords(
			[{ ...salon, feeFree: null, latitude: null, longitude: null }],
			ctx
		);
		expect([unknown.料金体系, unknown.緯度, unknown.経度]).toEqual(['', '', '']);
	});

	it('is a CSV with a BOM; a lone LF in a description stays in its row', () => {
		const csv = kayoinobaCsv(
			kayoinobaRecords([salon, { ...salon, id: 'p5', name: '=HYPERLINK("x")' }], ctx)
		);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain('\r\n');
		const rows = parseCsv(csv.slice(1));
		expect(rows).toHaveLength(3);
		expect(rows[0]).toEqual([...MHLW, '圏域']);
		expect(rows[1][13]).toBe('集まり\n毎週体操とお茶会をしています。\n体操\nお茶');
		expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2']);
		// a spreadsheet never runs a name as a formula
		expect(rows[2][7]).toBe('\'=HYPERLINK("x")');
	});
});

describe('公共施設一覧 (the Digital Agency)', () => {
	it('has every column of the standard in its order, then 圏域', () => {
		expect(FACILITY_STANDARD_COLUMNS).toEqual(FACILITIES);
		expect(FACILITY_COLUMNS).toEqual([...FACILITIES, '圏域']);
	});

	it('holds the meeting places only, with the reading in katakana', () => {
		const rows = facilityRecords([shokudo, salon, hall], ctx);
		expect(rows.map((r) => [r.NO, r.名称, r.名称_カナ])).toEqual([
			['1', 'ときわ平いきいきサロン', 'トキワダイラ イキイキサロン'],
			['2', '五香公民館', 'ゴコウコウミンカン']
		]);
	});

	it('writes the open days, one span of hours and the notes', () => {
		const [row] = facilityRecords([salon], ctx);
		expect(row).toEqual({
			都道府県コード又は市区町村コード: '122076',
			NO: '1',
			都道府県名: '千葉県',
			市区町村名: '松戸市',
			名称: 'ときわ平いきいきサロン',
			名称_カナ: 'トキワダイラ イキイキサロン',
			名称_通称: '',
			POIコード: '',
			住所: '千葉県松戸市常盤平3-30',
			方書: '',
			緯度: '35.7812',
			経度: '139.9523',
			電話番号: '047-000-0000',
			内線番号: '',
			法人番号: '',
			団体名: '常盤平地区社協',
			利用可能曜日: '月水土祝',
			開始時間: '09:30',
			終了時間: '16:00',
			利用可能日時特記事項: '8月は休み\n定休日：年末年始',
			説明: '集まり\n毎週体操とお茶会をしています。\n体操\nお茶',
			バリアフリー情報: '車いす可',
			URL: 'https://salon.example.jp/',
			備考: '',
			圏域: '常盤平'
		});
		const [empty] = facilityRecords([hall], ctx);
		expect([
			empty.利用可能曜日,
			empty.開始時間,
			empty.終了時間,
			empty.利用可能日時特記事項
		]).toEqual(['', '', '', '']);
	});

	it('is a CSV with a BOM whose first row is the header', () => {
		const rows = parseCsv(facilityCsv(facilityRecords([salon, hall], ctx)).slice(1));
		expect(rows[0]).toEqual([...FACILITIES, '圏域']);
		expect(rows).toHaveLength(3);
		expect(rows[1][19]).toBe('8月は休み\n定休日：年末年始');
	});
});

describe('plainExcerpt', () => {
	it('takes Markdown away crudely and keeps the first 200 characters', () => {
		expect(plainExcerpt('> 引用\n1. ひとつ\n***\n`code` と ~~消~~ <b>太</b> ![写真](a.png)')).toBe(
			'引用\nひとつ\ncode と 消 太 写真'
		);
		const long = plainExcerpt('あ'.repeat(150) + '🙂'.repeat(100));
		expect(Array.from(long)).toHaveLength(200);
		expect(long.endsWith('🙂')).toBe(true);
		expect(plainExcerpt(null)).toBe('');
	});
});
