import { error, redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireCoordinator, requireUser } from '$lib/server/auth/guard';
import { answerCohostRequest, listCohostRequests } from '$lib/server/db/cohosts';
import { searchOccurrences } from '$lib/server/db/events';
import { setHidden, setVerified } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';
import { logEvent } from '$lib/server/log';
import { renderMarkdown } from '$lib/server/markdown';
import { loadOrganization } from '$lib/server/orgs/load';
import { hideSchema } from '$lib/server/orgs/forms';
import type { Actions, PageServerLoad } from './$types';
import { dbFailure } from '$lib/server/db/errors';

/** Owners and editors answer co-host requests (共催の依頼) for their organization. */
const answersCohosts = (role: string | null) => role === 'owner' || role === 'editor';

/** Accepts or declines the co-host request of the posted event for this organization. */
async function answerCohost(slug: string, request: Request, accept: boolean) {
	const { user } = requireUser();
	const { org } = await loadOrganization(slug);
	const eventId = z.uuid().safeParse((await request.formData()).get('eventId'));
	if (!eventId.success) return fail(400, { cohostError: m.org_cohost_gone() });
	const result = await answerCohostRequest(requestDb(), eventId.data, org.id, accept);
	if (!result.ok && result.refusal === 'forbidden') error(403, 'Forbidden');
	if (!result.ok) return fail(404, { cohostError: m.org_cohost_gone() });
	logEvent(accept ? 'cohost_accepted' : 'cohost_declined', {
		userId: user.id,
		organizationId: org.id,
		eventId: eventId.data
	});
	return { cohostMessage: accept ? m.org_cohost_accepted() : m.org_cohost_declined() };
}

export const load: PageServerLoad = async ({ params }) => {
	const { org, members, memberCount, myRole, can } = await loadOrganization(params.slug);
	const db = requestDb();
	const [events, cohostRequests] = await Promise.all([
		searchOccurrences(db, { from: new Date(), organizationId: org.id }, { from: 0, to: 4 }),
		answersCohosts(myRole) ? listCohostRequests(db, org.id) : []
	]);
	return {
		events: events.occurrences,
		eventCount: events.total,
		cohostRequests,
		org,
		descriptionHtml: renderMarkdown(org.description),
		members,
		memberCount,
		myRole,
		can,
		hideForm: await superValidate(zod4(hideSchema()), { id: 'hide' })
	};
};

export const actions: Actions = {
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
		const hideForm = await superValidate(request, zod4(hideSchema()), { id: 'hide' });
		if (!hideForm.valid) return fail(400, { hideForm });
		const { org } = await loadOrganization(params.slug);
		await setHidden(requestDb(), org.id, { by: user.id, reason: hideForm.data.reason });
		logEvent('organization_hidden', { userId: user.id, organizationId: org.id });
		return { hideForm };
	},
	unhide: async ({ params }) => {
		const { user } = requireCoordinator();
		const { org } = await loadOrganization(params.slug);
		await setHidden(requestDb(), org.id, null);
		logEvent('organization_unhidden', { userId: user.id, organizationId: org.id });
	},
	leave: async ({ params }) => {
		const { user } = requireUser();
		const { org, members } = await loadOrganization(params.slug);
		const owners = members.filter((mb) => mb.role === 'owner');
		if (owners.length === 1 && owners[0].userId === user.id) error(400, 'Last owner');
		const { error: dbError } = await requestDb()
			.from('organization_members')
			.delete()
			.eq('organization_id', org.id)
			.eq('user_id', user.id);
		if (dbError) dbFailure(dbError);
		redirect(303, localizeHref(`/orgs/${params.slug}`));
	}
};
