import { serverEnv } from '$lib/server/env';
import { datasets, municipality, OPEN_EVENTS_DAYS_BACK } from '$lib/server/opendata/datasets';
import type { PageServerLoad } from './$types';

// オープンデータ: every dataset the site publishes, with its files, columns and licence.
export const load: PageServerLoad = () => ({
	datasets: datasets(),
	license: serverEnv.openDataLicense,
	publisher: municipality().name,
	daysBack: OPEN_EVENTS_DAYS_BACK
});
