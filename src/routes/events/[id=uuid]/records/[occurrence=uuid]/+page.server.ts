// A held date's record (開催記録): public ones for everybody, every one for
// the event's organisers and coordinators (RLS decides). An organiser who
// opens the record of a held date that has none is taken to its form. The
// record's 地域の声 are listed under it; its organisers add them here.
import { error, redirect } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { findRecord } from '$lib/server/db/records';
import { recordVoices, saveVoice } from '$lib/server/db/voices';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import { renderMarkdown } from '$lib/server/markdown';
import { isHeld } from '$lib/server/records/held';
import { loadRecordContext } from '$lib/server/records/load';
import { voiceChoices } from '$lib/server/voices/choices';
import { voiceInput, voiceSchema } from '$lib/server/voices/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, cookies }) => {
	const { db, event, occurrence, canManage } = await loadRecordContext(
		params.id,
		params.occurrence
	);
	const [record, voices] = await Promise.all([
		findRecord(db, occurrence.id),
		recordVoices(db, occurrence.id)
	]);
	if (!record) {
		if (canManage && isHeld(event, occurrence))
			redirect(303, localizeHref(`/events/${event.id}/records/${occurrence.id}/edit`));
		error(404, 'Not Found');
	}
	const { minutes, ...shown } = record;
	// organisers add 声 here: the form starts in the event's area
	const adding = canManage ? await voiceChoices(db) : null;
	return {
		flash: takeFlash(cookies, url),
		event: { id: event.id, title: event.title, allDay: event.allDay },
		occurrence: { id: occurrence.id, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt },
		record: shown,
		minutesHtml: renderMarkdown(minutes),
		canManage,
		voices,
		voiceForm: adding
			? {
					form: await superValidate(
						{ areaId: event.areaId ?? '' },
						zod4(voiceSchema(adding.choices)),
						{ id: 'voice-new', errors: false }
					),
					areas: adding.areas,
					fields: adding.fields
				}
			: null
	};
};

export const actions: Actions = {
	addVoice: async ({ params, request, url, cookies }) => {
		const { user } = requireUser();
		const { db, event, occurrence, canManage } = await loadRecordContext(
			params.id,
			params.occurrence
		);
		if (!canManage) error(403, 'Forbidden');
		const { choices } = await voiceChoices(db);
		const form = await superValidate(request, zod4(voiceSchema(choices)), { id: 'voice-new' });
		if (!form.valid) return fail(400, { form });
		const saved = await saveVoice(db, { occurrenceId: occurrence.id }, voiceInput(form.data));
		if (!saved.ok)
			return setError(form, '', refusalMessage(saved.refusal), {
				status: saved.refusal === 'forbidden' ? 403 : 409
			});
		logEvent('voice_added', { userId: user.id, eventId: event.id, voiceId: saved.id });
		return redirectWithFlash(
			cookies,
			url,
			localizeHref(`/events/${event.id}/records/${occurrence.id}`),
			{ text: m.voice_added(), ok: true, target: 'voices' }
		);
	}
};
