// The event's card for shared links (og:image): 1200×630 PNG with the title,
// the next date and the place. Cached by browsers and shared caches for an
// hour, with an ETag made of what the card shows (the event's last change and
// its next date), so that a new date or title gives a new picture. RLS
// decides who sees drafts: for anybody but their organisers they are 404, and
// a draft's card is never stored by a shared cache.
import { createHash } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { nextScheduled } from '$lib/events/dates';
import type { EventKind } from '$lib/events/kinds';
import { formatEventTime } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { findEvent, listEventOccurrences } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { renderEventCard } from '$lib/server/events/og-image';
import { logEvent } from '$lib/server/log';
import type { RequestHandler } from './$types';

/** Bumped when the card's design changes, so that caches let go of the old one. */
const DESIGN = 1;
const ja = { locale: 'ja' } as const;
const KIND: Record<EventKind, () => string> = {
	forum: () => m.event_kind_forum({}, ja),
	salon: () => m.event_kind_salon({}, ja),
	workshop: () => m.event_kind_workshop({}, ja),
	meeting: () => m.event_kind_meeting({}, ja),
	volunteer: () => m.event_kind_volunteer({}, ja),
	other: () => m.event_kind_other({}, ja)
};

export const GET: RequestHandler = async ({ params, request }) => {
	const db = requestDb();
	const event = await findEvent(db, params.id);
	if (!event) error(404, 'Not Found');
	const occurrences = await listEventOccurrences(db, event.id);
	const cancelled = event.status === 'cancelled';
	const next = cancelled ? undefined : nextScheduled(occurrences);
	const last = occurrences.at(-1);

	const etag = `"${createHash('sha256')
		.update(`${DESIGN}|${event.updatedAt}|${event.status}|${next?.startsAt}|${next?.endsAt}`)
		.digest('base64url')
		.slice(0, 27)}"`;
	const headers = {
		etag,
		// a draft is seen by its organisers only: never in a shared cache
		'cache-control': event.status === 'draft' ? 'private, no-store' : 'public, max-age=3600'
	};
	const known = request.headers.get('if-none-match');
	if (known?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
		return new Response(null, { status: 304, headers });

	const when = next
		? formatEventTime(next.startsAt, next.endsAt, event.allDay, 'ja')
		: last
			? formatEventTime(last.startsAt, last.endsAt, event.allDay, 'ja')
			: null;
	const started = performance.now();
	const png = await renderEventCard({
		kind: KIND[event.kind](),
		title: event.title,
		when,
		place: event.venueName ?? (event.onlineUrl ? m.event_online({}, ja) : null),
		organizer:
			event.organization?.name ?? (event.organizer?.listed ? event.organizer.displayName : null),
		cancelled,
		site: m.site_name({}, ja)
	});
	logEvent('og_image_rendered', {
		eventId: event.id,
		ms: Math.round(performance.now() - started)
	});
	return new Response(new Uint8Array(png), {
		headers: { ...headers, 'content-type': 'image/png' }
	});
};
