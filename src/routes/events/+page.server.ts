import { isEventKind } from '$lib/events/kinds';
import { tokyoInstant } from '$lib/events/recurrence';
import { EVENT_PAGE_SIZE, searchOccurrences } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { listAreas, listFields } from '$lib/server/db/taxonomy';
import type { PageServerLoad } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageServerLoad = async ({ url }) => {
	const db = requestDb();
	const params = url.searchParams;
	const orgSlug = params.get('organization') ?? '';
	const [areas, fields, org] = await Promise.all([
		listAreas(db),
		listFields(db),
		orgSlug ? db.from('organizations').select('id, slug, name').eq('slug', orgSlug).maybeSingle() : null
	]);
	const area = areas.find((a) => a.slug === params.get('area'));
	const field = fields.find((f) => f.slug === params.get('field'));
	const kind = params.get('kind') ?? '';
	const fromParam = params.get('from') ?? '';
	const toParam = params.get('to') ?? '';
	const from = (DATE.test(fromParam) && tokyoInstant(fromParam)) || new Date();
	const toStart = DATE.test(toParam) ? tokyoInstant(toParam) : null;
	const to = toStart ? new Date(toStart.getTime() + 86400_000) : undefined;
	const q = (params.get('q') ?? '').trim().slice(0, 100);
	const page = Math.max(1, Math.min(1000, Number.parseInt(params.get('page') ?? '1', 10) || 1));
	const start = (page - 1) * EVENT_PAGE_SIZE;

	const { occurrences, total } = await searchOccurrences(
		db,
		{
			from,
			to,
			q,
			kind: isEventKind(kind) ? kind : undefined,
			areaId: area?.id,
			fieldId: field?.id,
			organizationId: org?.data?.id,
			seatsLeft: params.get('seats') === '1',
			online: params.get('online') === '1'
		},
		{ from: start, to: start + EVENT_PAGE_SIZE - 1 }
	);
	return {
		occurrences,
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / EVENT_PAGE_SIZE)),
		areas,
		fields,
		organization: org?.data ?? null,
		filters: {
			q,
			kind: isEventKind(kind) ? kind : '',
			area: area?.slug ?? '',
			field: field?.slug ?? '',
			organization: org?.data?.slug ?? '',
			from: DATE.test(fromParam) ? fromParam : '',
			to: DATE.test(toParam) ? toParam : '',
			seats: params.get('seats') === '1',
			online: params.get('online') === '1'
		}
	};
};
