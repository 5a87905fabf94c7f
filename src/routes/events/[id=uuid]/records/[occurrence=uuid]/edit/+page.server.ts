// Writing a held date's record (開催記録): the event's organisers and
// coordinators, once the date has started. Deleting it is a second step
// (?confirm=delete), as everything that cannot be undone.
import { error } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { countAttended, deleteRecord, findRecord, saveRecord } from '$lib/server/db/records';
import { recordHasVoices } from '$lib/server/db/voices';
import { redirectWithFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import { recordInput, recordSchema, recordValues } from '$lib/server/records/forms';
import { isHeld } from '$lib/server/records/held';
import { loadRecordContext } from '$lib/server/records/load';
import type { Actions, PageServerLoad } from './$types';

/** The date, for its organisers only (403 for others, 404 when there is no such date). */
async function managed(params: { id: string; occurrence: string }) {
	const { user } = requireUser();
	const context = await loadRecordContext(params.id, params.occurrence);
	if (!context.canManage) error(403, 'Forbidden');
	return { ...context, user };
}

export const load: PageServerLoad = async ({ params, url }) => {
	const { db, event, occurrence } = await managed(params);
	const [record, attended, hasVoices] = await Promise.all([
		findRecord(db, occurrence.id),
		countAttended(db, occurrence.id),
		recordHasVoices(db, occurrence.id)
	]);
	const values = record
		? recordValues(record)
		: {
				forumName: event.title,
				venue: event.venueName ?? (event.onlineUrl ? m.record_venue_online() : '')
			};
	const form = await superValidate(values, zod4(recordSchema(attended)), {
		id: 'record',
		errors: false
	});
	return {
		event: { id: event.id, title: event.title, allDay: event.allDay },
		occurrence: { id: occurrence.id, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt },
		held: isHeld(event, occurrence),
		cancelled: occurrence.status === 'cancelled' || event.status === 'cancelled',
		attended,
		exists: record !== null,
		// a record that holds 声 is not deleted (record_has_voices)
		hasVoices,
		form,
		confirmDelete: record !== null && url.searchParams.get('confirm') === 'delete'
	};
};

export const actions: Actions = {
	save: async ({ params, request, url, cookies }) => {
		const { db, event, occurrence, user } = await managed(params);
		const attended = await countAttended(db, occurrence.id);
		const form = await superValidate(request, zod4(recordSchema(attended)), { id: 'record' });
		if (!form.valid) return fail(400, { form });
		if (!isHeld(event, occurrence))
			return message(form, refusalMessage('not_held'), { status: 400 });
		const saved = await saveRecord(db, occurrence.id, recordInput(form.data));
		if (!saved.ok) {
			const text = refusalMessage(saved.refusal);
			if (saved.refusal === 'headcount_over') return setError(form, 'headcounts', text);
			return setError(form, '', text, { status: saved.refusal === 'forbidden' ? 403 : 409 });
		}
		logEvent('occurrence_record_saved', {
			userId: user.id,
			eventId: event.id,
			occurrenceId: occurrence.id
		});
		return redirectWithFlash(
			cookies,
			url,
			localizeHref(`/events/${event.id}/records/${occurrence.id}`),
			{ text: m.record_saved(), ok: true, target: 'record' }
		);
	},

	delete: async ({ params, url, cookies }) => {
		const { db, event, occurrence, user } = await managed(params);
		const deleted = await deleteRecord(db, occurrence.id);
		if (!deleted.ok)
			return redirectWithFlash(
				cookies,
				url,
				localizeHref(`/events/${event.id}/records/${occurrence.id}`),
				{ text: refusalMessage(deleted.refusal), ok: false, target: 'record' }
			);
		if (!deleted.deleted) error(404, 'Not Found');
		logEvent('occurrence_record_deleted', {
			userId: user.id,
			eventId: event.id,
			occurrenceId: occurrence.id
		});
		return redirectWithFlash(cookies, url, localizeHref(`/events/${event.id}`), {
			text: m.record_deleted(),
			ok: true,
			target: 'records'
		});
	}
};
