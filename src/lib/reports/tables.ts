// A report's tables, built once from the database's figures: the page shows
// them (beside its charts) and the CSV download writes the same rows, so the
// two never disagree.
import { eventKindLabel } from '$lib/events/kinds';
import { m } from '$lib/paraglide/messages';
import { participantKindLabel } from '$lib/records/labels';
import type { AreaYear, ReportTable, ReportTableId, YearReport } from './types';

type Named = { id: string; name: string };

/** 4月, 5月, … (or Apr, May, …) of a YYYY-MM. */
export const monthLabel = (month: string) => m.annual_month({ month: Number(month.slice(5)) });

export function reportTables(
	report: YearReport,
	names: { fields: Named[]; areas: Named[] },
	areas: AreaYear[] | null
): ReportTable[] {
	const t = report.totals;
	const fieldName = new Map(names.fields.map((f) => [f.id, f.name]));
	const areaName = new Map(names.areas.map((a) => [a.id, a.name]));
	const tables: ReportTable[] = [
		{
			id: 'summary',
			caption: m.annual_table_summary(),
			headers: [m.annual_col_item(), m.annual_col_count()],
			rows: [
				[m.annual_total_dates(), t.dates],
				[m.annual_total_events(), t.events],
				[m.annual_total_recorded(), t.recorded],
				[m.annual_total_attendance(), t.attendance],
				[m.annual_total_unique_people(), t.unique_people],
				[m.annual_total_first_time(), t.first_time],
				[m.annual_total_new_organizations(), t.new_organizations],
				[m.annual_total_new_practices(), t.new_practices],
				[m.annual_total_published_practices(), t.published_practices],
				[m.annual_total_awards(), t.awards]
			]
		},
		{
			id: 'months',
			caption: m.annual_table_months(),
			headers: [m.annual_col_month(), m.annual_col_dates(), m.annual_col_attendance()],
			rows: report.months.map((r) => [monthLabel(r.month), r.dates, r.attendance])
		},
		{
			id: 'kinds',
			caption: m.annual_table_kinds(),
			headers: [
				m.annual_col_kind(),
				m.annual_col_dates(),
				m.annual_col_events(),
				m.annual_col_attendance()
			],
			rows: report.kinds.map((r) => [eventKindLabel(r.kind), r.dates, r.events, r.attendance])
		},
		{
			id: 'fields',
			caption: m.annual_table_fields(),
			headers: [
				m.annual_col_field(),
				m.annual_col_dates(),
				m.annual_col_events(),
				m.annual_col_attendance()
			],
			rows: report.fields.map((r) => [
				fieldName.get(r.field_id) ?? r.field_id,
				r.dates,
				r.events,
				r.attendance
			])
		},
		{
			id: 'participants',
			caption: m.annual_table_participants(),
			headers: [m.annual_col_participant(), m.annual_col_people(), m.annual_col_first_time()],
			rows: report.participants.map((r) => [participantKindLabel(r.kind), r.people, r.first_time])
		},
		{
			id: 'voices',
			caption: m.annual_table_voices(),
			headers: [m.annual_col_status(), m.annual_col_count()],
			rows: [
				[m.annual_voices_raised(), t.voices],
				[m.annual_voices_open(), t.voices_open],
				[m.annual_voices_answered(), t.voices_answered],
				[m.annual_voices_reflected(), t.voices_reflected],
				[m.annual_voices_declined(), t.voices_declined]
			]
		}
	];
	if (areas)
		tables.push({
			id: 'areas',
			caption: m.annual_table_areas(),
			headers: [
				m.annual_col_area(),
				m.annual_col_dates(),
				m.annual_col_events(),
				m.annual_col_attendance(),
				m.annual_col_unique_people(),
				m.annual_col_voices()
			],
			rows: areas.map((a) => [
				areaName.get(a.areaId) ?? a.areaId,
				a.dates,
				a.events,
				a.attendance,
				a.uniquePeople,
				a.voices
			])
		});
	return tables;
}

export const tableById = (tables: ReportTable[], id: ReportTableId) =>
	tables.find((t) => t.id === id) ?? null;
