// Two open datasets built from places (issue 15), each with the standard's
// columns in its order and names, then Tsunagu's own 圏域:
// * 「通いの場」 as 厚生労働省 publishes it (kayoinoba_opendata): the places that
//   are 通いの場 or 居場所. Its hours are per 平日/土曜/日曜/祝日, so 平日 is the
//   earliest opening and the latest closing of 月–金, and the weekdays it is
//   closed go into 定休日 beside the place's own words.
// * 「公共施設一覧」 in the Digital Agency's 推奨データセット: the meeting places
//   (集会所・公民館), the days as 月火水木金土日祝 with one span of hours.
// Yes/no as 1/0, empty when not said; times HH:MM; several values joined by
// 「;」. What Tsunagu does not hold (郵便番号, 法人番号…) is left empty, never
// guessed. The import ($lib/server/places/import) reads both files back.
import { PLACE_AUDIENCES, type PlaceAudience, type PlaceHours } from '$lib/places/types';
import type { OpenDataPlace } from '$lib/server/db/opendata';
import { csvFile } from '$lib/server/http/csv';
import type { Municipality } from './events';

export const KAYOINOBA_STANDARD_COLUMNS = [
	'No',
	'都道府県コード',
	'都道府県名',
	'市区町村コード',
	'市区町村名',
	'備考',
	'名称（ふりがな）',
	'名称',
	'郵便番号',
	'所在地（都道府県から番地まで）',
	'所在地（建物名・部屋番号等）',
	'電話番号',
	'対象者',
	'活動内容',
	'運営日（平日）－開始',
	'運営日（平日）－終了',
	'運営日（土曜）－開始',
	'運営日（土曜）－終了',
	'運営日（日曜）－開始',
	'運営日（日曜）－終了',
	'運営日（祝日）－開始',
	'運営日（祝日）－終了',
	'定休日',
	'定員',
	'料金体系',
	'飲食の提供の有無',
	'飲食持ち込みの可否',
	'送迎の有無',
	'対象エリア',
	'総合事業実施の有無',
	'その他',
	'法人番号の有無',
	'法人番号',
	'法人名称（ふりがな）',
	'法人名称',
	'ステータス',
	'緯度',
	'経度'
] as const;
/** Tsunagu's own columns, after the standard's. */
export const KAYOINOBA_EXTRA_COLUMNS = ['圏域'] as const;
export const KAYOINOBA_COLUMNS = [
	...KAYOINOBA_STANDARD_COLUMNS,
	...KAYOINOBA_EXTRA_COLUMNS
] as const;
export type KayoinobaColumn = (typeof KAYOINOBA_COLUMNS)[number];

export const FACILITY_STANDARD_COLUMNS = [
	'都道府県コード又は市区町村コード',
	'NO',
	'都道府県名',
	'市区町村名',
	'名称',
	'名称_カナ',
	'名称_通称',
	'POIコード',
	'住所',
	'方書',
	'緯度',
	'経度',
	'電話番号',
	'内線番号',
	'法人番号',
	'団体名',
	'利用可能曜日',
	'開始時間',
	'終了時間',
	'利用可能日時特記事項',
	'説明',
	'バリアフリー情報',
	'URL',
	'備考'
] as const;
export const FACILITY_EXTRA_COLUMNS = ['圏域'] as const;
export const FACILITY_COLUMNS = [...FACILITY_STANDARD_COLUMNS, ...FACILITY_EXTRA_COLUMNS] as const;
export type FacilityColumn = (typeof FACILITY_COLUMNS)[number];

export type { OpenDataPlace };

/** 対象者 in words (as the site says them). */
export const AUDIENCE_WORDS: Record<PlaceAudience, string> = {
	elderly: '高齢者',
	disability: '障害のある人',
	children: 'こども',
	parents: '子育て世帯',
	everyone: 'どなたでも'
};
/** 利用可能曜日: day 1 (月) … 7 (日), 8 (祝) */
export const DAY_CHARS = '月火水木金土日祝';
/** 定休日's weekdays: 月曜日 … 金曜日 */
export const weekdayWord = (day: number) => `${DAY_CHARS[day - 1]}曜日`;
/** Days of 「平日」 */
export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
/** 定休日 of 利用可能日時特記事項 follows this (the import splits there) */
export const CLOSED_DAYS_LABEL = '定休日：';

