// 表彰を登録する (coordinators): from /coordinate, /recognition, a practice page
// (?practice=<id>), an organization or person (?organization=, ?person=) or a
// nomination (?nomination=<id>: prefilled; saving closes it as awarded).
import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { tokyoDateKey } from '$lib/format';
import { requireCoordinator } from '$lib/server/auth/guard';
import { findNomination } from '$lib/server/db/nominations';
import { awardLanding } from '$lib/server/recognition/awards';
import { requestDb } from '$lib/server/db/request';
import { logEvent } from '$lib/server/log';
import {
	awardChoices,
	emptyAwardForm,
	recipientValues,
	saveAwardForm
} from '$lib/server/recognition/award-form';
import { recipientFromParams } from '$lib/server/recognition/forms';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ url }) => {
	requireCoordinator();
	const db = requestDb();
	const nominationParam = url.searchParams.get('nomination');
	const nomination =
		nominationParam && uuid.safeParse(nominationParam).success
			? await findNomination(db, nominationParam)
			: null;
	if (nominationParam && !nomination) error(404, 'Not Found');
	const ref = nomination
		? nomination.recipient.kind === 'practice'
			? { practiceId: nomination.recipient.id }
			: { organizationId: nomination.recipient.id }
		: recipientFromParams(url.searchParams, true);
	const [choices, form] = await Promise.all([
		awardChoices(db, recipientValues(ref)),
		emptyAwardForm({
			...recipientValues(ref),
			awardedOn: tokyoDateKey(new Date()),
			nominationId: nomination?.status === 'open' ? nomination.id : ''
		})
	]);
	return { form, choices, nomination };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const { user } = requireCoordinator();
		const saved = await saveAwardForm(requestDb(), request, null);
		if (!saved.ok) return saved.failure;
		logEvent('award_given', { userId: user.id, awardId: saved.id });
		redirect(303, await awardLanding(requestDb(), saved.id));
	}
};
