import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { isLastOwner } from '$lib/permissions';
import { requireCoordinator, requireUser } from '$lib/server/auth/guard';
import { answerCohostRequest, listCohostRequests } from '$lib/server/db/cohosts';
import { eventSeries, readerAt } from '$lib/server/events/kept-lists';
import { isFollowing } from '$lib/server/db/follows';
import { findOrganization, removeMember, setHidden, setVerified } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';
import { takeFlash } from '$lib/server/events/flash';
import { followAction } from '$lib/server/follows/action';
import { refusalMessage } from '$lib/server/forms/refusals';
import { notice, readForm, refuse } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';
import { pageReadings, withReadings } from '$lib/server/furigana/page';
import { renderMarkdown } from '$lib/server/markdown';
import { hideSchema } from '$lib/server/orgs/forms';
import { loadOrganization, loadOrganizationPage } from '$lib/server/orgs/load';
import { latestThreads } from '$lib/server/db/threads';
import { withCitations } from '$lib/server/recognition/awards';
import { loadThanks, thankAction } from '$lib/server/recognition/thanks';
import { canAward, canNominate } from '$lib/permissions';
import { currentSuspension } from '$lib/server/moderation/current';
import type { Actions, PageServerLoad } from './$types';

/** A sole owner who tries to leave is told why not, next to the button. */
const leaveMessages = { last_owner: m.org_last_owner_cannot_leave };

const cohostSchema = z.object({ eventId: z.uuid() });

/** Accepts or declines the co-host request of the posted event for this organization. */
async function answerCohost(slug: string, request: Request, accept: boolean) {
	const { user } = requireUser();
	const { org, can } = await loadOrganization(slug);
	if (!can.answerCohosts) error(403, 'Forbidden');
	const posted = await readForm(request, cohostSchema);
	if (!posted) return refuse(400, 'cohost', m.org_cohost_gone());
	const result = await answerCohostRequest(requestDb(), posted.eventId, org.id, accept);
	if (!result.ok && result.refusal === 'forbidden') error(403, 'Forbidden');
	if (!result.ok) return refuse(404, 'cohost', m.org_cohost_gone());
	logEvent(accept ? 'cohost_accepted' : 'cohost_declined', {
		userId: user.id,
		organizationId: org.id,
		eventId: posted.eventId
	});
	return notice('cohost', accept ? m.org_cohost_accepted() : m.org_cohost_declined());
}

export const load: PageServerLoad = async ({ params, url, cookies, locals }) => {
	// the organization, its members, awards and places, and the version its next dates are
	// kept by: one request
	const { org, members, memberCount, viewer, can, awards, places, eventsVersion } =
		await loadOrganizationPage(params.slug);
	// the answer to a report (/report?organization=) lands here
	const flash = takeFlash(cookies, url);
	const db = requestDb();
	// the suspension in force, read once per request (the layout's banner reads the same)
	const suspended = locals.user ? (await currentSuspension(locals.user.id)) !== null : false;
	const [events, cohostRequests, threads, following, thanks] = await Promise.all([
		eventSeries(
			db,
			readerAt(eventsVersion),
			{ from: new Date(), organizationId: org.id },
			{ offset: 0, limit: 5 }
		),
		can.answerCohosts ? listCohostRequests(db, org.id) : [],
		latestThreads(db, { organizationId: org.id }),
		isFollowing(db, locals.user?.id ?? null, { kind: 'organization', id: org.id }),
		loadThanks(
			db,
			{ organizationId: org.id },
			{ kind: 'organization', organizationId: org.id },
			viewer,
			suspended
		)
	]);
	// ふりがな: the words of what the page shows (one read, only while it is on)
	const readings = await pageReadings(cookies, db, [
		org.id,
		...events.cards.map((c) => c.event.id),
		...threads.map((t) => t.id),
		...places.map((p) => p.id)
	]);
	return {
		threads,
		places,
		readings,
		events: events.cards,
		eventCount: events.total,
		cohostRequests,
		org,
		descriptionHtml: withReadings(renderMarkdown(org.description), readings),
		members,
		memberCount,
		/** the last owner cannot leave (the page says so instead of offering the button) */
		lastOwner: viewer !== null && isLastOwner(members, viewer.id),
		can,
		following,
		flash,
		awards: withCitations(awards),
		thanks,
		canAward: canAward(viewer),
		viewerId: viewer?.id ?? null,
		canNominate: canNominate(viewer, suspended)
	};
};

export const actions: Actions = {
	follow: async (event) => {
		const org = await findOrganization(requestDb(), event.params.slug);
		return followAction(
			event,
			org && { kind: 'organization', id: org.id },
			`/orgs/${event.params.slug}`
		);
	},
	thank: async (event) => {
		const org = await findOrganization(requestDb(), event.params.slug);
		return thankAction(event, org && { organizationId: org.id }, `/orgs/${event.params.slug}`);
	},
	acceptCohost: async ({ params, request }) => answerCohost(params.slug, request, true),
	declineCohost: async ({ params, request }) => answerCohost(params.slug, request, false),
	verify: async ({ params }) => {
		const { user } = requireCoordinator();
		const { org } = await loadOrganization(params.slug);
		await setVerified(requestDb(), org.id, user.id);
		logEvent('organization_verified', { userId: user.id, organizationId: org.id });
	},
	unverify: async ({ params }) => {
		const { user } = requireCoordinator();
		const { org } = await loadOrganization(params.slug);
		await setVerified(requestDb(), org.id, null);
		logEvent('organization_unverified', { userId: user.id, organizationId: org.id });
	},
	hide: async ({ params, request }) => {
		const { user } = requireCoordinator();
		const data = Object.fromEntries(await request.formData());
		const parsed = hideSchema().safeParse(data);
		if (!parsed.success) {
			const reason = typeof data.reason === 'string' ? data.reason : '';
			return refuse(400, 'hide', parsed.error.issues[0].message, { reason });
		}
		const { org } = await loadOrganization(params.slug);
		await setHidden(requestDb(), org.id, { by: user.id, reason: parsed.data.reason });
		logEvent('organization_hidden', { userId: user.id, organizationId: org.id });
	},
	unhide: async ({ params }) => {
		const { user } = requireCoordinator();
		const { org } = await loadOrganization(params.slug);
		await setHidden(requestDb(), org.id, null);
		logEvent('organization_unhidden', { userId: user.id, organizationId: org.id });
	},
	leave: async ({ params }) => {
		const { user } = requireUser();
		const { org, members, can } = await loadOrganization(params.slug);
		// already out: nothing to do
		if (!can.leave) redirect(303, localizeHref(`/orgs/${org.slug}`));
		if (isLastOwner(members, user.id)) {
			return refuse(409, 'leave', refusalMessage('last_owner', leaveMessages));
		}
		const left = await removeMember(requestDb(), org.id, user.id);
		// another owner left at the same moment ('not_member': out already)
		if (!left.ok && left.refusal === 'last_owner') {
			return refuse(409, 'leave', refusalMessage(left.refusal, leaveMessages));
		}
		redirect(303, localizeHref(`/orgs/${org.slug}`));
	}
};
