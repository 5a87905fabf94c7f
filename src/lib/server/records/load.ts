// Loading a held date's record pages: the event, the date, and whether the
// viewer manages the event (writes its records). 404 when the event or the
// date is not there for the viewer; RLS decides what the record shows.
import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { findEvent, findEventOccurrence } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { managesEvent } from '$lib/server/events/access';

export async function loadRecordContext(eventId: string, occurrenceId: string) {
	const db = requestDb();
	const { locals } = getRequestEvent();
	const [event, occurrence] = await Promise.all([
		findEvent(db, eventId),
		findEventOccurrence(db, eventId, occurrenceId)
	]);
	if (!event || !occurrence) error(404, 'Not Found');
	const canManage = await managesEvent(db, event, locals.user);
	return { db, event, occurrence, canManage };
}
