// Editing a practice (its organization's owners and editors, and
// coordinators): every status, a published one included (it stays published;
// coordinators see what changed). 提出する for a draft or a returned one, with
// the coordinator's comment shown.
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { requestDb } from '$lib/server/db/request';
import { takeFlash } from '$lib/server/events/flash';
import { practiceChoices } from '$lib/server/practices/choices';
import { practiceFormValues, practiceSchema } from '$lib/server/practices/forms';
import { editablePractice, findPartnersAction, savePracticeForm } from '$lib/server/practices/save';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, url }) => {
	const { user, practice, can } = await editablePractice(params.id);
	const { lists, choices } = await practiceChoices(
		requestDb(),
		user,
		practice.leadOrganization.id,
		practice
	);
	const form = await superValidate(practiceFormValues(practice), zod4(practiceSchema(choices)), {
		errors: false
	});
	return {
		form,
		...lists,
		practice: {
			id: practice.id,
			title: practice.title,
			status: practice.status,
			reviewComment: practice.reviewComment,
			reviewedAt: practice.reviewedAt,
			submittedAt: practice.submittedAt,
			publishedAt: practice.publishedAt,
			organization: practice.leadOrganization
		},
		photoSizes: Object.fromEntries(
			practice.photos.map((p) => [p.hash, { width: p.width, height: p.height }])
		),
		canSubmit: can.submit,
		flash: takeFlash(cookies, url)
	};
};

export const actions: Actions = {
	findPartners: async (event) => {
		const { practice } = await editablePractice(event.params.id);
		return findPartnersAction(event, practice);
	},
	save: async (event) => {
		const { practice } = await editablePractice(event.params.id);
		return savePracticeForm(event, practice);
	}
};
