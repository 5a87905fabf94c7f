// Changing or deleting an award (coordinators). Deleting is a second step
// (?confirm=delete), as everything that cannot be undone.
import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireCoordinator } from '$lib/server/auth/guard';
import { deleteAward, findAward } from '$lib/server/db/awards';
import { awardLanding } from '$lib/server/recognition/awards';
import { requestDb } from '$lib/server/db/request';
import { logEvent } from '$lib/server/log';
import {
	awardChoices,
	emptyAwardForm,
	recipientValues,
	saveAwardForm
} from '$lib/server/recognition/award-form';
import type { RecipientRef } from '$lib/recognition/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	requireCoordinator();
	const db = requestDb();
	const award = await findAward(db, params.id);
	if (!award) error(404, 'Not Found');
	const r = award.recipient;
	const ref: RecipientRef =
		r.kind === 'practice'
			? { practiceId: r.id }
			: r.kind === 'organization'
				? { organizationId: r.id }
				: { profileId: r.id };
	const [choices, form] = await Promise.all([
		awardChoices(db, { ...recipientValues(ref), eventId: award.event?.id }),
		emptyAwardForm({
			...recipientValues(ref),
			name: award.name,
			citation: award.citation,
			awardedOn: award.awardedOn,
			eventId: award.event?.id ?? ''
		})
	]);
	return { award, form, choices, confirmDelete: url.searchParams.get('confirm') === 'delete' };
};

export const actions: Actions = {
	save: async ({ request, params }) => {
		const { user } = requireCoordinator();
		const saved = await saveAwardForm(requestDb(), request, params.id);
		if (!saved.ok) return saved.failure;
		logEvent('award_changed', { userId: user.id, awardId: params.id });
		redirect(303, await awardLanding(requestDb(), params.id));
	},
	delete: async ({ params }) => {
		const { user } = requireCoordinator();
		if (!(await deleteAward(requestDb(), params.id))) error(404, 'Not Found');
		logEvent('award_deleted', { userId: user.id, awardId: params.id });
		redirect(303, localizeHref('/recognition'));
	}
};
