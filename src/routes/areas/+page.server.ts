import { townQuery } from '$lib/areas/towns';
import { requestDb } from '$lib/server/db/request';
import { listAreasWithTowns, searchTowns } from '$lib/server/db/taxonomy';
import { resolveMyArea } from '$lib/server/preferences';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, cookies, locals }) => {
	const db = requestDb();
	// ?town=…: a town name, its reading or an address (常盤平, ときわだいら, 松戸市五香1-2)
	const typed = (url.searchParams.get('town') ?? '').trim().slice(0, 100);
	const q = typed ? townQuery(typed) : '';
	const [areas, towns] = await Promise.all([listAreasWithTowns(db), q ? searchTowns(db, q) : []]);
	const myArea = await resolveMyArea(db, cookies, locals.user?.id ?? null, areas);
	// the matching towns by area, in the areas' order
	const matches = areas.flatMap((area) => {
		const found = towns.filter((t) => t.areaId === area.id).map((t) => t.name);
		return found.length ? [{ area, towns: found }] : [];
	});
	return { areas, town: typed, matches, myAreaId: myArea?.id ?? null };
};
