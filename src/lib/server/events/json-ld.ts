// schema.org Event for search engines (https://schema.org/Event).
import type { EventDetail, Occurrence } from '$lib/server/db/events';

export function eventJsonLd(
	event: EventDetail,
	occurrence: Occurrence | undefined,
	origin: string
): string {
	const place = event.venue_name
		? { '@type': 'Place', name: event.venue_name, address: event.venue_address ?? undefined }
		: undefined;
	const virtual = event.online_url
		? { '@type': 'VirtualLocation', url: event.online_url }
		: undefined;
	const data = {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: event.title,
		description: event.summary || undefined,
		startDate: occurrence?.starts_at ?? event.starts_at,
		endDate: occurrence?.ends_at ?? event.ends_at,
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
