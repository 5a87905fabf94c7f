import { loadReport } from '$lib/server/reports/load';
import type { PageServerLoad } from './$types';

// A 年度's report of the city or one 圏域 (coordinators; 403 for everybody
// else): /coordinate/reports?year=2026&area=<slug>.
export const load: PageServerLoad = async ({ url }) => loadReport(url);
