import { error, redirect, type Cookies } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
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
	setEventCover,
	updateOccurrence,
	type EventDetail
} from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { loadManagedEvent } from '$lib/server/events/access';
import { eventChoices, sentOrganizationIds } from '$lib/server/events/choices';
import { organizationSearch } from '$lib/server/orgs/search';
import { eventSchema } from '$lib/server/events/forms';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { formValuesOf, saveEventForm } from '$lib/server/events/save';
import { refusalMessage } from '$lib/server/forms/refusals';
import { readForm, refuse } from '$lib/server/forms/small';
import { coverSchema } from '$lib/server/images/cover';
import { postedFile, storeUpload } from '$lib/server/images/upload';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

/** The event, for its organisers only (401/403/404 otherwise). */
async function managed(id: string) {
	const { user } = requireUser();
	const db = requestDb();
	return { user, db, event: await loadManagedEvent(db, id) };
}

/** What the form may offer (and, saving, what it was sent); only the form's load and save need it. */
function choicesFor(db: Db, user: SessionUser, event: EventDetail, sent: string[] = []) {
	return eventChoices(
		db,
		user,
		{
			organizationId: event.organizationId,
			areaId: event.areaId,
			fieldIds: event.fields.map((f) => f.id),
			cohostIds: [...event.cohosts, ...event.invitedCohosts].map((c) => c.id)
		},
		sent
	);
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

/** The page itself again, at a date (Post/Redirect/Get), with the answer there. */
function atDate(
	cookies: Cookies,
	url: URL,
	eventId: string,
	occurrenceId: string,
	text: string
): never {
	return redirectWithFlash(cookies, url, localizeHref(`/events/${eventId}/edit`), {
		text,
		ok: true,
		target: `occurrence-${occurrenceId}`
	});
}

/**
 * The second step of cancelling a date (?confirm=cancel-<id>&reason=…) or the
 * whole event (?confirm=cancel-event&reason=…): the reason typed in the first
 * step (a GET form), or why it cannot go on.
 */
function confirmation(url: URL, occurrenceIds: string[]) {
	const confirm = url.searchParams.get('confirm') ?? '';
	const what =
		confirm === 'cancel-event' ? 'event' : occurrenceIds.find((id) => confirm === `cancel-${id}`);
	if (!what) return null;
	const reason = cancelSchema.safeParse({ reason: url.searchParams.get('reason') ?? '' });
	return reason.success
		? { what, reason: reason.data.reason, error: null }
		: { what, reason: null, error: m.event_error_cancel_reason() };
}

export const load: PageServerLoad = async ({ params, url, cookies }) => {
	const { event, db, user } = await managed(params.id);
	const flash = takeFlash(cookies, url);
	const [{ choices, ...lists }, occurrences] = await Promise.all([
		choicesFor(db, user, event),
		listEventOccurrences(db, event.id)
	]);
	return {
		flash,
		confirm: confirmation(
			url,
			occurrences.map((o) => o.id)
		),
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
		searchCohosts: lists.searchCohosts,
		places: lists.places,
		form: await superValidate(formValuesOf(event), zod4(eventSchema(choices)), { errors: false }),
		cover: event.cover,
		coverForm: await superValidate({ alt: event.cover?.alt ?? '' }, zod4(coverSchema()), {
			id: 'cover',
			errors: false
		})
	};
};

export const actions: Actions = {
	// 「探す」 among the co-hosts: the form comes back as it was typed, with what was found
	findCohosts: async ({ params, request }) => {
		const { event, db, user } = await managed(params.id);
		const body = await request.formData();
		const { choices, cohosts } = await choicesFor(db, user, event, sentOrganizationIds(body));
		const form = await superValidate(body, zod4(eventSchema(choices)), { errors: false });
		return { form, cohostSearch: await organizationSearch(db, body, cohosts) };
	},
	save: async ({ params, request }) => {
		const { event, db, user } = await managed(params.id);
		const body = await request.formData();
		const { choices } = await choicesFor(db, user, event, sentOrganizationIds(body));
		const form = await superValidate(body, zod4(eventSchema(choices)));
		if (!form.valid) return fail(400, { form });
		const status =
			event.status === 'cancelled'
				? 'cancelled'
				: body.get('intent') === 'publish'
					? 'published'
					: 'draft';
		const saved = await saveEventForm(db, event.id, form.data, status);
		if (!saved.ok) return message(form, refusalMessage(saved.refusal), { status: 403 });
		logEvent('event_updated', { userId: user.id, eventId: event.id, status });
		redirect(303, localizeHref(`/events/${event.id}`));
	},

	// 表紙の写真: a new photo with its description, or a new description for the one there
	cover: async ({ params, request, url, cookies }) => {
		const { event, db, user } = await managed(params.id);
		const body = await request.formData();
		const coverForm = await superValidate(body, zod4(coverSchema()), { id: 'cover' });
		const file = postedFile(body, 'coverFile');
		if (!file && !event.cover) setError(coverForm, 'photo', m.event_cover_choose());
		if (!coverForm.data.alt) setError(coverForm, 'alt', m.practice_refusal_photo_alt_required());
		if (!coverForm.valid) return fail(400, { coverForm });
		let hash = event.cover?.hash ?? '';
		if (file) {
			const stored = await storeUpload(file, user.id);
			if (!stored.ok) return setError(coverForm, 'photo', stored.message);
			hash = stored.image.hash;
		}
		if (!(await setEventCover(db, event.id, { hash, alt: coverForm.data.alt })))
			error(403, 'Forbidden');
		logEvent('event_cover_set', { userId: user.id, eventId: event.id });
		redirectWithFlash(cookies, url, localizeHref(`/events/${event.id}/edit`), {
			text: m.event_cover_saved(),
			ok: true,
			target: 'cover'
		});
	},

	removeCover: async ({ params, url, cookies }) => {
		const { event, db, user } = await managed(params.id);
		if (!(await setEventCover(db, event.id, null))) error(403, 'Forbidden');
		logEvent('event_cover_removed', { userId: user.id, eventId: event.id });
		redirectWithFlash(cookies, url, localizeHref(`/events/${event.id}/edit`), {
			text: m.event_cover_removed(),
			ok: true,
			target: 'cover'
		});
	},

	cancel: async ({ params, request, url, cookies }) => {
		const { event, db, user } = await managed(params.id);
		const form = await readForm(request, cancelSchema);
		if (!form) return refuse(400, 'cancel', m.event_error_cancel_reason());
		await cancelEvent(db, event.id, form.reason);
		logEvent('event_cancelled', { userId: user.id, eventId: event.id });
		return redirectWithFlash(cookies, url, localizeHref(`/events/${event.id}`), {
			text: m.event_cancelled_done(),
			ok: true,
			target: 'top'
		});
	},

	duplicate: async ({ params }) => {
		const { event, db, user } = await managed(params.id);
		const copy = formValuesOf(event);
		copy.title = `${copy.title}${m.event_copy_suffix()}`;
		const saved = await saveEventForm(db, null, copy, 'draft');
		if (!saved.ok) error(403, refusalMessage(saved.refusal));
		logEvent('event_duplicated', { userId: user.id, eventId: event.id, copyId: saved.id });
		redirect(303, localizeHref(`/events/${saved.id}/edit`));
	},

	cancelOccurrence: async ({ params, request, url, cookies }) => {
		const { event, db } = await managed(params.id);
		const form = await readForm(request, cancelOccurrenceSchema);
		if (!form) return refuse(400, 'cancelOccurrence', m.event_error_cancel_reason());
		await updateOccurrence(db, event.id, form.occurrenceId, {
			status: 'cancelled',
			reason: form.reason
		});
		return atDate(cookies, url, event.id, form.occurrenceId, m.event_occurrence_cancelled());
	},

	restoreOccurrence: async ({ params, request, url, cookies }) => {
		const { event, db } = await managed(params.id);
		const form = await readForm(request, occurrenceSchema);
		if (!form) return refuse(400, 'restoreOccurrence', m.refusal_not_found());
		await updateOccurrence(db, event.id, form.occurrenceId, { status: 'scheduled' });
		return atDate(cookies, url, event.id, form.occurrenceId, m.event_occurrence_restored());
	},

	moveOccurrence: async ({ params, request, url, cookies }) => {
		const { event, db } = await managed(params.id);
		const form = await readForm(request, moveOccurrenceSchema);
		const startsAt = form && tokyoInstant(form.date, form.startTime);
		const endsAt = form && tokyoInstant(form.date, form.endTime);
		// a mistake is answered at the date's own form (its action ends in #occurrence-<id>)
		const at = { occurrenceId: form?.occurrenceId ?? null };
		if (!form || !startsAt || !endsAt)
			return refuse(400, 'moveOccurrence', m.event_error_time_required(), at);
		if (endsAt <= startsAt)
			return refuse(400, 'moveOccurrence', m.event_error_end_before_start(), at);
		await updateOccurrence(db, event.id, form.occurrenceId, { startsAt, endsAt });
		return atDate(cookies, url, event.id, form.occurrenceId, m.event_occurrence_moved());
	}
};
