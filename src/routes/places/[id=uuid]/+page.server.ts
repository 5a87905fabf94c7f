// A place's page: everything it says, a small map, the events held there, its
// 最終確認日 (marked when six months old), and 「情報が違う場合」. Its keepers
// (the organization's owners and editors, coordinators) edit it, confirm it
// with one click and deal with the corrections members reported.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { EASY_PARAM, hasEasyVersion } from '$lib/easy-japanese/version';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { editsFor, placePermissions } from '$lib/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { myMemberships } from '$lib/server/orgs/memberships';
import {
	confirmPlace,
	getPlace,
	placeCorrections,
	practicesAt,
	reportCorrection,
	resolveCorrection,
	upcomingDatesAt
} from '$lib/server/db/places';
import { requestDb } from '$lib/server/db/request';
import { serverEnv } from '$lib/server/env';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { readForm, refuse } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';
import { pageReadings, withReadings } from '$lib/server/furigana/page';
import { renderMarkdown } from '$lib/server/markdown';
import { currentSuspension } from '$lib/server/moderation/current';
import type { Actions, PageServerLoad } from './$types';

/** The place and what the viewer may do with it. */
async function placeFor(id: string, user: App.Locals['user']) {
	const db = requestDb();
	const [place, memberships, suspension] = await Promise.all([
		getPlace(db, id),
		user ? myMemberships(db, user.id) : Promise.resolve([]),
		user ? currentSuspension(user.id) : Promise.resolve(null)
	]);
	if (!place) error(404, 'Not Found');
	const editorOf = new Set(memberships.filter((mb) => editsFor(mb.role)).map((mb) => mb.id));
	const can = placePermissions(
		user,
		{ organizationId: place.organization?.id ?? null, published: place.published },
		editorOf,
		suspension !== null
	);
	return { db, place, can };
}

export const load: PageServerLoad = async ({ params, locals, url, cookies }) => {
	const { db, place, can } = await placeFor(params.id, locals.user);
	const [dates, practices, corrections] = await Promise.all([
		upcomingDatesAt(db, place.id),
		practicesAt(db, place.id),
		// RLS: its keepers read every correction, a member their own
		locals.user ? placeCorrections(db, place.id) : Promise.resolve([])
	]);
	// ?easy=1: the やさしい日本語 version (its body instead of the description, where there is one)
	const easyShown = url.searchParams.get(EASY_PARAM) === '1' && hasEasyVersion(place.easy);
	const description = (easyShown && place.easy.body) || place.description;
	const readings = await pageReadings(cookies, db, [
		place.id,
		place.organization?.id,
		...dates.map((d) => d.event.id),
		...practices.map((p) => p.id)
	]);
	return {
		place,
		readings,
		// rendered here: the source never reaches the page (sanitised Markdown only)
		descriptionHtml: withReadings(description ? renderMarkdown(description) : '', readings),
		easyShown,
		dates,
		practices,
		corrections,
		can,
		signedIn: locals.user !== null,
		tiles: serverEnv.mapTiles,
		flash: takeFlash(cookies, url)
	};
};

const correctionSchema = z.object({ body: z.string().trim().min(1).max(2000) });
const resolveSchema = z.object({ correctionId: z.uuid() });

export const actions: Actions = {
	/** 「この内容で確認しました」 */
	confirm: async ({ params, cookies, url }) => {
		const { user } = requireUser();
		const { db, place, can } = await placeFor(params.id, user);
		if (!can.keep) error(403, 'Forbidden');
		const confirmed = await confirmPlace(db, place.id);
		if (!confirmed.ok) return refuse(409, 'confirm', refusalMessage(confirmed.refusal));
		logEvent('place_confirmed', { userId: user.id, placeId: place.id });
		redirectWithFlash(cookies, url, localizeHref(`/places/${place.id}`), {
			text: m.place_confirmed(),
			ok: true,
			target: 'place-status'
		});
	},
	/** 情報が違う場合: a member reports what changed */
	correction: async ({ params, request, cookies, url }) => {
		const { user } = requireUser();
		const posted = (await request.formData()).get('body');
		const typed = typeof posted === 'string' ? posted : '';
		const parsed = correctionSchema.safeParse({ body: typed });
		if (!parsed.success)
			return refuse(400, 'correction', m.place_correction_error_body(), { body: typed });
		const { db, place, can } = await placeFor(params.id, user);
		if (!can.report) error(403, 'Forbidden');
		const reported = await reportCorrection(db, place.id, parsed.data.body);
		if (!reported.ok)
			return refuse(409, 'correction', refusalMessage(reported.refusal), { body: typed });
		logEvent('place_correction_reported', { userId: user.id, placeId: place.id });
		redirectWithFlash(cookies, url, localizeHref(`/places/${place.id}`), {
			text: m.place_correction_sent(),
			ok: true,
			target: 'correction'
		});
	},
	/** 対応済みにする (keepers) */
	resolve: async ({ params, request, cookies, url }) => {
		const { user } = requireUser();
		const fields = await readForm(request, resolveSchema);
		if (!fields) error(400, 'Bad Request');
		const { db, place, can } = await placeFor(params.id, user);
		if (!can.keep) error(403, 'Forbidden');
		const resolved = await resolveCorrection(db, fields.correctionId);
		if (!resolved.ok) return refuse(409, 'resolve', refusalMessage(resolved.refusal));
		redirectWithFlash(cookies, url, localizeHref(`/places/${place.id}`), {
			text: m.place_correction_resolved(),
			ok: true,
			target: 'corrections'
		});
	}
};