/** ぁ…ゖ → ァ…ヶ (名称_カナ asks for katakana) */
export const toKatakana = (s: string) =>
	s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
/** ァ…ヶ → ぁ…ゖ (ふりがな is hiragana; also how search folds katakana) */
export const toHiragana = (s: string) =>
	s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/**
 * A description's first `max` characters as plain text: Markdown's marks
 * taken away crudely (no renderer: links and images keep their words), line
 * breaks kept, blank lines dropped.
 */
export function plainExcerpt(markdown: string | null, max = 200): string {
	if (!markdown) return '';
	const text = markdown
		.replace(/\r\n?/g, '\n')
		.replace(/^\s*(```|~~~).*$/gm, '')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.split('\n')
		.map((line) =>
			line
				.replace(/^\s*([-*_]\s*){3,}$/, '')
				.replace(/^\s*(>\s*)+/, '')
				.replace(/^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)/, '')
				.replace(/\*\*|__|~~|[*`]/g, '')
				.trim()
		)
		.filter((line) => line !== '')
		.join('\n');
	// code points, so that an emoji is never cut in half
	const chars = Array.from(text);
	return chars.length > max ? chars.slice(0, max).join('').trimEnd() : text;
}

/** yes/no columns: 1 / 0, empty when not said */
export const flagCell = (v: boolean | null) => (v === null ? '' : v ? '1' : '0');
const numberCell = (v: number | null) => (v === null ? '' : String(v));
const hhmm = (t: string) => t.slice(0, 5);

/** The earliest opening and latest closing over `days` (null: closed on all of them). */
export function hoursSpan(hours: PlaceHours[], days: readonly number[]) {
	const open = hours.filter((h) => days.includes(h.day));
	if (open.length === 0) return null;
	return {
		opens: open.map((h) => hhmm(h.opens)).reduce((a, b) => (b < a ? b : a)),
		closes: open.map((h) => hhmm(h.closes)).reduce((a, b) => (b > a ? b : a))
	};
}

/** several values in one cell */
const several = (values: (string | null | undefined)[]) =>
	values.filter((v): v is string => !!v && v.trim() !== '').join(';');

/** 料金体系: the words, or 無料 when it is free and nothing more is said */
export const feeCell = (feeFree: boolean | null, fee: string | null) =>
	fee ?? (feeFree ? '無料' : '');

/** 定休日: the weekdays of 平日 it is closed (when it opens on some), then the place's words */
function closedCell(p: OpenDataPlace) {
	const open = new Set(p.hours.map((h) => h.day));
	const someWeekday = WEEKDAYS.some((d) => open.has(d));
	const closed = someWeekday ? WEEKDAYS.filter((d) => !open.has(d)).map(weekdayWord) : [];
	return several([...closed, p.closedDays]);
}

const isKayoinoba = (p: OpenDataPlace) =>
	p.kinds.includes('kayoinoba') || p.kinds.includes('ibasho');
const isFacility = (p: OpenDataPlace) => p.kinds.includes('meeting_place');

/** One row of 「通いの場」 (numbered `no`). */
export function kayoinobaRecord(
	p: OpenDataPlace,
	no: number,
	ctx: { municipality: Municipality }
): Record<KayoinobaColumn, string> {
	const span = (days: readonly number[], end: 'opens' | 'closes') =>
		hoursSpan(p.hours, days)?.[end] ?? '';
	return {
		No: String(no),
		都道府県コード: ctx.municipality.code.slice(0, 2),
		都道府県名: ctx.municipality.prefecture,
		市区町村コード: ctx.municipality.code,
		市区町村名: ctx.municipality.name,
		備考: p.hoursNote ?? '',
		'名称（ふりがな）': p.nameKana ? toHiragana(p.nameKana) : '',
		名称: p.name,
		郵便番号: '',
		'所在地（都道府県から番地まで）': p.address ?? '',
		'所在地（建物名・部屋番号等）': '',
		電話番号: p.phone ?? '',
		対象者: several(
			PLACE_AUDIENCES.filter((a) => p.audiences.includes(a)).map((a) => AUDIENCE_WORDS[a])
		),
		活動内容: plainExcerpt(p.description),
		'運営日（平日）－開始': span(WEEKDAYS, 'opens'),
		'運営日（平日）－終了': span(WEEKDAYS, 'closes'),
		'運営日（土曜）－開始': span([6], 'opens'),
		'運営日（土曜）－終了': span([6], 'closes'),
		'運営日（日曜）－開始': span([7], 'opens'),
		'運営日（日曜）－終了': span([7], 'closes'),
		'運営日（祝日）－開始': span([8], 'opens'),
		'運営日（祝日）－終了': span([8], 'closes'),
		定休日: closedCell(p),
		定員: numberCell(p.capacity),
		料金体系: feeCell(p.feeFree, p.fee),
		飲食の提供の有無: flagCell(p.mealsProvided),
		飲食持ち込みの可否: flagCell(p.foodAllowed),
		送迎の有無: flagCell(p.transport),
		対象エリア: '',
		総合事業実施の有無: '',
		その他: p.accessibility ?? '',
		法人番号の有無: '',
		法人番号: '',
		'法人名称（ふりがな）': '',
		法人名称: p.organizationName ?? '',
		ステータス: '',
		緯度: numberCell(p.latitude),
		経度: numberCell(p.longitude),
		圏域: p.areaName ?? ''
	};
}

