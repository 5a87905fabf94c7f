import { requestDb } from '$lib/server/db/request';
import { listAreas } from '$lib/server/db/taxonomy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ areas: await listAreas(requestDb()) });
