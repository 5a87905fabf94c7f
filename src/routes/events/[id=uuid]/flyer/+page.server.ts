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
		(o) => o.status === 'scheduled' && new Date(o.endsAt).getTime() >= now
	);
	const eventUrl = new URL(localizeHref(`/events/${event.id}`), url.origin).href;
	// our own SVG (only the URL goes in), rendered with {@html}
	const qrSvg = await QRCode.toString(eventUrl, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 0
	});
	const organizer =
		event.organization?.name ?? (event.organizer?.listed ? event.organizer.displayName : null);
	return {
		event: {
			id: event.id,
			title: event.title,
			kind: event.kind,
			summary: event.summary,
			allDay: event.allDay,
			series: !!event.rrule,
			startsAt: event.startsAt,
			endsAt: event.endsAt,
			status: event.status,
			cancelReason: event.cancelReason,
			venueName: event.venueName,
			venueAddress: event.venueAddress,
			online: !!event.onlineUrl,
			capacity: event.capacity,
			audienceNote: event.audienceNote,
			accessibility: event.accessibility,
			area: event.area,
			organizer,
			cohosts: event.cohosts.map((c) => c.name),
			contactName: event.contactName,
			contactPhone: event.contactPhone,
			contactEmail: event.contactEmail
		},
		dates: upcoming
			.slice(0, DATES_SHOWN)
			.map((o) => ({ id: o.id, startsAt: o.startsAt, endsAt: o.endsAt })),
		moreDates: Math.max(0, upcoming.length - DATES_SHOWN),
		eventUrl,
		qrSvg
	};
};
