// /recognition: the awards (表彰) timeline, newest first, 20 a page, filtered
// in the address by 年度 (?year=2026: April 2026 to March 2027), area and field
// (slugs, as on /events) of the practice or organization awarded.
import { canAward } from '$lib/permissions';
import { parseFiscalYear } from '$lib/recognition/fiscal';
import { awardFiscalYears, awardTimeline } from '$lib/server/db/awards';
import { requestDb } from '$lib/server/db/request';
import { listAreas, listFields } from '$lib/server/db/taxonomy';
import { withCitations } from '$lib/server/recognition/awards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = requestDb();
	const params = url.searchParams;
	const requested = Number(params.get('page') ?? '1');
	const page = Number.isInteger(requested) && requested >= 1 && requested <= 1000 ? requested : 1;
	const [areas, fields, years] = await Promise.all([
		listAreas(db, { includeRetired: true }),
		listFields(db, { includeRetired: true }),
		awardFiscalYears(db)
	]);
	const area = areas.find((a) => a.slug === params.get('area')) ?? null;
	const field = fields.find((f) => f.slug === params.get('field')) ?? null;
	const fiscalYear = parseFiscalYear(params.get('year'));
	const { awards, more } = await awardTimeline(
		db,
		{ fiscalYear, areaId: area?.id ?? null, fieldId: field?.id ?? null },
		page
	);
	return {
		awards: withCitations(awards),
		page,
		more,
		years,
		areas: areas.filter((a) => !a.retired_at || a.id === area?.id),
		fields: fields.filter((f) => !f.retired_at || f.id === field?.id),
		values: { year: fiscalYear, area: area?.slug ?? '', field: field?.slug ?? '' },
		filtered: fiscalYear !== null || area !== null || field !== null,
		canAward: canAward(locals.user),
		signedIn: locals.user !== null
	};
};
