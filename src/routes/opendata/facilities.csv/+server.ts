// 「公共施設一覧」 as CSV (推奨データセット): published meeting places (集会所・
// 公民館・自治会館), cached an hour, with an ETag.
import { cachedResponse } from '$lib/server/http/cached';
import { attachment } from '$lib/server/http/content-disposition';
import { loadFacilityRecords, OPEN_DATA_CACHE } from '$lib/server/opendata/datasets';
import { facilityCsv } from '$lib/server/opendata/places';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request }) =>
	cachedResponse(request, facilityCsv(await loadFacilityRecords()), {
		contentType: 'text/csv; charset=utf-8',
		cacheControl: OPEN_DATA_CACHE,
		headers: { 'content-disposition': attachment('公共施設一覧.csv', 'facilities.csv') }
	});
