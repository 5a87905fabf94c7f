import { error, type Cookies } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import {
	addGuest,
	cancelAttendee,
	listAttendees,
	markAttendance
} from '$lib/server/db/registrations';
import {
	attendanceSchema,
	guestSchema,
	registrationIdSchema
} from '$lib/server/events/attendee-forms';
import {
	groupAttendees,
	loadManagedEventWithOccurrences,
	pickOccurrence
} from '$lib/server/events/attendees';
import { redirectWithFlash, takeFlash, type Flash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { readForm, refuse } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

/** The event (organisers only) and the occurrence of ?occurrence= (or the next one); 404 for another event's. */
async function context(eventId: string, url: URL) {
	requireUser();
	const loaded = await loadManagedEventWithOccurrences(eventId);
	const occurrence = pickOccurrence(loaded.occurrences, url.searchParams.get('occurrence'));
	if (!occurrence) error(404, 'Not Found');
	return { ...loaded, occurrence };
}

const hasStarted = (occurrence: { startsAt: string }) =>
	new Date(occurrence.startsAt).getTime() <= Date.now();

/** Back to this date's list, at the row or list the answer is about (Post/Redirect/Get). */
function land(
	event: { params: { id: string }; url: URL; cookies: Cookies },
	occurrenceId: string,
	flash: Flash
): never {
	return redirectWithFlash(
		event.cookies,
		event.url,
		localizeHref(`/events/${event.params.id}/attendees`),
		flash,
		`?occurrence=${occurrenceId}`
	);
}

export const load: PageServerLoad = async ({ params, url, cookies }) => {
	const { db, event, occurrences, occurrence } = await context(params.id, url);
	const flash = takeFlash(cookies, url);
	const [attendees, guestForm] = await Promise.all([
		listAttendees(db, occurrence.id),
		superValidate(zod4(guestSchema()), { id: 'guest' })
	]);
	// ?confirm=cancel-<registration id>: the second step of cancelling somebody, at their row
	const confirm = url.searchParams.get('confirm');
	return {
		flash,
		confirmCancel:
			attendees.find((a) => a.status !== 'cancelled' && confirm === `cancel-${a.id}`)?.id ?? null,
		event: {
			id: event.id,
			title: event.title,
			capacity: event.capacity,
			waitlistEnabled: event.waitlistEnabled,
			allDay: event.allDay,
			cancelled: event.status === 'cancelled'
		},
		occurrences: occurrences.map((o) => ({
			id: o.id,
			startsAt: o.startsAt,
			endsAt: o.endsAt,
			cancelled: o.status === 'cancelled'
		})),
		occurrence: {
			id: occurrence.id,
			startsAt: occurrence.startsAt,
			endsAt: occurrence.endsAt,
			cancelled: occurrence.status === 'cancelled',
			started: hasStarted(occurrence)
		},
		...groupAttendees(attendees),
		guestForm
	};
};

export const actions: Actions = {
	addGuest: async ({ params, url, request, cookies }) => {
		const { user } = requireUser();
		const { db, event, occurrence } = await context(params.id, url);
		const guestForm = await superValidate(request, zod4(guestSchema()), { id: 'guest' });
		if (!guestForm.valid) return fail(400, { guestForm });
		if (occurrence.status === 'cancelled' || event.status === 'cancelled') {
			return message(guestForm, m.attendees_error_cancelled(), { status: 400 });
		}
		const result = await addGuest(db, occurrence.id, guestForm.data);
		if (!result.ok) {
			const text = refusalMessage(result.refusal, {
				full: m.attendees_guest_full,
				too_many: m.attendees_guest_too_many
			});
			return message(guestForm, text, { status: 409 });
		}
		logEvent('guest_registration_added', {
			userId: user.id,
			eventId: event.id,
			occurrenceId: occurrence.id
		});
		const name = guestForm.data.name;
		// at the new row, which the list now shows
		return land({ params, url, cookies }, occurrence.id, {
			text:
				result.status === 'going'
					? m.attendees_guest_added({ name })
					: m.attendees_guest_waitlisted({ name }),
			ok: true,
			target: `attendee-${result.id}`
		});
	},

	cancel: async ({ params, url, request, cookies }) => {
		const { user } = requireUser();
		const { db, event, occurrence } = await context(params.id, url);
		const form = await readForm(request, registrationIdSchema());
		const result = form && (await cancelAttendee(db, occurrence.id, form.registration));
		if (!form || !result?.ok) return refuse(400, 'cancel', m.attendees_error_not_found());
		logEvent('registration_cancelled_by_organiser', {
			userId: user.id,
			eventId: event.id,
			occurrenceId: occurrence.id
		});
		// at the list they left, where whoever moved up now shows
		return land({ params, url, cookies }, occurrence.id, {
			text: m.attendees_cancel_done(),
			ok: true,
			target: form.list
		});
	},

	attendance: async ({ params, url, request, cookies }) => {
		requireUser();
		const { db, occurrence } = await context(params.id, url);
		const form = await readForm(request, attendanceSchema());
		if (!form) return refuse(400, 'attendance', m.attendees_error_not_found());
		if (!hasStarted(occurrence)) return refuse(400, 'attendance', m.attendees_error_not_started());
		const value = form.attended === 'unknown' ? null : form.attended === 'true';
		const result = await markAttendance(db, occurrence.id, form.registration, value);
		if (!result.ok) return refuse(400, 'attendance', m.attendees_error_not_found());
		return land({ params, url, cookies }, occurrence.id, {
			text: m.attendees_attendance_saved(),
			ok: true,
			target: `attendee-${form.registration}`
		});
	}
};
