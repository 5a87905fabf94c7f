import { tokyoInstant } from '$lib/events/recurrence';
import { EVENT_PAGE_SIZE, searchOccurrences } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { readFilters } from '$lib/server/events/filters';
import type { PageServerLoad } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageServerLoad = async ({ url }) => {
	const db = requestDb();
	const params = url.searchParams;
	// q, kind, area, field, organization: the same names as /calendar and /calendar.ics
	const read = await readFilters(db, params);
	const fromParam = params.get('from') ?? '';
	const toParam = params.get('to') ?? '';
	const from = (DATE.test(fromParam) && tokyoInstant(fromParam)) || new Date();
	const toStart = DATE.test(toParam) ? tokyoInstant(toParam) : null;
	const to = toStart ? new Date(toStart.getTime() + 86400_000) : undefined;
	const seats = params.get('seats') === '1';
	const online = params.get('online') === '1';
	const page = Math.max(1, Math.min(1000, Number.parseInt(params.get('page') ?? '1', 10) || 1));
	const start = (page - 1) * EVENT_PAGE_SIZE;

	const { occurrences, total } = await searchOccurrences(
		db,
		{ ...read.filters, from, to, seatsLeft: seats, online },
		{ from: start, to: start + EVENT_PAGE_SIZE - 1 }
	);
	return {
		occurrences,
		total,
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
			online
		}
	};
};
