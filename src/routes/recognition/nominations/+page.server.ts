// The member's own nominations and what became of them (others' are private: RLS).
import { requireUser } from '$lib/server/auth/guard';
import { myNominations } from '$lib/server/db/nominations';
import { requestDb } from '$lib/server/db/request';
import { takeFlash } from '$lib/server/events/flash';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, cookies }) => {
	const { user } = requireUser();
	return {
		nominations: await myNominations(requestDb(), user.id),
		flash: takeFlash(cookies, url)
	};
};
