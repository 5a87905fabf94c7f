import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { tokyoInstant } from '$lib/events/recurrence';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import type { SessionUser } from '$lib/server/auth/session';
import type { Db } from '$lib/server/db/client';
import {
	cancelEvent,
	listEventOccurrences,
	updateOccurrence,
	type EventDetail
} from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { loadManagedEvent } from '$lib/server/events/access';
import { eventChoices } from '$lib/server/events/choices';
import { eventSchema } from '$lib/server/events/forms';
import { formValuesOf, saveEventForm } from '$lib/server/events/save';
import { notice, readForm, refuse } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

/** The event, for its organisers only (401/403/404 otherwise). */
async function managed(id: string) {
	const { user } = requireUser();
	const db = requestDb();
	return { user, db, event: await loadManagedEvent(db, id) };
}

/** What the form may offer; only the form's load and save need it. */
function choicesFor(db: Db, user: SessionUser, event: EventDetail) {
	return eventChoices(db, user, {
		organizationId: event.organizationId,
		areaId: event.areaId,
		fieldIds: event.fields.map((f) => f.id),
		cohostIds: [...event.cohosts, ...event.invitedCohosts].map((c) => c.id)
	});
}

const reason = z.string().trim().min(1).max(500);
const cancelSchema = z.object({ reason });
const occurrenceSchema = z.object({ occurrenceId: z.uuid() });
const cancelOccurrenceSchema = z.object({ occurrenceId: z.uuid(), reason });
const moveOccurrenceSchema = z.object({
	occurrenceId: z.uuid(),
	date: z.string().default(''),
	startTime: z.string().default(''),
	endTime: z.string().default('')
});

export const load: PageServerLoad = async ({ params }) => {
	const { event, db, user } = await managed(params.id);
	const [{ choices, ...lists }, occurrences] = await Promise.all([
		choicesFor(db, user, event),
		listEventOccurrences(db, event.id)
	]);
	return {
		event: {
			id: event.id,
			title: event.title,
			status: event.status,
			cancelReason: event.cancelReason,
			rrule: event.rrule
		},
		occurrences,
		areas: lists.areas,
		fields: lists.fields,
		organizations: lists.organizations,
		cohosts: lists.cohosts,
		form: await superValidate(formValuesOf(event), zod4(eventSchema(choices)), { errors: false })
	};
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { event, db, user } = await managed(params.id);
		const { choices } = await choicesFor(db, user, event);
		const body = await request.formData();
		const form = await superValidate(body, zod4(eventSchema(choices)));
		if (!form.valid) return fail(400, { form });
		const status =
			event.status === 'cancelled'
				? 'cancelled'
				: body.get('intent') === 'publish'
					? 'published'
					: 'draft';
		await saveEventForm(db, event.id, form.data, status);
		logEvent('event_updated', { userId: user.id, eventId: event.id, status });
		redirect(303, localizeHref(`/events/${event.id}`));
	},

	cancel: async ({ params, request }) => {
		const { event, db, user } = await managed(params.id);
		const form = await readForm(request, cancelSchema);
		if (!form) return refuse(400, 'cancel', m.event_error_cancel_reason());
		await cancelEvent(db, event.id, form.reason);
		logEvent('event_cancelled', { userId: user.id, eventId: event.id });
		redirect(303, localizeHref(`/events/${event.id}`));
	},

	duplicate: async ({ params }) => {
		const { event, db, user } = await managed(params.id);
		const copy = formValuesOf(event);
		copy.title = `${copy.title}${m.event_copy_suffix()}`;
		const id = await saveEventForm(db, null, copy, 'draft');
		logEvent('event_duplicated', { userId: user.id, eventId: event.id, copyId: id });
		redirect(303, localizeHref(`/events/${id}/edit`));
	},

	cancelOccurrence: async ({ params, request }) => {
		const { event, db } = await managed(params.id);
		const form = await readForm(request, cancelOccurrenceSchema);
		if (!form) return refuse(400, 'cancelOccurrence', m.event_error_cancel_reason());
		await updateOccurrence(db, event.id, form.occurrenceId, {
			status: 'cancelled',
			reason: form.reason
		});
		return notice('cancelOccurrence', m.event_occurrence_cancelled());
	},

	restoreOccurrence: async ({ params, request }) => {
		const { event, db } = await managed(params.id);
		const form = await readForm(request, occurrenceSchema);
		if (!form) return refuse(400, 'restoreOccurrence', m.refusal_not_found());
		await updateOccurrence(db, event.id, form.occurrenceId, { status: 'scheduled' });
		return notice('restoreOccurrence', m.event_occurrence_restored());
	},

	moveOccurrence: async ({ params, request }) => {
		const { event, db } = await managed(params.id);
		const form = await readForm(request, moveOccurrenceSchema);
		const startsAt = form && tokyoInstant(form.date, form.startTime);
		const endsAt = form && tokyoInstant(form.date, form.endTime);
		if (!form || !startsAt || !endsAt)
			return refuse(400, 'moveOccurrence', m.event_error_time_required());
		if (endsAt <= startsAt) return refuse(400, 'moveOccurrence', m.event_error_end_before_start());
		await updateOccurrence(db, event.id, form.occurrenceId, { startsAt, endsAt });
		return notice('moveOccurrence', m.event_occurrence_moved());
	}
};
