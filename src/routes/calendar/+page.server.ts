import { localizeHref } from '$lib/paraglide/runtime';
import { formatTime, tokyoDateKey } from '$lib/format';
import { monthView, parseMonth } from '$lib/events/calendar';
import { calendarMonth, publicEventsVersion } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { filterQuery, readFilters } from '$lib/server/events/filters';
import { holidaysOfMonth } from '$lib/server/events/holidays';
import { readOnce } from '$lib/server/kept';
import type { PageServerLoad } from './$types';

// a line of the month: what it shows and links to, nothing more (it is in the page twice: as
// HTML and as the data that hydrates it)
export interface CalendarEntry {
	eventId: string;
	title: string;
	/** HH:mm in Tokyo (the start: a line of the month shows no end), null for all-day events */
	time: string | null;
	cancelled: boolean;
}

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = requestDb();
	const { year, month } = parseMonth(url.searchParams.get('month'));
	const view = monthView(year, month);
	const version = await publicEventsVersion(db);
	const read = await readFilters(db, url.searchParams, version);

	// (an unknown slug is dropped here, as on /events; the form shows what applies)
	// at most a few dates a day, with each day's total (「ほか◯件」): the same for everybody
	// (published and cancelled dates), read and laid out once for a version of the public events
	const filters = { ...read.filters, from: view.from, to: view.to };
	const { days, dayTotals } = await readOnce(
		`calendar ${version} ${JSON.stringify(filters)}`,
		async () => {
			const { occurrences, dayTotals } = await calendarMonth(db, filters);
			const firstDay = `${view.key}-01`;
			const days: Record<string, CalendarEntry[]> = {};
			for (const o of occurrences) {
				// one that began last month and runs into this one is shown on the 1st
				const start = tokyoDateKey(o.startsAt);
				const key = start < firstDay ? firstDay : start;
				(days[key] ??= []).push({
					eventId: o.event.id,
					title: o.event.title,
					time: o.event.allDay ? null : formatTime(o.startsAt),
					cancelled: o.cancelled
				});
			}
			return { days, dayTotals };
		}
	);

	const query = (extra: Record<string, string> = {}) => {
		const q = filterQuery(read.values, extra);
		return q ? `?${q}` : '';
	};
	const feedPath = localizeHref('/calendar.ics') + query();
	const today = tokyoDateKey(new Date());
	// a day with more dates than shown: 「ほか◯件」, a link to that day's list while it is to come
	const more: Record<string, { count: number; href: string | null }> = {};
	// the list's address and the filters' query once, not per day (a day, 2026-12-06, needs no
	// escaping)
	const eventsPath = localizeHref('/events');
	const filtered = filterQuery(read.values);
	const dayList = (day: string) =>
		`${eventsPath}?from=${day}&to=${day}${filtered && `&${filtered}`}#results`;
	for (const [day, count] of Object.entries(dayTotals)) {
		const hidden = count - (days[day]?.length ?? 0);
		if (hidden <= 0) continue;
		more[day] = { count: hidden, href: day >= today ? dayList(day) : null };
	}
	return {
		month: { key: view.key, prev: view.prev, next: view.next, weeks: view.weeks },
		today,
		isThisMonth: today.startsWith(view.key),
		days,
		holidays: holidaysOfMonth(view.key),
		more,
		total: Object.values(dayTotals).reduce((sum, n) => sum + n, 0),
		filters: read.values,
		organization: read.organization,
		areas: read.areas,
		fields: read.fields,
		links: {
			prev: localizeHref('/calendar') + query({ month: view.prev }),
			next: localizeHref('/calendar') + query({ month: view.next }),
			thisMonth: localizeHref('/calendar') + query(),
			clear:
				localizeHref('/calendar') + (url.searchParams.has('month') ? `?month=${view.key}` : ''),
			feedHttps: new URL(feedPath, url.origin).href,
			feedWebcal: `webcal://${url.host}${feedPath}`
		},
		signedIn: !!locals.user
	};
};
