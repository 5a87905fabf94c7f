// 「イベント一覧」 as JSON: the same rows as the CSV (the standard's column names
// as keys), with the dataset's licence and publisher; cached as the CSV is.
import { serverEnv } from '$lib/server/env';
import { eventsDatasetResponse, municipality } from '$lib/server/opendata/datasets';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, url }) =>
	eventsDatasetResponse(
		request,
		url.origin,
		'events.json',
		(records) =>
			JSON.stringify({
				dataset: 'イベント一覧',
				publisher: municipality().name,
				license: serverEnv.openDataLicense,
				records
			}),
		{ contentType: 'application/json; charset=utf-8' }
	);
