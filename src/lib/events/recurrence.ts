// Recurring events: a weekly or monthly rule as an RFC 5545 RRULE, expanded
// into occurrences with the rrule package. Times are Tokyo wall-clock times
// (Japan has no daylight saving, so Asia/Tokyo is always UTC+9).
import rrulePkg from 'rrule';

const { RRule } = rrulePkg;

export const MAX_OCCURRENCES = 500;
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

export type Repeat = 'none' | 'weekly' | 'monthly';

export interface RepeatInput {
	repeat: Repeat;
	/** the first occurrence's start, as an instant */
	startsAt: Date;
	/** end of the series: a Tokyo date (inclusive) or a number of times */
	until?: string | null;
	count?: number | null;
}

/** Tokyo wall-clock parts of an instant. */
export function tokyoParts(instant: Date) {
	const t = new Date(instant.getTime() + TOKYO_OFFSET_MS);
	return {
		year: t.getUTCFullYear(),
		month: t.getUTCMonth() + 1,
		day: t.getUTCDate(),
		weekday: t.getUTCDay(),
		hour: t.getUTCHours(),
		minute: t.getUTCMinutes()
	};
}

/** The instant of a Tokyo wall-clock date and time ("2026-12-05", "14:00"). */
export function tokyoInstant(date: string, time = '00:00'): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const t = /^(\d{2}):(\d{2})$/.exec(time);
	if (!m || !t) return null;
	const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +t[1], +t[2]);
	const d = new Date(ms - TOKYO_OFFSET_MS);
	// Date.UTC rolls 2026-13-01 over to 2027-01-01, 2026-02-30 to March, 25:00 to
	// the next day and years 0–99 to 1900–1999: only a value that comes back
	// exactly as written is a real date and time
	const p = tokyoParts(d);
	const exact =
		p.year === +m[1] &&
		p.month === +m[2] &&
		p.day === +m[3] &&
		p.hour === +t[1] &&
		p.minute === +t[2];
	return exact ? d : null;
}

/** The nth weekday of its month: 2 for the second Tuesday; a fifth one means "the last" (-1). */
export function nthWeekday(instant: Date) {
	const n = Math.ceil(tokyoParts(instant).day / 7);
	return n === 5 ? -1 : n;
}

/** The RRULE (without DTSTART) for a repeat choice, or null for a one-off. */
export function buildRrule(input: RepeatInput): string | null {
	if (input.repeat === 'none') return null;
	const { weekday } = tokyoParts(input.startsAt);
	const day = WEEKDAYS[weekday];
	const parts =
		input.repeat === 'weekly'
			? ['FREQ=WEEKLY', `BYDAY=${day}`]
			: ['FREQ=MONTHLY', `BYDAY=${nthWeekday(input.startsAt)}${day}`];
	if (input.count) parts.push(`COUNT=${input.count}`);
	else if (input.until) {
		// the end of that Tokyo day, in UTC
		const end = tokyoInstant(input.until, '23:59');
		if (!end) throw new Error('bad until date');
		parts.push(
			`UNTIL=${end
				.toISOString()
				.replace(/[-:]/g, '')
				.replace(/\.\d{3}/, '')}`
		);
	}
	return parts.join(';');
}

/** The starts of every occurrence; at most `limit` (one more than the maximum tells "too many"). */
export function expandRrule(
	rrule: string | null,
	startsAt: Date,
	limit = MAX_OCCURRENCES + 1
): Date[] {
	if (!rrule) return [startsAt];
	// rrule works on "floating" times: feed it Tokyo wall-clock time as if it were UTC
	const dtstart = new Date(startsAt.getTime() + TOKYO_OFFSET_MS);
	const options = RRule.parseString(rrule);
	if (options.until) options.until = new Date(options.until.getTime() + TOKYO_OFFSET_MS);
	const rule = new RRule({ ...options, dtstart, tzid: undefined });
	const starts: Date[] = [];
	rule.all((date, i) => {
		starts.push(new Date(date.getTime() - TOKYO_OFFSET_MS));
		return i + 1 < limit;
	});
	return starts;
}

/** Describes a rule for people, e.g. 毎月第2火曜日 / every second Tuesday of the month. */
export function repeatOf(rrule: string | null): {
	repeat: Repeat;
	count: number | null;
	until: string | null;
} {
	if (!rrule) return { repeat: 'none', count: null, until: null };
	const options = RRule.parseString(rrule);
	const until = options.until
		? (() => {
				const p = tokyoParts(options.until);
				return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
			})()
		: null;
	return {
		repeat: options.freq === RRule.WEEKLY ? 'weekly' : 'monthly',
		count: options.count ?? null,
		until
	};
}
