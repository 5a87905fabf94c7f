// A member's personal feed: the occurrences they joined (going or waitlisted).
// Calendar apps fetch it without a session; the secret token in the address
// is resolved to its owner, whose registrations are then read under RLS.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { userDb } from '$lib/server/db/client';
import { memberFeedItems } from '$lib/server/db/events';
import { CALENDAR_FILE, calendarTokenOwner } from '$lib/server/events/calendar-token';
import { buildOccurrenceCalendar } from '$lib/server/events/ical';
import { feedContext, icsResponse } from '$lib/server/events/ics-response';
import { keptVevents } from '$lib/server/kept';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, request }) => {
	const match = CALENDAR_FILE.exec(params.file);
	if (!match) error(404, 'Not Found');
	const userId = await calendarTokenOwner(match[1]);
	if (!userId) error(404, 'Not Found');
	const items = await memberFeedItems(userDb(userId), userId);
	const body = buildOccurrenceCalendar(items, feedContext(url, m.ical_my_name()), keptVevents);
	const response = icsResponse(request, body, { cacheControl: 'private, max-age=300' });
	response.headers.set('x-robots-tag', 'noindex');
	return response;
};
