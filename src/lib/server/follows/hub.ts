// What a field's and an area's hub page show besides the field or area
// itself: a few coming events and organizations (with how many there are in
// all), the latest topics and whether the member follows it.
import type { Db } from '$lib/server/db/client';
import { isFollowing } from '$lib/server/db/follows';
import { searchOrganizations } from '$lib/server/db/orgs';
import { eventSeries, readerOf } from '$lib/server/events/kept-lists';
import { latestThreads } from '$lib/server/db/threads';

const PREVIEW = 6;

export async function hubPreview(
	db: Db,
	userId: string | null,
	hub: { kind: 'field'; id: string } | { kind: 'area'; id: string }
) {
	const scope = hub.kind === 'field' ? { fieldId: hub.id } : { areaId: hub.id };
	const [{ organizations, total }, events, threads, following] = await Promise.all([
		searchOrganizations(db, scope, 1, PREVIEW),
		readerOf(db).then((reader) =>
			eventSeries(db, reader, { from: new Date(), ...scope }, { offset: 0, limit: PREVIEW })
		),
		latestThreads(db, scope),
		isFollowing(db, userId, hub)
	]);
	return {
		organizations,
		totalOrganizations: total,
		events: events.cards,
		totalEvents: events.total,
		threads,
		following
	};
}
