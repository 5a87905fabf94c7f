import { requireCoordinator } from '$lib/server/auth/guard';
import { programmeChoices, saveProgrammeAction } from '$lib/server/recognition/programme-page';
import type { ProgrammeValues } from '$lib/recognition/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireCoordinator();
	const values: ProgrammeValues = {
		title: '',
		eventId: url.searchParams.get('event') ?? '',
		isPublic: false,
		rows: []
	};
	return { choices: await programmeChoices(), values, programmeId: null };
};

export const actions: Actions = {
	default: async ({ request }) => saveProgrammeAction(request, null)
};
