import { error } from '@sveltejs/kit';
import { searchEventSeries } from '$lib/server/db/events';
import { isFollowing } from '$lib/server/db/follows';
import { searchOrganizations } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';
import { findAreaBySlug, listAreaTowns } from '$lib/server/db/taxonomy';
import { latestThreads } from '$lib/server/db/threads';
import { takeFlash } from '$lib/server/events/flash';
import { followAction } from '$lib/server/follows/action';
import type { Actions, PageServerLoad } from './$types';

const PREVIEW = 6;

export const load: PageServerLoad = async ({ params, locals, url, cookies }) => {
	const db = requestDb();
	const area = await findAreaBySlug(db, params.slug);
	if (!area) error(404, 'Not Found');
	const [{ organizations, total }, events, towns, threads, following] = await Promise.all([
		searchOrganizations(db, { areaId: area.id }, 1, PREVIEW),
		searchEventSeries(db, { from: new Date(), areaId: area.id }, { offset: 0, limit: PREVIEW }),
		listAreaTowns(db, area.id),
		latestThreads(db, { areaId: area.id }),
		isFollowing(db, locals.user?.id ?? null, { kind: 'area', id: area.id })
	]);
	return {
		area,
		organizations,
		totalOrganizations: total,
		events: events.cards,
		totalEvents: events.total,
		towns,
		threads,
		following,
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