/** The rows of 「通いの場」: the places that are 通いの場 or 居場所, numbered from 1. */
export function kayoinobaRecords(
	places: OpenDataPlace[],
	ctx: { municipality: Municipality }
): Record<KayoinobaColumn, string>[] {
	return places.filter(isKayoinoba).map((p, i) => kayoinobaRecord(p, i + 1, ctx));
}

/** 利用可能日時特記事項: the notes on hours, then 「定休日：…」 on a line of its own */
export const facilityNoteCell = (hoursNote: string | null, closedDays: string | null) =>
	[hoursNote, closedDays ? `${CLOSED_DAYS_LABEL}${closedDays}` : null]
		.filter((v): v is string => !!v)
		.join('\n');

/** One row of 「公共施設一覧」 (numbered `no`). */
export function facilityRecord(
	p: OpenDataPlace,
	no: number,
	ctx: { municipality: Municipality }
): Record<FacilityColumn, string> {
	const days = [...new Set(p.hours.map((h) => h.day))].sort((a, b) => a - b);
	const span = hoursSpan(p.hours, days);
	return {
		都道府県コード又は市区町村コード: ctx.municipality.code,
		NO: String(no),
		都道府県名: ctx.municipality.prefecture,
		市区町村名: ctx.municipality.name,
		名称: p.name,
		名称_カナ: p.nameKana ? toKatakana(p.nameKana) : '',
		名称_通称: '',
		POIコード: '',
		住所: p.address ?? '',
		方書: '',
		緯度: numberCell(p.latitude),
		経度: numberCell(p.longitude),
		電話番号: p.phone ?? '',
		内線番号: '',
		法人番号: '',
		団体名: p.organizationName ?? '',
		利用可能曜日: days.map((d) => DAY_CHARS[d - 1]).join(''),
		開始時間: span?.opens ?? '',
		終了時間: span?.closes ?? '',
		利用可能日時特記事項: facilityNoteCell(p.hoursNote, p.closedDays),
		説明: plainExcerpt(p.description),
		バリアフリー情報: p.accessibility ?? '',
		URL: p.url ?? '',
		備考: '',
		圏域: p.areaName ?? ''
	};
}

/** The rows of 「公共施設一覧」: the meeting places, numbered from 1. */
export function facilityRecords(
	places: OpenDataPlace[],
	ctx: { municipality: Municipality }
): Record<FacilityColumn, string>[] {
	return places.filter(isFacility).map((p, i) => facilityRecord(p, i + 1, ctx));
}

/** The CSV of 「通いの場」: UTF-8 with a BOM, CRLF, the header row first. */
export function kayoinobaCsv(records: Record<KayoinobaColumn, string>[]): string {
	return csvFile(
		KAYOINOBA_COLUMNS,
		records.map((r) => KAYOINOBA_COLUMNS.map((c) => r[c]))
	);
}

/** The CSV of 「公共施設一覧」: UTF-8 with a BOM, CRLF, the header row first. */
export function facilityCsv(records: Record<FacilityColumn, string>[]): string {
	return csvFile(
		FACILITY_COLUMNS,
		records.map((r) => FACILITY_COLUMNS.map((c) => r[c]))
	);
}
