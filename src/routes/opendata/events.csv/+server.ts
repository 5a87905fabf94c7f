// 「イベント一覧」 as CSV (推奨データセット): published events' dates from a year
// back on, cached an hour, with an ETag.
import { cachedResponse } from '$lib/server/http/cached';
import { attachment } from '$lib/server/http/content-disposition';
import { loadEventRecords, OPEN_DATA_CACHE } from '$lib/server/opendata/datasets';
import { eventsCsv } from '$lib/server/opendata/events';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, url }) =>
	cachedResponse(request, eventsCsv(await loadEventRecords(url.origin)), {
		contentType: 'text/csv; charset=utf-8',
		cacheControl: OPEN_DATA_CACHE,
		headers: { 'content-disposition': attachment('イベント一覧.csv', 'events.csv') }
	});
