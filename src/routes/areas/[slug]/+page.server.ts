import { error } from '@sveltejs/kit';
import { searchEventSeries } from '$lib/server/db/events';
import { searchOrganizations } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';
import { findAreaBySlug, listAreaTowns } from '$lib/server/db/taxonomy';
import { latestThreads } from '$lib/server/db/threads';
import type { PageServerLoad } from './$types';

const PREVIEW = 6;

export const load: PageServerLoad = async ({ params }) => {
	const db = requestDb();
	const area = await findAreaBySlug(db, params.slug);
	if (!area) error(404, 'Not Found');
	const [{ organizations, total }, events, towns, threads] = await Promise.all([
		searchOrganizations(db, { areaId: area.id }, 1, PREVIEW),
		searchEventSeries(db, { from: new Date(), areaId: area.id }, { offset: 0, limit: PREVIEW }),
		listAreaTowns(db, area.id),
		latestThreads(db, { areaId: area.id })
	]);
	return {
		area,
		organizations,
		totalOrganizations: total,
		events: events.cards,
		totalEvents: events.total,
		towns,
		threads
	};
};
