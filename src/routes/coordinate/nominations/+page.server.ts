// /coordinate/nominations: the open nominations first (oldest first), each
// turned into an award (the award form prefilled) or closed with a note (the
// nominator is told); then the latest answered ones. Coordinators only.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireCoordinator } from '$lib/server/auth/guard';
import { closeNomination, nominationQueue } from '$lib/server/db/nominations';
import { requestDb } from '$lib/server/db/request';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { readForm } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, cookies }) => {
	requireCoordinator();
	const queue = await nominationQueue(requestDb());
	return { ...queue, flash: takeFlash(cookies, url) };
};

const closeSchema = z.object({
	nominationId: z.uuid(),
	note: z.string().trim().max(500).default('')
});

export const actions: Actions = {
	close: async ({ request, url, cookies }) => {
		const { user } = requireCoordinator();
		const path = localizeHref('/coordinate/nominations');
		const form = await readForm(request, closeSchema);
		if (!form)
			redirectWithFlash(cookies, url, path, {
				text: m.recognition_close_note_too_long(),
				ok: false,
				target: 'open'
			});
		const result = await closeNomination(requestDb(), form.nominationId, form.note);
		if (!result.ok)
			redirectWithFlash(cookies, url, path, {
				text: refusalMessage(result.refusal),
				ok: false,
				target: `nomination-${form.nominationId}`
			});
		logEvent('nomination_closed', { userId: user.id, nominationId: form.nominationId });
		redirectWithFlash(cookies, url, path, {
			text: m.recognition_close_done(),
			ok: true,
			target: 'open'
		});
	}
};
