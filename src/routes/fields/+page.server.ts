import { requestDb } from '$lib/server/db/request';
import { listFields } from '$lib/server/db/taxonomy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ fields: await listFields(requestDb()) });
