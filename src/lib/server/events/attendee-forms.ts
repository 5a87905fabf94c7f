// Form schemas of the attendee list, built per request for the request's language.
import { z } from 'zod';
import { optionalPhone } from '$lib/server/forms/fields';
import { m } from '$lib/paraglide/messages';

/** Someone who applied by phone or on paper. */
export const guestSchema = () =>
	z.object({
		name: z
			.string()
			.trim()
			.min(1, m.attendees_error_name_required())
			.max(100, m.attendees_error_name_too_long()),
		phone: optionalPhone(m.attendees_error_phone_invalid()),
		note: z.string().trim().max(300, m.attendees_error_note_too_long()),
		companions: z
			.number()
			.int()
			.min(0, m.attendees_error_companions())
			.max(9, m.attendees_error_companions())
			.default(0)
	});

export const registrationIdSchema = () =>
	z.object({
		registration: z.uuid(),
		// the list the person was on, where the organiser lands afterwards
		list: z.enum(['going', 'waiting']).default('going')
	});

export const attendanceSchema = () =>
	z.object({
		registration: z.uuid(),
		attended: z.enum(['true', 'false', 'unknown'])
	});
