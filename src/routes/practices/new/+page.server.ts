// 実践事例を書く: a new practice of an organization the person edits for
// (?organization=<id> chooses it; a person editing for one organization gets
// it chosen). Saved as a draft, or saved and submitted at once.
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { requireUser } from '$lib/server/auth/guard';
import { requestDb } from '$lib/server/db/request';
import { practiceChoices } from '$lib/server/practices/choices';
import { practiceSchema } from '$lib/server/practices/forms';
import { findPartnersAction, savePracticeForm } from '$lib/server/practices/save';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { user } = requireUser();
	const db = requestDb();
	const asked = url.searchParams.get('organization') ?? '';
	const first = await practiceChoices(db, user, asked);
	// one organization to write for: chosen already
	const only = first.lists.organizations.length === 1 ? first.lists.organizations[0].id : '';
	const { lists, choices, leadId } =
		!first.leadId && only ? await practiceChoices(db, user, only) : first;
	const form = await superValidate({ leadOrganizationId: leadId }, zod4(practiceSchema(choices)), {
		errors: false
	});
	return { form, ...lists };
};

export const actions: Actions = {
	findPartners: async (event) => findPartnersAction(event, null),
	save: async (event) => savePracticeForm(event, null)
};
