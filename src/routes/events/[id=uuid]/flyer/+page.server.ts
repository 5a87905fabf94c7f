// A printable A4 flyer (チラシ) for an event, with a QR code and a short
// address (/e/<code>) that a person can type.
import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { exceptions } from '$lib/events/dates';
import { firstLines } from '$lib/events/plain-text';
import { shortPath } from '$lib/events/short-code';
import { localizeHref } from '$lib/paraglide/runtime';
import { findEvent, listEventOccurrences } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import type { PageServerLoad } from './$types';

/** How many of a series' next dates the flyer lists. */
const DATES_SHOWN = 6;
/** The description's first lines, as plain text: enough to say what it is about. */
const DESCRIPTION_LINES = 3;
const DESCRIPTION_CHARS = 160;

export const load: PageServerLoad = async ({ params, url }) => {
	const db = requestDb();
	const event = await findEvent(db, params.id);
	if (!event) error(404, 'Not Found');
	const occurrences = await listEventOccurrences(db, event.id);
	const now = Date.now();
	// the dates to come, a cancelled one too (with why), so that nobody comes in vain
	const upcoming = occurrences.filter((o) => new Date(o.endsAt).getTime() >= now);
	const scheduled = upcoming.filter((o) => o.status === 'scheduled');
	const shortUrl = new URL(localizeHref(shortPath(event.shortCode)), url.origin).href;
	// our own SVG (only the short address goes in: fewer modules, easier to scan from a wall)
	const qrSvg = await QRCode.toString(shortUrl, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 0
	});
	const organizer =
		event.organization?.name ?? (event.organizer?.listed ? event.organizer.displayName : null);
	const shown = upcoming.slice(0, DATES_SHOWN);
	return {
		event: {
			id: event.id,
			title: event.title,
			kind: event.kind,
			summary: event.summary,
			description: firstLines(event.body, DESCRIPTION_LINES, DESCRIPTION_CHARS),
			allDay: event.allDay,
			series: !!event.rrule,
			rrule: event.rrule,
			startsAt: event.startsAt,
			endsAt: event.endsAt,
			status: event.status,
			cancelReason: event.cancelReason,
			venueName: event.venueName,
			venueAddress: event.venueAddress,
			online: !!event.onlineUrl,
			capacity: event.capacity,
			fee: event.fee,
			belongings: event.belongings,
			howToApply: event.howToApply,
			registrationClosesAt: event.registrationClosesAt,
			deadlineNote: event.deadlineNote,
			audienceNote: event.audienceNote,
			accessibility: event.accessibility,
			area: event.area,
			organizer,
			cohosts: event.cohosts.map((c) => c.name),
			contactName: event.contactName,
			contactPhone: event.contactPhone,
			contactEmail: event.contactEmail
		},
		dates: shown.map((o) => ({
			id: o.id,
			startsAt: o.startsAt,
			endsAt: o.endsAt,
			originalStartsAt: o.originalStartsAt,
			status: o.status,
			cancelReason: o.cancelReason
		})),
		changes: exceptions(upcoming),
		moreDates: Math.max(0, scheduled.length - shown.filter((o) => o.status === 'scheduled').length),
		shortUrl,
		qrSvg
	};
};
