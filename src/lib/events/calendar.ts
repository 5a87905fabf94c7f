// Month grids for /calendar: Tokyo calendar days, weeks starting on Sunday as
// Japanese calendars do. Client-safe (no server imports).
import { monthNameEn, TOKYO_OFFSET_MS, weekdayName } from '$lib/format';

export interface MonthView {
	/** YYYY-MM */
	key: string;
	year: number;
	month: number;
	prev: string;
	next: string;
	/** the first instant of the month in Tokyo, and of the next month */
	from: Date;
	to: Date;
	/** rows of 7 days (Sunday first) as YYYY-MM-DD; null outside the month */
	weeks: (string | null)[][];
}

const pad = (n: number) => String(n).padStart(2, '0');
export const monthKey = (year: number, month: number) => `${year}-${pad(month)}`;

/** The month asked for as ?month=YYYY-MM, or the current Tokyo month when missing or malformed. */
export function parseMonth(
	value: string | null | undefined,
	now = new Date()
): { year: number; month: number } {
	const m = /^(\d{4})-(\d{2})$/.exec(value ?? '');
	if (m) {
		const year = +m[1];
		const month = +m[2];
		if (year >= 2000 && year <= 2100 && month >= 1 && month <= 12) return { year, month };
	}
	const t = new Date(now.getTime() + TOKYO_OFFSET_MS);
	return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1 };
}

const shift = (year: number, month: number, by: number) => {
	const i = year * 12 + (month - 1) + by;
	return { year: Math.floor(i / 12), month: (i % 12) + 1 };
};

export function monthView(year: number, month: number): MonthView {
	const next = shift(year, month, 1);
	const prev = shift(year, month, -1);
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
	const cells: (string | null)[] = [
		...Array.from({ length: firstWeekday }, () => null),
		...Array.from({ length: days }, (_, i) => `${monthKey(year, month)}-${pad(i + 1)}`)
	];
	while (cells.length % 7) cells.push(null);
	const weeks: (string | null)[][] = [];
	for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
	return {
		key: monthKey(year, month),
		year,
		month,
		prev: monthKey(prev.year, prev.month),
		next: monthKey(next.year, next.month),
		from: new Date(Date.UTC(year, month - 1, 1) - TOKYO_OFFSET_MS),
		to: new Date(Date.UTC(next.year, next.month - 1, 1) - TOKYO_OFFSET_MS),
		weeks
	};
}

/** 2027年1月 / January 2027 */
export function formatMonth(key: string, locale: string): string {
	const [y, m] = key.split('-').map(Number);
	return locale === 'ja' ? `${y}年${m}月` : `${monthNameEn(m)} ${y}`;
}

/** Weekday names from Sunday: short (日 / Sun) and full (日曜日 / Sunday). */
export function weekdayNames(locale: string): { short: string; long: string }[] {
	return Array.from({ length: 7 }, (_, i) => ({
		short: weekdayName(i, locale),
		long: weekdayName(i, locale, 'long')
	}));
}

/** Day of the week of a YYYY-MM-DD (0 = Sunday). */
export const weekdayOf = (dateKey: string) => new Date(`${dateKey}T00:00:00Z`).getUTCDay();
