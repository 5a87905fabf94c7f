// schema.org Event for search engines (https://schema.org/Event).
import type { EventDetail, Occurrence } from '$lib/server/db/events';

export function eventJsonLd(
	event: Pick<
		EventDetail,
		| 'id'
		| 'title'
		| 'summary'
		| 'startsAt'
		| 'endsAt'
		| 'status'
		| 'venueName'
		| 'venueAddress'
		| 'onlineUrl'
		| 'organization'
	>,
	occurrence: Pick<Occurrence, 'startsAt' | 'endsAt' | 'status'> | undefined,
	origin: string
): string {
	const place = event.venueName
		? { '@type': 'Place', name: event.venueName, address: event.venueAddress ?? undefined }
		: undefined;
	const virtual = event.onlineUrl
		? { '@type': 'VirtualLocation', url: event.onlineUrl }
		: undefined;
	const data = {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: event.title,
		description: event.summary || undefined,
		startDate: occurrence?.startsAt ?? event.startsAt,
		endDate: occurrence?.endsAt ?? event.endsAt,
		eventStatus:
			event.status === 'cancelled' || occurrence?.status === 'cancelled'
				? 'https://schema.org/EventCancelled'
				: 'https://schema.org/EventScheduled',
		eventAttendanceMode:
			place && virtual
				? 'https://schema.org/MixedEventAttendanceMode'
				: virtual
					? 'https://schema.org/OnlineEventAttendanceMode'
					: 'https://schema.org/OfflineEventAttendanceMode',
		location: place && virtual ? [place, virtual] : (place ?? virtual),
		organizer: event.organization
			? {
					'@type': 'Organization',
					name: event.organization.name,
					url: `${origin}/orgs/${event.organization.slug}`
				}
			: undefined,
		url: `${origin}/events/${event.id}`
	};
	// `<` escaped so that no text can close the <script> element it goes into
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
