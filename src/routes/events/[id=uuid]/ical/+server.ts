// One event as an .ics file: a series is one VEVENT with its RRULE, EXDATE for
// cancelled occurrences and RECURRENCE-ID overrides for moved ones; a reminder
// the day before at 18:00 unless the person asked for none (?reminder=0,
// 「通知なしで追加」). RLS decides who sees drafts: for everybody else they do
// not exist (404).
import { error } from '@sveltejs/kit';
import { requestDb } from '$lib/server/db/request';
import { eventFeed } from '$lib/server/db/events';
import { buildEventCalendar } from '$lib/server/events/ical';
import { feedContext, icsResponse } from '$lib/server/events/ics-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, request }) => {
	const feed = await eventFeed(requestDb(), params.id);
	if (!feed) error(404, 'Not Found');
	const reminder = url.searchParams.get('reminder') !== '0';
	const body = buildEventCalendar(
		feed.event,
		feed.occurrences,
		feedContext(url, feed.event.title),
		{
			reminder
		}
	);
	return icsResponse(request, body, {
		// a draft is seen by its organisers only: never store it in a shared cache
		cacheControl: feed.event.status === 'draft' ? 'private, no-store' : 'public, max-age=300',
		filename: feed.event.title
	});
};
