import { error } from '@sveltejs/kit';
import { listPlaces } from '$lib/server/db/places';
import { requestDb } from '$lib/server/db/request';
import { findAreaBySlug, listAreaTowns } from '$lib/server/db/taxonomy';
import { takeFlash } from '$lib/server/events/flash';
import { followAction } from '$lib/server/follows/action';
import { hubPreview } from '$lib/server/follows/hub';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, cookies }) => {
	const db = requestDb();
	const area = await findAreaBySlug(db, params.slug);
	if (!area) error(404, 'Not Found');
	const [hub, towns, places] = await Promise.all([
		hubPreview(db, locals.user?.id ?? null, { kind: 'area', id: area.id }),
		listAreaTowns(db, area.id),
		listPlaces(db, { areaId: area.id })
	]);
	return {
		area,
		...hub,
		towns,
		places: places.places.slice(0, 6),
		totalPlaces: places.total,
		flash: takeFlash(cookies, url)
	};
};

export const actions: Actions = {
	follow: async (event) => {
		const area = await findAreaBySlug(requestDb(), event.params.slug);
		return followAction(
			event,
			area && { kind: 'area', id: area.id },
			`/areas/${event.params.slug}`
		);
	}
};
