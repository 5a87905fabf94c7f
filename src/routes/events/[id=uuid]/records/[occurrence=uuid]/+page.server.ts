// A held date's record (開催記録): public ones for everybody, every one for
// the event's organisers and coordinators (RLS decides). An organiser who
// opens the record of a held date that has none is taken to its form.
import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { findRecord } from '$lib/server/db/records';
import { takeFlash } from '$lib/server/events/flash';
import { renderMarkdown } from '$lib/server/markdown';
import { isHeld } from '$lib/server/records/held';
import { loadRecordContext } from '$lib/server/records/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, cookies }) => {
	const { db, event, occurrence, canManage } = await loadRecordContext(
		params.id,
		params.occurrence
	);
	const record = await findRecord(db, occurrence.id);
	if (!record) {
		if (canManage && isHeld(event, occurrence))
			redirect(303, localizeHref(`/events/${event.id}/records/${occurrence.id}/edit`));
		error(404, 'Not Found');
	}
	const { minutes, ...shown } = record;
	return {
		flash: takeFlash(cookies, url),
		event: { id: event.id, title: event.title, allDay: event.allDay },
		occurrence: { id: occurrence.id, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt },
		record: shown,
		minutesHtml: renderMarkdown(minutes),
		canManage
	};
};
