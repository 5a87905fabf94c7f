// The points of every place /places shows for the same query (up to 1000), for
// its map: read by the map's script, cached briefly by the browser.
import { json } from '@sveltejs/kit';
import { placePoints } from '$lib/server/db/places';
import { requestDb } from '$lib/server/db/request';
import { listAreas } from '$lib/server/db/taxonomy';
import { readPlaceFilters } from '$lib/server/places/filters';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, setHeaders }) => {
	const db = requestDb();
	const areas = await listAreas(db);
	const { filters } = readPlaceFilters(url.searchParams, areas);
	// private: a signed-in request may carry a refreshed session cookie
	setHeaders({ 'cache-control': 'private, max-age=60' });
	return json(await placePoints(db, filters));
};
