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
import { listEventOccurrences, type EventDetail } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { loadManagedEvent } from '$lib/server/events/access';
import { eventChoices } from '$lib/server/events/choices';
import { eventSchema } from '$lib/server/events/forms';
import { formValuesOf, saveEvent } from '$lib/server/events/save';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';
import { dbFailure } from '$lib/server/db/errors';

/** The event, for its organisers only (401/403/404 otherwise). */
async function managed(id: string) {
	const { user } = requireUser();
	const db = requestDb();
	return { user, db, event: await loadManagedEvent(db, id) };
}

/** What the form may offer; only the form's load and save need it. */
function choicesFor(db: Db, user: SessionUser, event: EventDetail) {
	return eventChoices(db, user, {
		organizationId: event.organization_id,
		areaId: event.area_id,
		fieldIds: event.fields.map((f) => f.id),
		cohostIds: [...event.cohosts, ...event.invitedCohosts].map((c) => c.id)
	});
}

const reasonSchema = z.string().trim().min(1).max(500);

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
			cancel_reason: event.cancel_reason,
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
		await saveEvent(db, event.id, form.data, status);
		logEvent('event_updated', { userId: user.id, eventId: event.id, status });
		redirect(303, localizeHref(`/events/${event.id}`));
	},

	cancel: async ({ params, request }) => {
		const { event, db, user } = await managed(params.id);
		const reason = reasonSchema.safeParse((await request.formData()).get('reason'));
		if (!reason.success) return fail(400, { cancelError: m.event_error_cancel_reason() });
		const { error } = await db
			.from('events')
			.update({ status: 'cancelled', cancel_reason: reason.data })
			.eq('id', event.id);
		if (error) dbFailure(error);
		logEvent('event_cancelled', { userId: user.id, eventId: event.id });
		redirect(303, localizeHref(`/events/${event.id}`));
	},

	duplicate: async ({ params }) => {
		const { event, db, user } = await managed(params.id);
		const copy = formValuesOf(event);
		copy.title = `${copy.title}${m.event_copy_suffix()}`;
		const id = await saveEvent(db, null, copy, 'draft');
		logEvent('event_duplicated', { userId: user.id, eventId: event.id, copyId: id });
		redirect(303, localizeHref(`/events/${id}/edit`));
	},

	cancelOccurrence: async ({ params, request }) => {
		const { event, db } = await managed(params.id);
		const body = await request.formData();
		const id = z.uuid().safeParse(body.get('occurrenceId'));
		const reason = reasonSchema.safeParse(body.get('reason'));
		if (!id.success || !reason.success)
			return fail(400, { occurrenceError: m.event_error_cancel_reason() });
		const { error } = await db
			.from('event_occurrences')
			.update({ status: 'cancelled', cancel_reason: reason.data })
			.eq('event_id', event.id)
			.eq('id', id.data);
		if (error) dbFailure(error);
		return { occurrenceMessage: m.event_occurrence_cancelled() };
	},

	restoreOccurrence: async ({ params, request }) => {
		const { event, db } = await managed(params.id);
		const id = z.uuid().safeParse((await request.formData()).get('occurrenceId'));
		if (!id.success) return fail(400, {});
		const { error } = await db
			.from('event_occurrences')
			.update({ status: 'scheduled', cancel_reason: null })
			.eq('event_id', event.id)
			.eq('id', id.data);
		if (error) dbFailure(error);
		return { occurrenceMessage: m.event_occurrence_restored() };
	},

	moveOccurrence: async ({ params, request }) => {
		const { event, db } = await managed(params.id);
		const body = await request.formData();
		const id = z.uuid().safeParse(body.get('occurrenceId'));
		const startsAt = tokyoInstant(
			String(body.get('date') ?? ''),
			String(body.get('startTime') ?? '')
		);
		const endsAt = tokyoInstant(String(body.get('date') ?? ''), String(body.get('endTime') ?? ''));
		if (!id.success || !startsAt || !endsAt)
			return fail(400, { occurrenceError: m.event_error_time_required() });
		if (endsAt <= startsAt) return fail(400, { occurrenceError: m.event_error_end_before_start() });
		const { error } = await db
			.from('event_occurrences')
			.update({ starts_at: startsAt.toISOString(), ends_at: endsAt.toISOString() })
			.eq('event_id', event.id)
			.eq('id', id.data);
		if (error) dbFailure(error);
		return { occurrenceMessage: m.event_occurrence_moved() };
	}
};
