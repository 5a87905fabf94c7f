import { error } from '@sveltejs/kit';
import { canAward } from '$lib/permissions';
import { renderMarkdown } from '$lib/server/markdown';
import { awardsFor } from '$lib/server/db/awards';
import { findPublicProfile } from '$lib/server/db/people';
import { requestDb } from '$lib/server/db/request';
import { takeFlash } from '$lib/server/events/flash';
import { withCitations } from '$lib/server/recognition/awards';
import { loadThanks, thankAction } from '$lib/server/recognition/thanks';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, cookies, parent }) => {
	// RLS decides: listed profiles for everyone; unlisted ones only for the person,
	// members of one of their organizations, and coordinators
	const db = requestDb();
	const id = params.id.toLowerCase();
	const viewer = locals.user ? { id: locals.user.id, role: locals.user.role } : null;
	const [profile, awards, { suspension }] = await Promise.all([
		findPublicProfile(db, id),
		awardsFor(db, { profileId: id }),
		parent()
	]);
	if (!profile) error(404, 'Not Found');
	const thanks = await loadThanks(
		db,
		{ profileId: id },
		{ kind: 'person', profileId: id },
		viewer,
		suspension !== null
	);
	const { bio, ...rest } = profile;
	return {
		profile: rest,
		bioHtml: renderMarkdown(bio),
		isSelf: locals.user?.id === profile.id,
		awards: withCitations(awards),
		thanks,
		canAward: canAward(viewer),
		viewerId: viewer?.id ?? null,
		flash: takeFlash(cookies, url)
	};
};

export const actions: Actions = {
	thank: async (event) => {
		const id = event.params.id.toLowerCase();
		return thankAction(event, { profileId: id }, `/people/${id}`);
	}
};
