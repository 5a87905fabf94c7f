// The attendee list of one occurrence as CSV, for the event's organisers only.
import { error } from '@sveltejs/kit';
import { listAttendees } from '$lib/server/db/registrations';
import { attendeeCsv, attendeeCsvDisposition } from '$lib/server/events/attendees-csv';
import { loadManagedEventWithOccurrences, pickOccurrence } from '$lib/server/events/attendees';
import { logEvent } from '$lib/server/log';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const { db, event, occurrences } = await loadManagedEventWithOccurrences(params.id);
	const occurrence = pickOccurrence(occurrences, url.searchParams.get('occurrence'));
	if (!occurrence) error(404, 'Not Found');
	const attendees = await listAttendees(db, occurrence.id);
	logEvent('attendees_csv_downloaded', {
		userId: locals.user?.id,
		eventId: event.id,
		occurrenceId: occurrence.id
	});
	return new Response(attendeeCsv(attendees), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attendeeCsvDisposition(event.title, occurrence.startsAt),
			'cache-control': 'private, no-store'
		}
	});
};
