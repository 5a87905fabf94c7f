import { error } from '@sveltejs/kit';
import { searchOccurrences } from '$lib/server/db/events';
import { searchOrganizations } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';
import { findAreaBySlug } from '$lib/server/db/taxonomy';
import type { PageServerLoad } from './$types';

const PREVIEW = 6;

export const load: PageServerLoad = async ({ params }) => {
	const db = requestDb();
	const area = await findAreaBySlug(db, params.slug);
	if (!area) error(404, 'Not Found');
	const [{ organizations, total }, events] = await Promise.all([
		searchOrganizations(db, { areaId: area.id }, 1, PREVIEW),
		searchOccurrences(db, { from: new Date(), areaId: area.id }, { from: 0, to: PREVIEW - 1 })
	]);
	return {
		area,
		organizations,
		totalOrganizations: total,
		events: events.occurrences,
		totalEvents: events.total
	};
};
