// The attendee list as CSV for Excel in Japan (http/csv.ts: UTF-8 with a
// BOM, CRLF), Japanese headers, times in Asia/Tokyo. The file is a fixed Japanese form, whatever the page's language.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Attendee } from '$lib/server/db/registrations';
import { TIME_ZONE } from '$lib/format';
import { attachment, safeFileName } from '$lib/server/http/content-disposition';
import { csvFile, neutralizeCell } from '$lib/server/http/csv';

export const CSV_HEADERS = [
	'氏名',
	'電話',
	'人数（同伴含む）',
	'状態',
	'申込日時',
	'出席',
	'メモ'
] as const;
export const UNLISTED_MEMBER_JA = '会員（名前非公開）';

const STATUS_ORDER = { going: 0, waitlisted: 1, cancelled: 2 } as const;

const tokyo = (iso: string, pattern: string) =>
	format(new TZDate(new Date(iso).getTime(), TIME_ZONE), pattern);

/** Rows in list order: going, then the waiting list (with places), then cancelled. */
export function attendeeCsvRows(attendees: Attendee[]): string[][] {
	const sorted = [...attendees].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
	let place = 0;
	return sorted.map((a) => {
		const status =
			a.status === 'going'
				? '参加'
				: a.status === 'waitlisted'
					? `キャンセル待ち（${++place}番目）`
					: 'キャンセル';
		return [
			neutralizeCell(a.name ?? UNLISTED_MEMBER_JA),
			neutralizeCell(a.phone ?? ''),
			String(1 + a.companions),
			status,
			tokyo(a.queuedAt, 'yyyy/MM/dd HH:mm'),
			a.attended === true ? '出席' : a.attended === false ? '欠席' : '',
			neutralizeCell(a.note ?? '')
		];
	});
}

/** The whole file, starting with the UTF-8 BOM. */
export function attendeeCsv(attendees: Attendee[]): string {
	return csvFile(CSV_HEADERS, attendeeCsvRows(attendees));
}

/** 参加者名簿_<title>_<yyyyMMdd>.csv, with an ASCII fallback for old clients. */
export function attendeeCsvDisposition(title: string, startsAt: string): string {
	const day = tokyo(startsAt, 'yyyyMMdd');
	return attachment(`参加者名簿_${safeFileName(title, 40)}_${day}.csv`, `attendees-${day}.csv`);
}
