// 居場所・地域の資源 for coordinators: the changes members reported that nobody
// has dealt with yet (oldest first), and the places nobody has confirmed for
// six months (oldest confirmation first), with the import beside them.
import { staleBefore } from '$lib/places/stale';
import { requireCoordinator } from '$lib/server/auth/guard';
import { openCorrections, stalePlaces } from '$lib/server/db/places';
import { requestDb } from '$lib/server/db/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireCoordinator();
	const db = requestDb();
	const [corrections, stale] = await Promise.all([
		openCorrections(db),
		stalePlaces(db, staleBefore(new Date()))
	]);
	return { corrections, stale };
};
