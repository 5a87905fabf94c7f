import { pageReadings } from '$lib/server/furigana/page';
import { requestDb } from '$lib/server/db/request';
import { listThreads, THREAD_PAGE_SIZE } from '$lib/server/db/threads';
import { publicEventsVersion } from '$lib/server/db/events';
import { takeFlash } from '$lib/server/events/flash';
import { readFilters } from '$lib/server/events/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, cookies }) => {
	const db = requestDb();
	const params = url.searchParams;
	// q, area, field, organization: the same names (slugs) as /events; kind does not apply
	const read = await readFilters(db, params, await publicEventsVersion(db));
	const unanswered = params.get('unanswered') === '1';
	const page = Math.max(1, Math.min(1000, Number.parseInt(params.get('page') ?? '1', 10) || 1));
	const { threads, total, totalCapped } = await listThreads(
		db,
		{
			q: read.filters.q,
			areaId: read.filters.areaId,
			fieldId: read.filters.fieldId,
			organizationId: read.filters.organizationId,
			unanswered
		},
		page
	);
	return {
		threads,
		readings: await pageReadings(
			cookies,
			db,
			threads.map((t) => t.id)
		),
		total,
		totalCapped,
		page,
		pageCount: Math.max(1, Math.ceil(total / THREAD_PAGE_SIZE)),
		areas: read.areas,
		fields: read.fields,
		organization: read.organization,
		filters: {
			q: read.values.q,
			kind: '',
			area: read.values.area,
			field: read.values.field,
			organization: read.values.organization,
			unanswered
		},
		// after deleting a thread (its only post)
		flash: takeFlash(cookies, url)
	};
};
