// 「イベント一覧」 as JSON: the same rows as the CSV (the standard's column names
// as keys), with the dataset's licence and publisher; its ETag and making as the
// CSV's (events.csv/+server.ts).
import { serverEnv } from '$lib/server/env';
import { cachedResponse, notModified } from '$lib/server/http/cached';
import { renderedOnce } from '$lib/server/kept';
import {
	eventsDatasetTag,
	loadEventRecords,
	municipality,
	OPEN_DATA_CACHE,
	openEventsFrom
} from '$lib/server/opendata/datasets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, url }) => {
	const from = openEventsFrom();
	const etag = await eventsDatasetTag(url.origin, from, 'events.json');
	const unchanged = notModified(request, etag, OPEN_DATA_CACHE);
	if (unchanged) return unchanged;
	const body = await renderedOnce(etag, async () =>
		JSON.stringify({
			dataset: 'イベント一覧',
			publisher: municipality().name,
			license: serverEnv.openDataLicense,
			records: await loadEventRecords(url.origin, from)
		})
	);
	return cachedResponse(request, body, {
		contentType: 'application/json; charset=utf-8',
		cacheControl: OPEN_DATA_CACHE,
		etag
	});
};
