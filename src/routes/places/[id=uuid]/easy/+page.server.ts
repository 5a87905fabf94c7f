// A place's やさしい日本語 version (issue 16), written by its keepers; its body
// retells the description.
import { localizeHref } from '$lib/paraglide/runtime';
import { checkEasyForm, easyForm, saveEasyForm } from '$lib/server/easy-japanese/forms';
import { renderMarkdown } from '$lib/server/markdown';
import { editablePlace } from '$lib/server/places/save';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { place } = await editablePlace(params.id);
	return {
		form: await easyForm(place.easy),
		subject: { title: place.name, href: localizeHref(`/places/${place.id}`) },
		original: { summary: null, html: renderMarkdown(place.description ?? '') }
	};
};

export const actions: Actions = {
	save: async (request) => {
		const { place } = await editablePlace(request.params.id);
		const path = localizeHref(`/places/${place.id}`);
		return saveEasyForm(request, { subject: 'place', id: place.id, path });
	},
	check: async (request) => {
		await editablePlace(request.params.id);
		return checkEasyForm(request);
	}
};
