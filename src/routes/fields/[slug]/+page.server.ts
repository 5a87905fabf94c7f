import { error } from '@sveltejs/kit';
import { requestDb } from '$lib/server/db/request';
import { findFieldBySlug } from '$lib/server/db/taxonomy';
import { takeFlash } from '$lib/server/events/flash';
import { followAction } from '$lib/server/follows/action';
import { hubPreview } from '$lib/server/follows/hub';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, cookies }) => {
	const db = requestDb();
	const field = await findFieldBySlug(db, params.slug);
	if (!field) error(404, 'Not Found');
	const hub = await hubPreview(db, locals.user?.id ?? null, { kind: 'field', id: field.id });
	return { field, ...hub, flash: takeFlash(cookies, url) };
};

export const actions: Actions = {
	follow: async (event) => {
		const field = await findFieldBySlug(requestDb(), event.params.slug);
		return followAction(
			event,
			field && { kind: 'field', id: field.id },
			`/fields/${event.params.slug}`
		);
	}
};
