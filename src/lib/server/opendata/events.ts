// 「イベント一覧」 in the Digital Agency's 推奨データセット (自治体標準オープン
// データセット): every column in the standard's order and names, then
// Tsunagu's own (圏域, 分野). One row per scheduled date; dates YYYY-MM-DD and
// times hh:mm in Tokyo; several values in one cell separated by a half-width
// 「;」. The same rows are written as CSV and as JSON.
import { describeRrule } from '$lib/events/describe';
import { tokyoParts } from '$lib/format';
import type { OpenDataEvent } from '$lib/server/db/opendata';
import { csvFile } from '$lib/server/http/csv';

export const EVENT_STANDARD_COLUMNS = [
	'都道府県コード又は市区町村コード',
	'NO',
	'都道府県名',
	'市区町村名',
	'イベント名',
	'イベント名_カナ',
	'イベント名_英語',
	'開始日',
	'終了日',
	'開始時間',
	'終了時間',
	'開始日時特記事項',
	'説明',
	'料金(基本)',
	'料金(詳細)',
	'連絡先名称',
	'連絡先電話番号',
	'連絡先内線番号',
	'主催者',
	'場所名称',
	'住所',
	'方書',
	'緯度',
	'経度',
	'アクセス方法',
	'駐車場情報',
	'定員',
	'参加申込終了日',
	'参加申込終了時間',
	'参加申込方法',
	'URL',
	'備考'
] as const;
/** Tsunagu's own columns, after the standard's. */
export const EVENT_EXTRA_COLUMNS = ['圏域', '分野'] as const;
export const EVENT_COLUMNS = [...EVENT_STANDARD_COLUMNS, ...EVENT_EXTRA_COLUMNS] as const;
export type EventColumn = (typeof EVENT_COLUMNS)[number];

export interface Municipality {
	/** 全国地方公共団体コード (6 digits with its check digit), e.g. 122076 */
	code: string;
	prefecture: string;
	name: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (iso: string) => {
	const p = tokyoParts(iso);
	return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
};
const time = (iso: string) => {
	const p = tokyoParts(iso);
	return `${pad(p.hours)}:${pad(p.minutes)}`;
};
/** several values in one cell */
const several = (values: (string | null | undefined)[]) =>
	values.filter((v): v is string => !!v && v.trim() !== '').join(';');

/** The rows, each a record of column → text, numbered from 1. */
export function eventRecords(
	events: OpenDataEvent[],
	ctx: { municipality: Municipality; eventUrl: (id: string) => string }
): Record<EventColumn, string>[] {
	return events.map((e, i) => {
		// an all-day date ends at midnight after its last day
		const lastDay = e.allDay ? new Date(new Date(e.endsAt).getTime() - 1).toISOString() : e.endsAt;
		const closes = e.registrationClosesAt;
		return {
			都道府県コード又は市区町村コード: ctx.municipality.code,
			NO: String(i + 1),
			都道府県名: ctx.municipality.prefecture,
			市区町村名: ctx.municipality.name,
			イベント名: e.title,
			イベント名_カナ: '',
			イベント名_英語: '',
			開始日: day(e.startsAt),
			終了日: day(lastDay),
			開始時間: e.allDay ? '' : time(e.startsAt),
			終了時間: e.allDay ? '' : time(e.endsAt),
			開始日時特記事項: describeRrule(e.rrule, 'ja') ?? '',
			説明: e.summary,
			'料金(基本)': e.fee ?? '',
			'料金(詳細)': '',
			連絡先名称: e.contactName ?? '',
			連絡先電話番号: e.contactPhone ?? '',
			連絡先内線番号: '',
			主催者: e.organizationName ?? '',
			場所名称: e.venueName ?? (e.onlineUrl ? 'オンライン' : ''),
			住所: e.venueAddress ?? '',
			方書: '',
			緯度: '',
			経度: '',
			アクセス方法: '',
			駐車場情報: '',
			定員: e.capacity === null ? '' : String(e.capacity),
			参加申込終了日: closes ? day(closes) : '',
			参加申込終了時間: closes ? time(closes) : '',
			参加申込方法: several([e.howToApply, e.deadlineNote]),
			URL: ctx.eventUrl(e.eventId),
			備考: several([e.audienceNote, e.accessibility]),
			圏域: e.areaName ?? '',
			分野: several(e.fieldNames)
		};
	});
}

/** The CSV: UTF-8 with a BOM (so that Excel reads it), CRLF, the header row first. */
export function eventsCsv(records: Record<EventColumn, string>[]): string {
	return csvFile(
		EVENT_COLUMNS,
		records.map((r) => EVENT_COLUMNS.map((c) => r[c]))
	);
}
