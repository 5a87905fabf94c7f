import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizeHref } from '$lib/paraglide/runtime';
import { TEXT_SIZES } from '$lib/preferences';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { searchOccurrences } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { listAreas } from '$lib/server/db/taxonomy';
import { readForm } from '$lib/server/forms/small';
import { setTextSize } from '$lib/server/preferences';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const db = requestDb();
	const [areas, upcoming] = await Promise.all([
		listAreas(db),
		searchOccurrences(db, { from: new Date() }, { from: 0, to: 4 })
	]);
	return { areas, upcoming: upcoming.occurrences };
};

const back = z.string().max(2000).default('');

export const actions: Actions = {
	/** 文字サイズ, from the header of any page: back to that page */
	textSize: async ({ request, cookies, url }) => {
		const posted = await readForm(request, z.object({ size: z.enum(TEXT_SIZES), back }));
		if (posted) setTextSize(cookies, url, posted.size);
		redirect(303, safeRedirectTarget(posted?.back, url.origin, localizeHref('/')));
	}
};
