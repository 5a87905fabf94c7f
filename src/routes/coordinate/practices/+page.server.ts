// The coordinators' practices (coordinators and admins; 403 for everybody
// else): the queue of submitted practices, oldest first, with links to the
// review of each, the practices changed since publication and the featured set.
import { requireCoordinator } from '$lib/server/auth/guard';
import { submittedPractices } from '$lib/server/db/practices';
import { requestDb } from '$lib/server/db/request';
import { takeFlash } from '$lib/server/events/flash';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, url }) => {
	requireCoordinator();
	return { queue: await submittedPractices(requestDb()), flash: takeFlash(cookies, url) };
};
