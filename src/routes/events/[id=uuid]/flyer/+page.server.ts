// A printable A4 flyer (チラシ) for an event, with a QR code to its page.
import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { localizeHref } from '$lib/paraglide/runtime';
import { findEvent, listEventOccurrences } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import type { PageServerLoad } from './$types';

/** How many of a series' next dates the flyer lists. */
const DATES_SHOWN = 6;

export const load: PageServerLoad = async ({ params, url }) => {
	const db = requestDb();
	const event = await findEvent(db, params.id);
	if (!event) error(404, 'Not Found');
	const occurrences = await listEventOccurrences(db, event.id);
	const now = Date.now();
	const upcoming = occurrences.filter(
		(o) => o.status === 'scheduled' && new Date(o.ends_at).getTime() >= now
	);
	const eventUrl = new URL(localizeHref(`/events/${event.id}`), url.origin).href;
	// our own SVG (only the URL goes in), rendered with {@html}
	const qrSvg = await QRCode.toString(eventUrl, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 0
	});
	const organizer =
		event.organization?.name ?? (event.organizer?.listed ? event.organizer.display_name : null);
	return {
		event: {
			id: event.id,
			title: event.title,
			kind: event.kind,
			summary: event.summary,
			allDay: event.all_day,
			series: !!event.rrule,
			startsAt: event.starts_at,
			endsAt: event.ends_at,
			status: event.status,
			cancelReason: event.cancel_reason,
			venueName: event.venue_name,
			venueAddress: event.venue_address,
			online: !!event.online_url,
			capacity: event.capacity,
			audienceNote: event.audience_note,
			accessibility: event.accessibility,
			area: event.area,
			organizer,
			cohosts: event.cohosts.map((c) => c.name),
			contactName: event.contact_name,
			contactPhone: event.contact_phone,
			contactEmail: event.contact_email
		},
		dates: upcoming
			.slice(0, DATES_SHOWN)
			.map((o) => ({ id: o.id, startsAt: o.starts_at, endsAt: o.ends_at })),
		moreDates: Math.max(0, upcoming.length - DATES_SHOWN),
		eventUrl,
		qrSvg
	};
};
