import { taxonomyPages } from '$lib/server/admin/taxonomy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => taxonomyPages(params.taxonomy).item(params.id);

export const actions: Actions = {
	save: ({ params, request }) => taxonomyPages(params.taxonomy).save(params.id, request)
};
