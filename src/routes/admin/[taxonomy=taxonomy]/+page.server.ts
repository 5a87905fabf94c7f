import { moveItem, retireItem, taxonomyPages } from '$lib/server/admin/taxonomy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => taxonomyPages(params.taxonomy).list();

export const actions: Actions = {
	create: ({ params, request }) => taxonomyPages(params.taxonomy).create(request),
	move: ({ params, request }) => moveItem(params.taxonomy, request),
	retire: ({ params, request }) => retireItem(params.taxonomy, request, true),
	restore: ({ params, request }) => retireItem(params.taxonomy, request, false)
};
