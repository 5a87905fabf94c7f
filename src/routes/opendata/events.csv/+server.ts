// 「イベント一覧」 as CSV (推奨データセット): published events' dates from a year
// back on, cached an hour; its ETag follows the version of the public events
// (eventsDatasetResponse).
import { attachment } from '$lib/server/http/content-disposition';
import { eventsDatasetResponse } from '$lib/server/opendata/datasets';
import { eventsCsv } from '$lib/server/opendata/events';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, url }) =>
	eventsDatasetResponse(request, url.origin, 'events.csv', eventsCsv, {
		contentType: 'text/csv; charset=utf-8',
		headers: { 'content-disposition': attachment('イベント一覧.csv', 'events.csv') }
	});
