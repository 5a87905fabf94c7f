// 確認をお願いしている場所: the places the person keeps (their organizations';
// coordinators: also those of no organization) that nobody has confirmed for
// six months, oldest first: the monthly reminder links here. Each is confirmed
// with one click, or opened to correct it.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { confirmPlace, myStalePlaces } from '$lib/server/db/places';
import { requestDb } from '$lib/server/db/request';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { readForm, refuse } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, cookies }) => {
	requireUser();
	return { places: await myStalePlaces(requestDb()), flash: takeFlash(cookies, url) };
};

export const actions: Actions = {
	confirm: async ({ request, url, cookies }) => {
		const { user } = requireUser();
		const fields = await readForm(request, z.object({ placeId: z.uuid() }));
		if (!fields) error(400, 'Bad Request');
		const confirmed = await confirmPlace(requestDb(), fields.placeId);
		if (!confirmed.ok) return refuse(409, 'confirm', refusalMessage(confirmed.refusal));
		logEvent('place_confirmed', { userId: user.id, placeId: fields.placeId });
		redirectWithFlash(cookies, url, localizeHref('/places/confirm'), {
			text: m.place_confirmed(),
			ok: true,
			target: 'stale'
		});
	}
};
