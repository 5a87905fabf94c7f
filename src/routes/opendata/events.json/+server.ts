// 「イベント一覧」 as JSON: the same rows as the CSV (the standard's column names
// as keys), with the dataset's licence and publisher.
import { serverEnv } from '$lib/server/env';
import { cachedResponse } from '$lib/server/http/cached';
import { loadEventRecords, municipality, OPEN_DATA_CACHE } from '$lib/server/opendata/datasets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, url }) => {
	const body = JSON.stringify({
		dataset: 'イベント一覧',
		publisher: municipality().name,
		license: serverEnv.openDataLicense,
		records: await loadEventRecords(url.origin)
	});
	return cachedResponse(request, body, {
		contentType: 'application/json; charset=utf-8',
		cacheControl: OPEN_DATA_CACHE
	});
};
