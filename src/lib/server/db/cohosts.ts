// Co-hosting requests (共催の依頼). An organization named as co-host of an
// event is shown as such, lists the event and manages it only after one of its
// owners or editors accepts. RLS shows a pending request only to the event's
// organisers and the invited organization's owners and editors; answering goes
// through accept_/decline_cohost_invitation, which check the role themselves.
import type { EventStatus } from '$lib/events/types';
import type { Db } from '$lib/server/db/client';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';

export interface CohostRequest {
	eventId: string;
	title: string;
	status: EventStatus;
	startsAt: string;
	endsAt: string;
	allDay: boolean;
	/** the organizing organization, if any */
	organization: { slug: string; name: string } | null;
	invitedAt: string;
}

const REQUESTS_SHOWN = 50;

/** The organization's pending co-host requests, newest first (empty for people who may not see them). */
export async function listCohostRequests(db: Db, organizationId: string): Promise<CohostRequest[]> {
	const { data, error } = await db
		.from('event_cohosts')
		.select(
			'event_id, invited_at, event:events(title, status, starts_at, ends_at, all_day, organization:organizations!events_organization_id_fkey(slug, name))'
		)
		.eq('organization_id', organizationId)
		.is('accepted_at', null)
		.order('invited_at', { ascending: false })
		.limit(REQUESTS_SHOWN);
	if (error) dbFailure(error);
	return data.flatMap((row): CohostRequest[] =>
		row.event
			? [
					{
						eventId: row.event_id,
						title: row.event.title,
						status: row.event.status,
						startsAt: row.event.starts_at,
						endsAt: row.event.ends_at,
						allDay: row.event.all_day,
						organization: row.event.organization,
						invitedAt: row.invited_at
					}
				]
			: []
	);
}

/**
 * Accepts or declines (withdraws, when already accepted) a co-host request for
 * the organization: 'not_found' when there is no such request, 'forbidden'
 * for anybody but the organization's owners and editors.
 */
export async function answerCohostRequest(
	db: Db,
	eventId: string,
	organizationId: string,
	accept: boolean
): Promise<Refusable<object, 'not_found' | 'forbidden'>> {
	const args = { p_event: eventId, p_organization: organizationId };
	const { error } = accept
		? await db.rpc('accept_cohost_invitation', args)
		: await db.rpc('decline_cohost_invitation', args);
	if (error) return refused(error, ['not_found', 'forbidden']);
	return { ok: true };
}
