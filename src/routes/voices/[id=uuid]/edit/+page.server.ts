// Editing a 声 (its words, area, fields, whether it is public, and the thread
// or practice that took it up): its event's organisers and coordinators.
// Deleting it is a second step (?confirm=delete); its history goes with it.
import { error } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { deleteVoice, saveVoice } from '$lib/server/db/voices';
import { redirectWithFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import { voiceChoices } from '$lib/server/voices/choices';
import { voiceInput, voiceSchema, voiceValues } from '$lib/server/voices/forms';
import { loadManagedVoice } from '$lib/server/voices/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	requireUser();
	const { db, voice } = await loadManagedVoice(params.id);
	const { areas, fields, choices } = await voiceChoices(db, voice);
	return {
		voice: { id: voice.id, body: voice.body, eventTitle: voice.event.title },
		areas,
		fields,
		form: await superValidate(voiceValues(voice, url.origin), zod4(voiceSchema(choices)), {
			id: 'voice-edit',
			errors: false
		}),
		confirmDelete: url.searchParams.get('confirm') === 'delete'
	};
};

export const actions: Actions = {
	save: async ({ params, request, url, cookies }) => {
		const { user } = requireUser();
		const { db, voice } = await loadManagedVoice(params.id);
		const { choices } = await voiceChoices(db, voice);
		const form = await superValidate(request, zod4(voiceSchema(choices)), { id: 'voice-edit' });
		if (!form.valid) return fail(400, { form });
		const saved = await saveVoice(db, { voiceId: voice.id }, voiceInput(form.data));
		if (!saved.ok)
			return setError(form, '', refusalMessage(saved.refusal), {
				status: saved.refusal === 'forbidden' ? 403 : 409
			});
		logEvent('voice_saved', { userId: user.id, voiceId: voice.id });
		return redirectWithFlash(cookies, url, localizeHref(`/voices/${voice.id}`), {
			text: m.voice_saved(),
			ok: true,
			target: 'voice'
		});
	},

	delete: async ({ params, url, cookies }) => {
		const { user } = requireUser();
		const { db, voice } = await loadManagedVoice(params.id);
		if (!(await deleteVoice(db, voice.id))) error(404, 'Not Found');
		logEvent('voice_deleted', { userId: user.id, voiceId: voice.id });
		return redirectWithFlash(
			cookies,
			url,
			localizeHref(`/events/${voice.event.id}/records/${voice.occurrenceId}`),
			{ text: m.voice_deleted(), ok: true, target: 'voices' }
		);
	}
};
