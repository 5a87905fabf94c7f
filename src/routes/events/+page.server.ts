import { tokyoInstant } from '$lib/events/recurrence';
import { EVENT_PAGE_SIZE } from '$lib/server/db/events';
import { eventSeries, readerOf } from '$lib/server/events/kept-lists';
import { pageReadings } from '$lib/server/furigana/page';
import { requestDb } from '$lib/server/db/request';
import { readFilters } from '$lib/server/events/filters';
import type { PageServerLoad } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageServerLoad = async ({ url, cookies }) => {
	const db = requestDb();
	const params = url.searchParams;
	// q, kind, area, field, organization: the same names as /calendar and /calendar.ics
	const reader = await readerOf(db);
	const read = await readFilters(db, params, reader.version);
	const fromParam = params.get('from') ?? '';
	const toParam = params.get('to') ?? '';
	// upcoming events: a from date in the past (or today) starts now
	const now = new Date();
	const fromStart = DATE.test(fromParam) ? tokyoInstant(fromParam) : null;
	const from = fromStart && fromStart > now ? fromStart : now;
	const toStart = DATE.test(toParam) ? tokyoInstant(toParam) : null;
	const to = toStart ? new Date(toStart.getTime() + 86400_000) : undefined;
	const seats = params.get('seats') === '1';
	const online = params.get('online') === '1';
	const easy = params.get('easy') === '1';
	const page = Math.max(1, Math.min(1000, Number.parseInt(params.get('page') ?? '1', 10) || 1));
	const start = (page - 1) * EVENT_PAGE_SIZE;

	// one card per event: a series at its next date, with how many more dates it has
	const { cards, total, totalCapped } = await eventSeries(
		db,
		reader,
		{ ...read.filters, from, to, seatsLeft: seats, online, easy },
		{ offset: start, limit: EVENT_PAGE_SIZE }
	);
	return {
		cards,
		readings: await pageReadings(
			cookies,
			db,
			cards.map((c) => c.event.id)
		),
		total,
		totalCapped,
		page,
		pageCount: Math.max(1, Math.ceil(total / EVENT_PAGE_SIZE)),
		areas: read.areas,
		fields: read.fields,
		organization: read.organization,
		filters: {
			...read.values,
			from: DATE.test(fromParam) ? fromParam : '',
			to: DATE.test(toParam) ? toParam : '',
			seats,
			online,
			easy
		}
	};
};
