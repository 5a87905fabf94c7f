// 「イベント一覧」 as CSV (推奨データセット): published events' dates from a year
// back on, cached an hour. Its ETag follows the version of the public events: a
// copy asked for again is answered 304 before a row is read, and the file is made
// once however many ask for it at the same time.
import { cachedResponse, notModified } from '$lib/server/http/cached';
import { attachment } from '$lib/server/http/content-disposition';
import { renderedOnce } from '$lib/server/kept';
import {
	eventsDatasetTag,
	loadEventRecords,
	OPEN_DATA_CACHE,
	openEventsFrom
} from '$lib/server/opendata/datasets';
import { eventsCsv } from '$lib/server/opendata/events';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, url }) => {
	const from = openEventsFrom();
	const etag = await eventsDatasetTag(url.origin, from, 'events.csv');
	const headers = { 'content-disposition': attachment('イベント一覧.csv', 'events.csv') };
	const unchanged = notModified(request, etag, OPEN_DATA_CACHE, headers);
	if (unchanged) return unchanged;
	const body = await renderedOnce(etag, async () =>
		eventsCsv(await loadEventRecords(url.origin, from))
	);
	return cachedResponse(request, body, {
		contentType: 'text/csv; charset=utf-8',
		cacheControl: OPEN_DATA_CACHE,
		etag,
		headers
	});
};
