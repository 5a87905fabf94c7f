import { isOrgKind } from '$lib/orgs/kinds';
import { isAudience } from '$lib/practices/types';
import { PRACTICE_PAGE_SIZE, publicPracticesVersion } from '$lib/server/db/practices';
import { pageReadings } from '$lib/server/furigana/page';
import { requestDb } from '$lib/server/db/request';
import { inUse, publicTaxonomy, readerAt } from '$lib/server/events/kept-lists';
import { practiceList } from '$lib/server/practices/kept-list';
import type { PageServerLoad } from './$types';

// /practices?q=&area=<slug>&field=<slug>&kind=<organization kind>&audience=<対象>&easy=1&page=n
export const load: PageServerLoad = async ({ url, cookies }) => {
	const db = requestDb();
	// one small request (the version); the filters' areas and fields, and a visitor's page of
	// cards with its count, are kept per version of the public practices
	const reader = readerAt(await publicPracticesVersion(db));
	const { areas, fields } = inUse(await publicTaxonomy(db, reader.version, 'practices'));
	const params = url.searchParams;
	const q = (params.get('q') ?? '').trim().slice(0, 100);
	const kind = params.get('kind') ?? '';
	const audience = params.get('audience') ?? '';
	const area = areas.find((a) => a.slug === params.get('area'));
	const field = fields.find((f) => f.slug === params.get('field'));
	const easy = params.get('easy') === '1';
	const page = Math.max(1, Math.min(1000, Number.parseInt(params.get('page') ?? '1', 10) || 1));

	const { practices, total, totalCapped } = await practiceList(
		db,
		reader,
		{
			q,
			orgKind: isOrgKind(kind) ? kind : undefined,
			audience: isAudience(audience) ? audience : undefined,
			areaId: area?.id,
			fieldId: field?.id,
			easy
		},
		page
	);
	return {
		practices,
		readings: await pageReadings(
			cookies,
			db,
			practices.map((p) => p.id)
		),
		total,
		totalCapped,
		page,
		pageCount: Math.max(1, Math.ceil(total / PRACTICE_PAGE_SIZE)),
		filters: {
			q,
			kind: isOrgKind(kind) ? kind : '',
			audience: isAudience(audience) ? audience : '',
			area: area?.slug ?? '',
			field: field?.slug ?? '',
			easy
		},
		areas,
		fields
	};
};
