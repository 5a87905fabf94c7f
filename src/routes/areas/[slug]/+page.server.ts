import { error } from '@sveltejs/kit';
import { searchOrganizations } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';
import { findAreaBySlug } from '$lib/server/db/taxonomy';
import type { PageServerLoad } from './$types';

const PREVIEW = 6;

export const load: PageServerLoad = async ({ params }) => {
	const db = requestDb();
	const area = await findAreaBySlug(db, params.slug);
	if (!area) error(404, 'Not Found');
	const { organizations, total } = await searchOrganizations(db, { areaId: area.id }, 1, PREVIEW);
	return { area, organizations, totalOrganizations: total };
};
