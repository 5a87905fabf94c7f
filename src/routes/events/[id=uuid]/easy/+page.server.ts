// An event's やさしい日本語 version (issue 16), written by whoever manages the event.
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { requestDb } from '$lib/server/db/request';
import { checkEasyForm, easyForm, saveEasyForm } from '$lib/server/easy-japanese/forms';
import { loadManagedEvent } from '$lib/server/events/access';
import { renderMarkdown } from '$lib/server/markdown';
import type { Actions, PageServerLoad } from './$types';

function managed(id: string) {
	requireUser();
	return loadManagedEvent(requestDb(), id);
}

export const load: PageServerLoad = async ({ params }) => {
	const event = await managed(params.id);
	return {
		form: await easyForm(event.easy),
		subject: { title: event.title, href: localizeHref(`/events/${event.id}`) },
		original: { summary: event.summary || null, html: renderMarkdown(event.body) }
	};
};

export const actions: Actions = {
	save: async (request) => {
		const event = await managed(request.params.id);
		const path = localizeHref(`/events/${event.id}`);
		return saveEasyForm(request, { subject: 'event', id: event.id, path });
	},
	check: async (request) => {
		await managed(request.params.id);
		return checkEasyForm(request);
	}
};
