// The home page's questions 「今日」「今週末」「今月」 as /events date filters:
// Tokyo dates (YYYY-MM-DD), both ends included, as /events reads from and to.
// Plain arithmetic, no imports: the tests compute the same ranges.

export interface DateRange {
	from: string;
	to: string;
}

/** A quick link (made by the home page's load): where it goes and the dates under its label. */
export interface QuickLink {
	href: string;
	when: string;
}

const DAY = 24 * 60 * 60 * 1000;
/** Japan has no daylight saving: Tokyo is always UTC+9 */
const TOKYO_OFFSET = 9 * 60 * 60 * 1000;

function tokyoParts(instant: Date) {
	const t = new Date(instant.getTime() + TOKYO_OFFSET);
	return {
		year: t.getUTCFullYear(),
		month: t.getUTCMonth() + 1,
		day: t.getUTCDate(),
		weekday: t.getUTCDay()
	};
}

const iso = (y: number, m: number, d: number) =>
	`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The Tokyo date of an instant. */
const tokyoDate = (instant: Date) => {
	const p = tokyoParts(instant);
	return iso(p.year, p.month, p.day);
};

export function quickRanges(now: Date): { today: DateRange; weekend: DateRange; month: DateRange } {
	const p = tokyoParts(now);
	const today = iso(p.year, p.month, p.day);
	// this weekend: Saturday and Sunday ahead, or the rest of it when it has begun
	const toSaturday = (6 - p.weekday + 7) % 7;
	const saturday = p.weekday === 0 ? today : tokyoDate(new Date(now.getTime() + toSaturday * DAY));
	const sunday =
		p.weekday === 0 ? today : tokyoDate(new Date(now.getTime() + (toSaturday + 1) * DAY));
	// the last day of this month: day 0 of the next one
	const lastDay = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
	return {
		today: { from: today, to: today },
		weekend: { from: saturday, to: sunday },
		month: { from: today, to: iso(p.year, p.month, lastDay) }
	};
}

/** The query string of /events for a range (and an area slug). */
export const rangeQuery = (range: DateRange) => `from=${range.from}&to=${range.to}`;
