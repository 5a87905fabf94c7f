import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guard';
import { findEvent, listEventOccurrences, searchOccurrences } from '$lib/server/db/events';
import { cancelRegistration, joinOccurrence, myRegistrations } from '$lib/server/db/registrations';
import { requestDb } from '$lib/server/db/request';
import { managesEvent } from '$lib/server/events/access';
import { eventJsonLd } from '$lib/server/events/json-ld';
import { notice, readForm, refuse } from '$lib/server/forms/small';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import { renderMarkdown } from '$lib/server/markdown';
import type { Actions, PageServerLoad } from './$types';

const UPCOMING_SHOWN = 12;

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = requestDb();
	const event = await findEvent(db, params.id);
	if (!event) error(404, 'Not Found');
	const now = Date.now();
	const [occurrences, canManage] = await Promise.all([
		listEventOccurrences(db, event.id),
		managesEvent(db, event, locals.user)
	]);
	const upcoming = occurrences
		.filter((o) => new Date(o.endsAt).getTime() > now)
		.slice(0, UPCOMING_SHOWN);
	const [registrations, others] = await Promise.all([
		locals.user
			? myRegistrations(
					db,
					locals.user.id,
					upcoming.map((o) => o.id)
				)
			: [],
		event.organizationId
			? searchOccurrences(
					db,
					{ from: new Date(), organizationId: event.organizationId },
					{ from: 0, to: 5 }
				)
			: null
	]);
	const jsonLd = eventJsonLd(event, upcoming[0] ?? occurrences.at(-1), url.origin);
	return {
		event,
		bodyHtml: renderMarkdown(event.body),
		upcoming,
		pastCount: occurrences.filter((o) => new Date(o.endsAt).getTime() <= now).length,
		registrations,
		canManage,
		otherEvents: (others?.occurrences ?? []).filter((o) => o.event.id !== event.id).slice(0, 4),
		// eventJsonLd() escapes "<", so nothing inside can end the script element
		jsonLdScript: `<script type="application/ld+json">${jsonLd}</script>`
	};
};

const joinSchema = z.object({
	occurrenceId: z.uuid(),
	companions: z.coerce.number().int().min(0).max(9).default(0)
});

const leaveSchema = z.object({ registrationId: z.uuid() });

export const actions: Actions = {
	join: async ({ request }) => {
		const { user } = requireUser();
		const form = await readForm(request, joinSchema);
		if (!form) return refuse(400, 'join', m.event_join_bad_companions(), { occurrenceId: null });
		const { occurrenceId, companions } = form;
		const result = await joinOccurrence(requestDb(), occurrenceId, companions);
		if (!result.ok) {
			// an unknown date is not one of the page's: its message goes above the list
			if (result.refusal === 'not_found')
				return refuse(404, 'join', m.event_join_not_found(), { occurrenceId: null });
			return refuse(409, 'join', refusalMessage(result.refusal), { occurrenceId });
		}
		logEvent('event_joined', { userId: user.id, occurrenceId, status: result.status });
		return notice(
			'join',
			result.status === 'going' ? m.event_joined_going() : m.event_joined_waitlisted(),
			{ occurrenceId }
		);
	},

	leave: async ({ request }) => {
		const { user } = requireUser();
		const form = await readForm(request, leaveSchema);
		// an unknown registration, or somebody else's
		const result = form ? await cancelRegistration(requestDb(), form.registrationId) : null;
		if (!form || !result?.ok) return refuse(400, 'leave', m.event_leave_not_found());
		logEvent('event_left', { userId: user.id, registrationId: form.registrationId });
	}
};
