// 場所を登録する: a new place of an organization the person edits for
// (coordinators: any, or none). Saving it confirms it (最終確認日 today).
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { requireUser } from '$lib/server/auth/guard';
import { requestDb } from '$lib/server/db/request';
import { serverEnv } from '$lib/server/env';
import { placeSchema } from '$lib/server/places/forms';
import { locatePlaceForm, placeChoices, savePlaceForm } from '$lib/server/places/save';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { user } = requireUser();
	const { lists, choices } = await placeChoices(requestDb(), user);
	const asked = url.searchParams.get('organization') ?? '';
	const organizationId = choices.organizationIds.has(asked)
		? asked
		: choices.allowNoOrganization
			? ''
			: (lists.organizations[0]?.id ?? '');
	const form = await superValidate({ organizationId }, zod4(placeSchema(choices)), {
		errors: false
	});
	return {
		form,
		organizations: lists.organizations,
		areas: lists.areas,
		allowNoOrganization: choices.allowNoOrganization,
		tiles: serverEnv.mapTiles,
		canLocate: serverEnv.geocoderUrl !== ''
	};
};

export const actions: Actions = {
	save: async (event) => savePlaceForm(event, null),
	locate: async (event) => locatePlaceForm(event, null)
};
