// The report of /coordinate/reports?year=&area=: which 年度 and 圏域 (the
// city when none), the figures, and the tables built from them. The page and
// its CSV downloads load it the same way.
import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { tokyoDateKey } from '$lib/format';
import { requireCoordinator } from '$lib/server/auth/guard';
import { yearReport, yearReportAreas } from '$lib/server/db/reports';
import { requestDb } from '$lib/server/db/request';
import { listAreas, listFields } from '$lib/server/db/taxonomy';
import { reportTables } from '$lib/reports/tables';
import { localName } from '$lib/taxonomy/names';
import { fiscalYearOf, parseFiscalYear } from '$lib/recognition/fiscal';

/** 年度 a report can be asked for: from 2000 to this one. */
export function reportYears(today = tokyoDateKey(new Date())): number[] {
	const current = fiscalYearOf(today);
	return Array.from({ length: current - 1999 }, (_, i) => current - i);
}

export async function loadReport(url: URL) {
	requireCoordinator();
	const db = requestDb();
	const locale = getLocale();
	const years = reportYears();
	const asked = parseFiscalYear(url.searchParams.get('year'));
	const year = asked !== null && years.includes(asked) ? asked : years[0];
	const [areas, fields] = await Promise.all([
		listAreas(db, { includeRetired: true }),
		listFields(db, { includeRetired: true })
	]);
	const slug = url.searchParams.get('area') ?? '';
	const area = slug ? areas.find((a) => a.slug === slug) : undefined;
	if (slug && !area) error(404, 'Not Found');
	const [result, areaYears] = await Promise.all([
		yearReport(db, year, area?.id ?? null),
		area ? null : yearReportAreas(db, year)
	]);
	if (!result.ok) error(403, 'Forbidden');
	const named = (list: { id: string; name_ja: string; name_en: string }[]) =>
		list.map((x) => ({ id: x.id, name: localName(x, locale) }));
	const tables = reportTables(
		result.report,
		{ fields: named(fields), areas: named(areas) },
		areaYears
	);
	return {
		year,
		years,
		area: area ? { slug: area.slug, name: localName(area, locale) } : null,
		areas: areas
			.filter((a) => !a.retired_at)
			.map((a) => ({ slug: a.slug, name: localName(a, locale) })),
		report: result.report,
		tables,
		// by id: two areas may share a name
		quietAreas: (areaYears ?? [])
			.filter((a) => a.dates === 0)
			.map((a) => ({
				id: a.areaId,
				name: named(areas).find((n) => n.id === a.areaId)?.name ?? a.areaId
			}))
	};
}
