import { error } from '@sveltejs/kit';
import { searchEventSeries } from '$lib/server/db/events';
import { isFollowing } from '$lib/server/db/follows';
import { searchOrganizations } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';
import { findFieldBySlug } from '$lib/server/db/taxonomy';
import { latestThreads } from '$lib/server/db/threads';
import { takeFlash } from '$lib/server/events/flash';
import { followAction } from '$lib/server/follows/action';
import type { Actions, PageServerLoad } from './$types';

const PREVIEW = 6;

export const load: PageServerLoad = async ({ params, locals, url, cookies }) => {
	const db = requestDb();
	const field = await findFieldBySlug(db, params.slug);
	if (!field) error(404, 'Not Found');
	const [{ organizations, total }, events, threads, following] = await Promise.all([
		searchOrganizations(db, { fieldId: field.id }, 1, PREVIEW),
		searchEventSeries(db, { from: new Date(), fieldId: field.id }, { offset: 0, limit: PREVIEW }),
		latestThreads(db, { fieldId: field.id }),
		isFollowing(db, locals.user?.id ?? null, { kind: 'field', id: field.id })
	]);
	return {
		field,
		organizations,
		totalOrganizations: total,
		events: events.cards,
		totalEvents: events.total,
		threads,
		following,
		flash: takeFlash(cookies, url)
	};
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
