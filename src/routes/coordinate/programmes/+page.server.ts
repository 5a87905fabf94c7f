// 発表会プログラム (coordinators): the programmes, newest first.
import { requireCoordinator } from '$lib/server/auth/guard';
import { listProgrammes } from '$lib/server/db/programmes';
import { requestDb } from '$lib/server/db/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireCoordinator();
	return { programmes: await listProgrammes(requestDb()) };
};
