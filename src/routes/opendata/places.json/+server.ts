// 「通いの場」 as JSON: the same rows as the CSV, with the licence and publisher.
import { serverEnv } from '$lib/server/env';
import { cachedResponse } from '$lib/server/http/cached';
import { loadKayoinobaRecords, municipality, OPEN_DATA_CACHE } from '$lib/server/opendata/datasets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request }) =>
	cachedResponse(
		request,
		JSON.stringify({
			dataset: '通いの場',
			publisher: municipality().name,
			license: serverEnv.openDataLicense,
			records: await loadKayoinobaRecords()
		}),
		{ contentType: 'application/json; charset=utf-8', cacheControl: OPEN_DATA_CACHE }
	);
