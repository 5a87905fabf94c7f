import { error } from '@sveltejs/kit';
import { renderMarkdown } from '$lib/server/markdown';
import { findPublicProfile } from '$lib/server/db/people';
import { requestDb } from '$lib/server/db/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	// RLS decides: listed profiles for everyone; unlisted ones only for the person,
	// members of one of their organizations, and coordinators
	const profile = await findPublicProfile(requestDb(), params.id.toLowerCase());
	if (!profile) error(404, 'Not Found');
	const { bio, ...rest } = profile;
	return {
		profile: rest,
		bioHtml: renderMarkdown(bio),
		isSelf: locals.user?.id === profile.id
	};
};
