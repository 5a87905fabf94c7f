// The home page's quick links 「今日」「今週末」「今月」, made by its load (the
// addresses and the dates as written), so that none of this is in the page's
// JavaScript.
import { weekdayOf } from '$lib/events/calendar';
import { quickRanges, rangeQuery, type DateRange, type QuickLink } from '$lib/events/quick-ranges';
import { monthNameEn, weekdayName } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';

/** 「今日」「今週末」「今月」 as links to /events, their dates written in `locale`. */
export function quickLinks(
	now: Date,
	locale: 'ja' | 'en'
): { today: QuickLink; weekend: QuickLink; month: QuickLink } {
	const ranges = quickRanges(now);
	/** 12月10日(木) / Thu, Dec 10: a Tokyo date as written (YYYY-MM-DD), without a time zone to shift it */
	const day = (date: string) => {
		const [, mo, d] = date.split('-').map(Number);
		const weekday = weekdayName(weekdayOf(date), locale);
		return locale === 'en'
			? `${weekday}, ${monthNameEn(mo, 'short')} ${d}`
			: `${mo}月${d}日(${weekday})`;
	};
	const mo = Number(ranges.month.from.split('-')[1]);
	const href = (range: DateRange) => `${localizeHref('/events', { locale })}?${rangeQuery(range)}`;
	const { from, to } = ranges.weekend;
	return {
		today: { href: href(ranges.today), when: day(ranges.today.from) },
		weekend: {
			href: href(ranges.weekend),
			when:
				from === to ? day(from) : m.home_quick_span({ from: day(from), to: day(to) }, { locale })
		},
		month: {
			href: href(ranges.month),
			when: m.home_quick_month_rest(
				{ month: locale === 'en' ? monthNameEn(mo) : `${mo}月` },
				{ locale }
			)
		}
	};
}
