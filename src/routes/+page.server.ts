import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { quickLinks } from '$lib/server/events/quick-links';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { TEXT_SIZES } from '$lib/preferences';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { listMyRegistrations } from '$lib/server/db/events';
import { homeSections } from '$lib/server/db/home';
import { pageReadings } from '$lib/server/furigana/page';
import { requestDb } from '$lib/server/db/request';
import { listAreas } from '$lib/server/db/taxonomy';
import { homeSeries, publicTaxonomy, readerAt } from '$lib/server/events/kept-lists';
import { readForm } from '$lib/server/forms/small';
import {
	resolveMyArea,
	setAreaSlug,
	setEasyView,
	setFurigana,
	setTextSize
} from '$lib/server/preferences';
import type { Actions, PageServerLoad } from './$types';

// Opened by its address (a bookmark) the page is not hydrated: no JavaScript to download, all of
// it links and forms that work without (docs/ARCHITECTURE.md, §5). Reached from a hydrated page,
// SvelteKit renders it in the browser as usual.
export const csr = false;

const UPCOMING = 6;

export const load: PageServerLoad = async ({ locals, cookies }) => {
	const db = requestDb();
	const now = new Date();
	// the featured practices, the threads and the awards (six, four and four) in one request
	// with the version of the public events; the areas (for everybody) and a visitor's next
	// events are kept per version
	const [{ areas, myArea, upcoming, featured, threads, awards }, next] = await Promise.all([
		homeSections(db).then(async ({ eventsVersion, practices, ...sections }) => {
			const reader = readerAt(eventsVersion);
			const [{ areas: all }, upcoming] = await Promise.all([
				publicTaxonomy(db, reader.version),
				homeSeries(db, reader, now, UPCOMING)
			]);
			const areas = all.filter((a) => !a.retired_at);
			// "my area": the one chosen here, else (signed in) the first of the profile's areas
			const myArea = await resolveMyArea(db, cookies, locals.user?.id ?? null, areas);
			return { ...sections, featured: practices, areas, myArea, upcoming };
		}),
		locals.user
			? listMyRegistrations(db, locals.user.id, 'upcoming', { offset: 0, limit: 1 }, now)
			: []
	]);
	// ふりがな: the words of what the sections show (one read, only while it is on)
	const readings = await pageReadings(cookies, db, [
		...upcoming.map((o) => o.event.id),
		...next.map((o) => o.event.id),
		...featured.map((p) => p.id),
		...threads.map((t) => t.id),
		...awards.flatMap((a) => [a.recipient.id, a.event?.id])
	]);
	// the featured practices and the threads name their areas from the list read here
	const byId = new Map(
		areas.map((a) => [a.id, { id: a.id, slug: a.slug, name_ja: a.name_ja, name_en: a.name_en }])
	);
	return {
		areas,
		upcoming,
		next: next[0] ?? null,
		featured: featured.map(({ areaIds, ...p }) => ({
			...p,
			areas: areaIds.flatMap((id) => byId.get(id) ?? []),
			fields: []
		})),
		recognitions: awards,
		threads: threads.map(({ areaId, ...t }) => ({
			...t,
			area: (areaId && byId.get(areaId)) || null
		})),
		myArea,
		quick: quickLinks(now, getLocale()),
		readings
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
	/** 見やすい表示 on or off, from the header of any page: back to that page */
	easyView: async ({ request, cookies, url }) => {
		const posted = await readForm(request, z.object({ value: z.enum(['on', 'off']), back }));
		if (posted) setEasyView(cookies, url, posted.value === 'on');
		redirect(303, safeRedirectTarget(posted?.back, url.origin, localizeHref('/')));
	},
	/** ふりがな on or off, from the header of any page: back to that page */
	furigana: async ({ request, cookies, url }) => {
		const posted = await readForm(request, z.object({ value: z.enum(['on', 'off']), back }));
		if (posted) setFurigana(cookies, url, posted.value === 'on');
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
