import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import {
	findEvent,
	listEventOccurrences,
	myRegistrations,
	searchOccurrences
} from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { requireUser } from '$lib/server/auth/guard';
import { canManageEvent } from '$lib/server/events/access';
import { eventJsonLd } from '$lib/server/events/json-ld';
import { logEvent } from '$lib/server/log';
import { renderMarkdown } from '$lib/server/markdown';
import type { Actions, PageServerLoad } from './$types';
import { dbFailure } from '$lib/server/db/errors';

const UPCOMING_SHOWN = 12;

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = requestDb();
	const event = await findEvent(db, params.id);
	if (!event) error(404, 'Not Found');
	const now = Date.now();
	const [occurrences, manage] = await Promise.all([
		listEventOccurrences(db, event.id),
		canManageEvent(db, event, locals.user)
	]);
	const upcoming = occurrences
		.filter((o) => new Date(o.ends_at).getTime() > now)
		.slice(0, UPCOMING_SHOWN);
	const [registrations, others] = await Promise.all([
		locals.user
			? myRegistrations(
					db,
					locals.user.id,
					upcoming.map((o) => o.id)
				)
			: [],
		event.organization_id
			? searchOccurrences(
					db,
					{ from: new Date(), organizationId: event.organization_id },
					{ from: 0, to: 5 }
				)
			: null
	]);
	return {
		event,
		bodyHtml: renderMarkdown(event.body),
		upcoming,
		pastCount: occurrences.filter((o) => new Date(o.ends_at).getTime() <= now).length,
		registrations,
		canManage: manage,
		otherEvents: (others?.occurrences ?? []).filter((o) => o.event.id !== event.id).slice(0, 4),
		jsonLd: eventJsonLd(event, upcoming[0] ?? occurrences.at(-1), url.origin)
	};
};

const joinSchema = z.object({
	occurrenceId: z.uuid(),
	companions: z.coerce.number().int().min(0).max(9).default(0)
});

const JOIN_ERRORS: Record<string, () => string> = {
	full: m.event_join_full,
	too_many: m.event_join_too_many,
	closed: m.event_join_closed,
	not_open: m.event_join_not_open,
	bad_companions: m.event_join_bad_companions
};

export const actions: Actions = {
	join: async ({ request }) => {
		const { user } = requireUser();
		const parsed = joinSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { joinError: m.event_join_bad_companions() });
		const { occurrenceId, companions } = parsed.data;
		const { data, error: dbError } = await requestDb().rpc('join_occurrence', {
			p_occurrence: occurrenceId,
			p_companions: companions
		});
		if (dbError?.hint === 'not_found') return fail(404, { actionError: m.event_join_not_found() });
		const known = dbError?.hint ? JOIN_ERRORS[dbError.hint] : undefined;
		if (known) return fail(409, { joinError: known(), occurrenceId });
		if (dbError) dbFailure(dbError);
		const status = (data as unknown as { status: string }).status;
		logEvent('event_joined', { userId: user.id, occurrenceId, status });
		return { joined: status, occurrenceId };
	},

	leave: async ({ request }) => {
		const { user } = requireUser();
		const id = z.uuid().safeParse((await request.formData()).get('registrationId'));
		if (!id.success) return fail(400, { actionError: m.event_leave_not_found() });
		const { error: dbError } = await requestDb().rpc('cancel_registration', {
			p_registration: id.data
		});
		// an unknown registration, or somebody else's
		if (dbError?.hint === 'not_found' || dbError?.code === '42501') {
			return fail(400, { actionError: m.event_leave_not_found() });
		}
		if (dbError) dbFailure(dbError);
		logEvent('event_left', { userId: user.id, registrationId: id.data });
		return { left: true };
	}
};
