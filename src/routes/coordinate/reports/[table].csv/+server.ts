// One table of a report as CSV for Excel: UTF-8 with a BOM, CRLF, the same
// rows and headers as the page shows (/coordinate/reports/<table>.csv?year=&area=).
import { error } from '@sveltejs/kit';
import { isReportTable } from '$lib/reports/types';
import { tableById } from '$lib/reports/tables';
import { attachment, safeFileName } from '$lib/server/http/content-disposition';
import { csvFile } from '$lib/server/http/csv';
import { loadReport } from '$lib/server/reports/load';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	if (!isReportTable(params.table)) error(404, 'Not Found');
	const { year, area, tables } = await loadReport(url);
	const table = tableById(tables, params.table);
	if (!table) error(404, 'Not Found');
	const body = csvFile(table.headers, table.rows);
	const scope = area ? area.slug : 'city';
	// 活動報告_2026年度_本庁_立場別の参加者.csv
	const name = safeFileName(
		['活動報告', `${year}年度`, area?.name, table.caption].filter(Boolean).join('_'),
		80
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachment(`${name}.csv`, `report-${year}-${scope}-${table.id}.csv`),
			'cache-control': 'private, no-store'
		}
	});
};
