import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { quickRanges } from '$lib/events/quick-ranges';
import { localizeHref } from '$lib/paraglide/runtime';
import { TEXT_SIZES } from '$lib/preferences';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { listMyRegistrations, searchEventSeries } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { listAreas } from '$lib/server/db/taxonomy';
import { readForm } from '$lib/server/forms/small';
import { resolveMyArea, setAreaSlug, setTextSize } from '$lib/server/preferences';
import type { Actions, PageServerLoad } from './$types';

const UPCOMING = 6;

export const load: PageServerLoad = async ({ locals, cookies }) => {
	const db = requestDb();
	const now = new Date();
	const [areas, upcoming, next] = await Promise.all([
		listAreas(db),
		searchEventSeries(db, { from: now }, { offset: 0, limit: UPCOMING }, { count: false }),
		locals.user
			? listMyRegistrations(db, locals.user.id, 'upcoming', { offset: 0, limit: 1 }, now)
			: []
	]);
	// "my area": the one chosen here, else (signed in) the first of the profile's areas
	const myArea = await resolveMyArea(db, cookies, locals.user?.id ?? null, areas);
	return {
		areas,
		upcoming: upcoming.cards,
		next: next[0] ?? null,
		myArea,
		ranges: quickRanges(now)
	};
};

const back = z.string().max(2000).default('');

export const actions: Actions = {
	/** 文字サイズ, from the header of any page: back to that page */
	textSize: async ({ request, cookies, url }) => {
		const posted = await readForm(request, z.object({ size: z.enum(TEXT_SIZES), back }));
		if (posted) setTextSize(cookies, url, posted.size);
		redirect(303, safeRedirectTarget(posted?.back, url.origin, localizeHref('/')));
	},
	/** わたしの地域 (an area's slug; empty forgets it), from the home page or /areas */
	area: async ({ request, cookies, url }) => {
		const posted = await readForm(
			request,
			z.object({ area: z.string().max(60).default(''), back })
		);
		if (posted) {
			const areas = posted.area ? await listAreas(requestDb()) : [];
			const area = areas.find((a) => a.slug === posted.area);
			if (area || !posted.area) setAreaSlug(cookies, url, area?.slug ?? null);
		}
		redirect(303, safeRedirectTarget(posted?.back, url.origin, localizeHref('/')));
	}
};
