// 「わたしの団体の実践事例」: every practice an organization leads, whatever
// its status, for its owners and editors (and coordinators), with links to
// write a new one and to edit each.
import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { practicesOfOrganization } from '$lib/server/db/practices';
import { requestDb } from '$lib/server/db/request';
import { loadOrganization } from '$lib/server/orgs/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	requireUser();
	const { org, can } = await loadOrganization(params.slug);
	if (!can.edit) error(403, 'Forbidden');
	const practices = await practicesOfOrganization(requestDb(), org.id);
	return { org: { id: org.id, slug: org.slug, name: org.name }, practices };
};
