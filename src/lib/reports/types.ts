// A 年度's report of one 圏域 or of the city (public.year_report): the shape
// the database returns, and which tables the page shows and exports.
import type { EventKind } from '$lib/events/kinds';
import type { ParticipantKind } from '$lib/records/types';

export const REPORT_TOTALS = [
	'dates',
	'events',
	'recorded',
	'attendance',
	'unique_people',
	'first_time',
	'new_organizations',
	'new_practices',
	'published_practices',
	'awards',
	'voices',
	'voices_open',
	'voices_answered',
	'voices_reflected',
	'voices_declined'
] as const;
export type ReportTotal = (typeof REPORT_TOTALS)[number];

export interface YearReport {
	totals: Record<ReportTotal, number>;
	/** twelve, April first; month is YYYY-MM */
	months: { month: string; dates: number; attendance: number }[];
	kinds: { kind: EventKind; dates: number; events: number; attendance: number }[];
	fields: { field_id: string; dates: number; events: number; attendance: number }[];
	participants: { kind: ParticipantKind; people: number; first_time: number }[];
}

export interface AreaYear {
	areaId: string;
	dates: number;
	events: number;
	attendance: number;
	uniquePeople: number;
	voices: number;
}

/** The tables of a report, each shown on the page and downloadable as CSV. */
export const REPORT_TABLES = [
	'summary',
	'months',
	'kinds',
	'fields',
	'participants',
	'voices',
	'areas'
] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];
export const isReportTable = (v: string): v is ReportTableId =>
	(REPORT_TABLES as readonly string[]).includes(v);

export interface ReportTable {
	id: ReportTableId;
	caption: string;
	headers: string[];
	/** the first cell names the row; the others are counts */
	rows: [string, ...number[]][];
}
