// Dates are stored as timestamptz (ISO UTC) and shown in Asia/Tokyo. Japan has
// had no daylight saving since 1951, so Tokyo is always UTC+9 and a Tokyo date
// is the UTC date of the instant nine hours later: no time-zone library (these
// functions run in the browser too, and every page would download one).

export const TIME_ZONE = 'Asia/Tokyo';
/** Tokyo is always UTC+9 (no daylight saving). */
export const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

const WEEKDAYS = {
	ja: {
		short: ['日', '月', '火', '水', '木', '金', '土'],
		long: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日']
	},
	en: {
		short: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
		long: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
	}
};
const MONTHS_EN = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** The Tokyo calendar fields of an instant. */
export interface TokyoParts {
	year: number;
	/** 1–12 */
	month: number;
	day: number;
	/** 0 = Sunday */
	weekday: number;
	hours: number;
	minutes: number;
}

export function tokyoParts(value: Date | string): TokyoParts {
	const d = new Date(new Date(value).getTime() + TOKYO_OFFSET_MS);
	return {
		year: d.getUTCFullYear(),
		month: d.getUTCMonth() + 1,
		day: d.getUTCDate(),
		weekday: d.getUTCDay(),
		hours: d.getUTCHours(),
		minutes: d.getUTCMinutes()
	};
}

const pad = (n: number) => String(n).padStart(2, '0');
const lang = (locale: string) => (locale === 'ja' ? 'ja' : 'en');

/** 日 / Sun (short) or 日曜日 / Sunday (long), 0 = Sunday. */
export const weekdayName = (weekday: number, locale: string, width: 'short' | 'long' = 'short') =>
	WEEKDAYS[lang(locale)][width][weekday];

/** January / Jan (month 1–12), English only: Japanese writes 1月. */
export const monthNameEn = (month: number, width: 'short' | 'long' = 'long') =>
	width === 'long' ? MONTHS_EN[month - 1] : MONTHS_EN[month - 1].slice(0, 3);

/** 2026年12月5日(土) 14:00 / Sat, 5 Dec 2026 14:00 */
export function formatDateTime(value: Date | string, locale: string): string {
	return `${formatDate(value, locale)} ${formatTime(value)}`;
}

/** 2026年12月5日(土) / Sat, 5 Dec 2026 */
export function formatDate(value: Date | string, locale: string): string {
	const p = tokyoParts(value);
	return locale === 'ja'
		? `${p.year}年${p.month}月${p.day}日(${weekdayName(p.weekday, 'ja')})`
		: `${weekdayName(p.weekday, 'en')}, ${p.day} ${monthNameEn(p.month, 'short')} ${p.year}`;
}

/** 14:00 */
export function formatTime(value: Date | string): string {
	const p = tokyoParts(value);
	return `${pad(p.hours)}:${pad(p.minutes)}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant the Tokyo day of `now` began (00:00 in Tokyo). */
export function tokyoDayStart(now: Date): Date {
	return new Date(
		Math.floor((now.getTime() + TOKYO_OFFSET_MS) / DAY_MS) * DAY_MS - TOKYO_OFFSET_MS
	);
}

/** yyyy-MM-dd of the Tokyo day, for keys and date inputs. */
export function tokyoDateKey(value: Date | string): string {
	const p = tokyoParts(value);
	return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * When an event happens: 2026年12月5日(土) 14:00〜16:00, or across days
 * 2026年12月5日(土) 14:00〜12月6日(日) 12:00; all-day ones show only dates.
 */
export function formatEventTime(
	startsAt: Date | string,
	endsAt: Date | string,
	allDay: boolean,
	locale: string
): string {
	const sameDay =
		tokyoDateKey(startsAt) ===
		tokyoDateKey(new Date(new Date(endsAt).getTime() - (allDay ? 1 : 0)));
	const sep = locale === 'ja' ? '〜' : ' – ';
	if (allDay) {
		const lastDay = new Date(new Date(endsAt).getTime() - 1);
		return sameDay
			? formatDate(startsAt, locale)
			: formatDate(startsAt, locale) + sep + formatDate(lastDay, locale);
	}
	if (sameDay) return formatDateTime(startsAt, locale) + sep + formatTime(endsAt);
	return formatDateTime(startsAt, locale) + sep + formatDateTime(endsAt, locale);
}
