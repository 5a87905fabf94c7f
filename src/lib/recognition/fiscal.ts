// 年度 (the Japanese fiscal year, April to March) and dates in the Japanese
// era (令和8年12月2日), for the timeline and the certificate. Client-safe.
import { tokyoDateKey } from '$lib/format';

/** A date as yyyy-MM-dd (a Tokyo date: an award's awarded_on) or an instant (taken in Tokyo). */
type DateLike = Date | string;

/** The Tokyo calendar date of a value: a plain yyyy-MM-dd is already one. */
function tokyoParts(value: DateLike): { y: number; m: number; d: number } {
	const key =
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : tokyoDateKey(value);
	const [y, m, d] = key.split('-').map(Number);
	return { y, m, d };
}

/** The 年度 a date falls in: April 2026 to March 2027 is 2026. */
export function fiscalYearOf(value: DateLike): number {
	const { y, m } = tokyoParts(value);
	return m >= 4 ? y : y - 1;
}

/** A 年度's first day and the day after its last (yyyy-MM-dd): April 1 to April 1. */
export const fiscalYearRange = (fy: number) => ({ from: `${fy}-04-01`, to: `${fy + 1}-04-01` });

/** The eras since 1989 (the first day of each), newest first. */
const ERAS = [
	{ name: '令和', en: 'Reiwa', from: '2019-05-01', first: 2019 },
	{ name: '平成', en: 'Heisei', from: '1989-01-08', first: 1989 }
] as const;

/** The era and its year for a western year, as on the day `key` (yyyy-MM-dd). */
function eraYear(year: number, key: string) {
	const era = ERAS.find((e) => key >= e.from) ?? ERAS[ERAS.length - 1];
	return { era, n: year - era.first + 1 };
}

const nth = (n: number) => (n === 1 ? '元' : String(n));

/**
 * 令和8年度 (2026年度) / FY2026 (Reiwa 8). A year is named by the era of its
 * end of December: FY2019, begun under Heisei, is 令和元年度 as official usage has it.
 */
export function fiscalYearLabel(fy: number, locale: string): string {
	const { era, n } = eraYear(fy, `${fy}-12-31`);
	return locale === 'ja' ? `${era.name}${nth(n)}年度（${fy}年度）` : `FY${fy} (${era.en} ${n})`;
}

/** 令和8年12月2日 (the certificate's date; 元年 for the first year of an era). */
export function eraDate(value: DateLike): string {
	const { y, m, d } = tokyoParts(value);
	const key = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
	const { era, n } = eraYear(y, key);
	return `${era.name}${nth(n)}年${m}月${d}日`;
}

/** The 年度 a date is in, as a filter value is parsed from the address (2000–2100, else null). */
export function parseFiscalYear(value: string | null): number | null {
	if (value === null || !/^\d{4}$/.test(value)) return null;
	const n = Number(value);
	return n >= 2000 && n <= 2100 ? n : null;
}
