import { isOrgKind } from '$lib/orgs/kinds';
import { canModerate } from '$lib/permissions';
import { pageReadings } from '$lib/server/furigana/page';
import { requestDb } from '$lib/server/db/request';
import { PAGE_SIZE, searchOrganizations } from '$lib/server/db/orgs';
import { taxonomyInUse } from '$lib/server/events/kept-lists';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, cookies }) => {
	const db = requestDb();
	// the filters' areas and fields, kept per version of the public events
	const { areas, fields } = await taxonomyInUse(db);
	const params = url.searchParams;
	const q = (params.get('q') ?? '').trim().slice(0, 100);
	const kind = params.get('kind') ?? '';
	const area = areas.find((a) => a.slug === params.get('area'));
	const field = fields.find((f) => f.slug === params.get('field'));
	const coordinator = canModerate(locals.user);
	const hidden = coordinator && params.get('hidden') === '1';
	// 確認待ち: organizations not verified yet (?verified=0)
	const unverified = coordinator && params.get('verified') === '0';
	const page = Math.max(1, Math.min(1000, Number.parseInt(params.get('page') ?? '1', 10) || 1));

	const { organizations, total } = await searchOrganizations(
		db,
		{
			q,
			kind: isOrgKind(kind) ? kind : undefined,
			areaId: area?.id,
			fieldId: field?.id,
			hidden,
			unverified
		},
		page
	);
	return {
		organizations,
		readings: await pageReadings(
			cookies,
			db,
			organizations.map((o) => o.id)
		),
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		filters: {
			q,
			kind: isOrgKind(kind) ? kind : '',
			area: area?.slug ?? '',
			field: field?.slug ?? '',
			hidden,
			unverified
		},
		canSeeHidden: coordinator,
		areas,
		fields
	};
};
