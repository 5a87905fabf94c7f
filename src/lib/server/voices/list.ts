// The list of 声 (/voices and /coordinate/voices): filters in the address
// (area and field by slug, status, 年度, words), 20 a page.
import type { Db } from '$lib/server/db/client';
import { listAreas, listFields } from '$lib/server/db/taxonomy';
import { listVoices, VOICE_PAGE_SIZE } from '$lib/server/db/voices';
import { tokyoDateKey } from '$lib/format';
import { fiscalYearOf, fiscalYearRange, parseFiscalYear } from '$lib/recognition/fiscal';
import { isVoiceStatus } from '$lib/voices/types';

/** 年度 offered in the filter: this one and the five before it. */
export function offeredYears(today = tokyoDateKey(new Date())): number[] {
	const current = fiscalYearOf(today);
	return Array.from({ length: 6 }, (_, i) => current - i);
}

export async function loadVoiceList(db: Db, url: URL, opts: { publicOnly: boolean }) {
	const params = url.searchParams;
	const [areas, fields] = await Promise.all([listAreas(db), listFields(db)]);
	const q = (params.get('q') ?? '').trim().slice(0, 100);
	const area = areas.find((a) => a.slug === params.get('area'));
	const field = fields.find((f) => f.slug === params.get('field'));
	const statusParam = params.get('status') ?? '';
	const status = isVoiceStatus(statusParam) ? statusParam : undefined;
	const years = offeredYears();
	const year = parseFiscalYear(params.get('year'));
	const page = Math.max(1, Math.min(1000, Number.parseInt(params.get('page') ?? '1', 10) || 1));
	const range = year ? fiscalYearRange(year) : null;
	const { voices, total } = await listVoices(
		db,
		{
			areaId: area?.id,
			fieldId: field?.id,
			status,
			from: range?.from,
			to: range?.to,
			q,
			publicOnly: opts.publicOnly
		},
		page
	);
	return {
		voices,
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / VOICE_PAGE_SIZE)),
		filters: {
			q,
			kind: '',
			area: area?.slug ?? '',
			field: field?.slug ?? '',
			status: status ?? '',
			year: year ? String(year) : ''
		},
		years: year && !years.includes(year) ? [year, ...years] : years,
		areas,
		fields
	};
}
