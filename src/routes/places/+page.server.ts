import { canModerate } from '$lib/permissions';
import { listPlaces, PLACE_PAGE_SIZE } from '$lib/server/db/places';
import { pageReadings } from '$lib/server/furigana/page';
import { requestDb } from '$lib/server/db/request';
import { listAreas } from '$lib/server/db/taxonomy';
import { serverEnv } from '$lib/server/env';
import { readPlaceFilters } from '$lib/server/places/filters';
import type { PageServerLoad } from './$types';

// /places: published places by reading, filtered in the address, 20 a page; the
// map beside the list reads the same filters' points from ./points.json.
export const load: PageServerLoad = async ({ url, locals, cookies }) => {
	const db = requestDb();
	const areas = await listAreas(db);
	const { values, filters } = readPlaceFilters(url.searchParams, areas);
	const page = Math.max(
		1,
		Math.min(1000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
	);
	const { places, total, totalCapped } = await listPlaces(db, filters, page);
	return {
		places,
		readings: await pageReadings(
			cookies,
			db,
			places.map((p) => p.id)
		),
		total,
		totalCapped,
		page,
		pageCount: Math.max(1, Math.ceil(total / PLACE_PAGE_SIZE)),
		filters: values,
		areas,
		tiles: serverEnv.mapTiles,
		// who sees 「場所を登録する」: anyone signed in (the form says whose places they may add)
		signedIn: locals.user !== null,
		coordinator: canModerate(locals.user)
	};
};
