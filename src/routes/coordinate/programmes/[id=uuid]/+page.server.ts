import { error } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import { findProgramme } from '$lib/server/db/programmes';
import { requestDb } from '$lib/server/db/request';
import { programmeChoices, saveProgrammeAction } from '$lib/server/recognition/programme-page';
import type { ProgrammeValues } from '$lib/recognition/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	requireCoordinator();
	const programme = await findProgramme(requestDb(), params.id);
	if (!programme) error(404, 'Not Found');
	const choices = await programmeChoices({
		eventId: programme.eventId,
		practiceIds: programme.items.map((i) => i.practiceId)
	});
	const values: ProgrammeValues = {
		title: programme.title,
		eventId: programme.eventId,
		isPublic: programme.isPublic,
		rows: programme.items.map((i) => ({
			practiceId: i.practiceId,
			title: i.practiceTitle ?? '',
			startsAt: i.startsAt ?? '',
			presenter: i.presenter,
			paragraph: i.paragraph,
			order: i.position
		}))
	};
	return { choices, values, programmeId: programme.id, saved: url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: async ({ request, params }) => saveProgrammeAction(request, params.id)
};
