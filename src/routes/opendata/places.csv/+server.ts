// 「通いの場」 as CSV, in the column order of 厚生労働省's 通いの場 open data:
// published 通いの場 and 居場所, cached an hour, with an ETag.
import { cachedResponse } from '$lib/server/http/cached';
import { attachment } from '$lib/server/http/content-disposition';
import { loadKayoinobaRecords, OPEN_DATA_CACHE } from '$lib/server/opendata/datasets';
import { kayoinobaCsv } from '$lib/server/opendata/places';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request }) =>
	cachedResponse(request, kayoinobaCsv(await loadKayoinobaRecords()), {
		contentType: 'text/csv; charset=utf-8',
		cacheControl: OPEN_DATA_CACHE,
		headers: { 'content-disposition': attachment('通いの場.csv', 'places.csv') }
	});
