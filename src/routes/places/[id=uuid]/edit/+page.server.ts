// Editing a place (its organization's owners and editors, and coordinators).
// Saving confirms it; ?correction=<id> (from a reported change) marks that
// report as dealt with when the save succeeds.
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { requestDb } from '$lib/server/db/request';
import { serverEnv } from '$lib/server/env';
import { placeFormValues, placeSchema } from '$lib/server/places/forms';
import {
	editablePlace,
	locatePlaceForm,
	placeChoices,
	savePlaceForm
} from '$lib/server/places/save';
import { placeCorrections } from '$lib/server/db/places';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { user, place } = await editablePlace(params.id);
	const db = requestDb();
	const [{ lists, choices }, corrections] = await Promise.all([
		placeChoices(db, user, place),
		placeCorrections(db, place.id)
	]);
	const form = await superValidate(placeFormValues(place), zod4(placeSchema(choices)), {
		errors: false
	});
	const correctionId = url.searchParams.get('correction');
	return {
		form,
		organizations: lists.organizations,
		areas: lists.areas,
		allowNoOrganization: choices.allowNoOrganization,
		tiles: serverEnv.mapTiles,
		canLocate: serverEnv.geocoderUrl !== '',
		place: { id: place.id, name: place.name },
		// the report being dealt with, shown above the form
		correction: corrections.find((c) => c.id === correctionId && !c.resolvedAt) ?? null,
		photoSizes: Object.fromEntries(
			place.photos.map((p) => [p.hash, { width: p.width, height: p.height }])
		)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { place } = await editablePlace(event.params.id);
		return savePlaceForm(event, place);
	},
	locate: async (event) => {
		const { place } = await editablePlace(event.params.id);
		return locatePlaceForm(event, place);
	}
};
