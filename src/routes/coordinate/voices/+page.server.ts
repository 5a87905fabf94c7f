import { requireCoordinator } from '$lib/server/auth/guard';
import { requestDb } from '$lib/server/db/request';
import { loadVoiceList } from '$lib/server/voices/list';
import type { PageServerLoad } from './$types';

// Every 声, public or not (coordinators; 403 for everybody else), with the
// same filters as /voices: where to find what still waits for an answer.
export const load: PageServerLoad = async ({ url }) => {
	requireCoordinator();
	return loadVoiceList(requestDb(), url, { publicOnly: false });
};
