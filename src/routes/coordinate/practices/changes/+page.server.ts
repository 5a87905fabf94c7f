// Published practices their authors edited since publication, latest edit
// first, with what changed field by field (the text at publication → now).
import { requireCoordinator } from '$lib/server/auth/guard';
import { practicesChangedSincePublication } from '$lib/server/db/practices';
import { requestDb } from '$lib/server/db/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireCoordinator();
	return { changed: await practicesChangedSincePublication(requestDb()) };
};
