import { searchOccurrences } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { listAreas } from '$lib/server/db/taxonomy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const db = requestDb();
	const [areas, upcoming] = await Promise.all([
		listAreas(db),
		searchOccurrences(db, { from: new Date() }, { from: 0, to: 4 })
	]);
	return { areas, upcoming: upcoming.occurrences };
};
