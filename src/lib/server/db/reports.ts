// Reports per 圏域 and 年度 (migration 20261214100000_year_reports):
// coordinators only; the database counts (one rule, tested on a seeded year).
import type { Db } from '$lib/server/db/client';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import type { AreaYear, YearReport } from '$lib/reports/types';

/** One area's year (or, areaId null, the city's). */
export async function yearReport(
	db: Db,
	year: number,
	areaId: string | null
): Promise<Refusable<{ report: YearReport }, 'forbidden'>> {
	const { data, error } = await db.rpc('year_report', {
		p_year: year,
		p_area: areaId ?? undefined
	});
	if (error) return refused(error, ['forbidden']);
	// JSON built by the function in exactly this shape (tested in year-reports.test.ts)
	const json: unknown = data;
	return { ok: true, report: json as YearReport };
}

/** Every area in use with its year's key figures, in display order. */
export async function yearReportAreas(db: Db, year: number): Promise<AreaYear[]> {
	const { data, error } = await db.rpc('year_report_areas', { p_year: year });
	if (error) dbFailure(error);
	return data.map((a) => ({
		areaId: a.area_id,
		dates: a.dates,
		events: a.events,
		attendance: a.attendance,
		uniquePeople: a.unique_people,
		voices: a.voices
	}));
}
