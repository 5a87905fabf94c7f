import { error, redirect } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import {
	createLinkInvitation,
	inviteByEmail,
	listPendingInvitations,
	revokeInvitation
} from '$lib/server/db/org-invitations';
import { requestDb } from '$lib/server/db/request';
import { logEvent } from '$lib/server/log';
import { inviteByEmailSchema, inviteLinkSchema, memberRoleSchema } from '$lib/server/orgs/forms';
import { loadOrganization } from '$lib/server/orgs/load';
import type { Actions, PageServerLoad } from './$types';
import { dbFailure } from '$lib/server/db/errors';

/** Owners only; everybody else gets 403 (RLS refuses them too). */
async function asOwner(slug: string) {
	const { user } = requireUser();
	const loaded = await loadOrganization(slug);
	if (!loaded.can.manageMembers) error(403, 'Forbidden');
	return { user, ...loaded };
}

export const load: PageServerLoad = async ({ params }) => {
	const { org, members, user } = await asOwner(params.slug);
	const [invitations, emailForm, linkForm] = await Promise.all([
		listPendingInvitations(requestDb(), org.id),
		superValidate(zod4(inviteByEmailSchema()), { id: 'email' }),
		superValidate(zod4(inviteLinkSchema()), { id: 'link' })
	]);
	return {
		org: { id: org.id, name: org.name, slug: org.slug },
		members,
		me: user.id,
		invitations,
		emailForm,
		linkForm
	};
};

const LAST_OWNER = 'last_owner';
const isLastOwnerError = (e: { hint?: string } | null) => e?.hint === LAST_OWNER;

export const actions: Actions = {
	inviteEmail: async ({ params, request }) => {
		const { org, user } = await asOwner(params.slug);
		const emailForm = await superValidate(request, zod4(inviteByEmailSchema()), { id: 'email' });
		if (!emailForm.valid) return fail(400, { emailForm });
		const result = await inviteByEmail(
			requestDb(),
			org.id,
			emailForm.data.email,
			emailForm.data.role
		);
		if (result === 'no_account') return setError(emailForm, 'email', m.org_invite_no_account());
		if (result === 'already_member')
			return setError(emailForm, 'email', m.org_invite_already_member());
		if (result === 'throttled') {
			logEvent('organization_invite_throttled', { userId: user.id, organizationId: org.id });
			return setError(emailForm, 'email', m.org_invite_throttled(), { status: 429 });
		}
		logEvent('organization_invited', { userId: user.id, organizationId: org.id, by: 'email' });
		emailForm.data.email = '';
		return message(emailForm, m.org_invite_sent());
	},

	inviteLink: async ({ params, request, url }) => {
		const { org, user } = await asOwner(params.slug);
		const linkForm = await superValidate(request, zod4(inviteLinkSchema()), { id: 'link' });
		if (!linkForm.valid) return fail(400, { linkForm });
		const token = await createLinkInvitation(requestDb(), org.id, linkForm.data.role);
		logEvent('organization_invited', { userId: user.id, organizationId: org.id, by: 'link' });
		// shown once: only the token's hash is stored
		return { linkForm, inviteLink: new URL(`/orgs/join/${token}`, url.origin).href };
	},

	revoke: async ({ params, request }) => {
		const { org } = await asOwner(params.slug);
		const id = z.uuid().safeParse((await request.formData()).get('invitationId'));
		if (!id.success) return fail(400, {});
		await revokeInvitation(requestDb(), org.id, id.data);
	},

	setRole: async ({ params, request }) => {
		const { org } = await asOwner(params.slug);
		const parsed = memberRoleSchema().safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, {});
		const { error: dbError } = await requestDb()
			.from('organization_members')
			.update({ role: parsed.data.role })
			.eq('organization_id', org.id)
			.eq('user_id', parsed.data.userId);
		if (isLastOwnerError(dbError)) return fail(400, { memberError: m.org_error_last_owner() });
		if (dbError) dbFailure(dbError);
		return { memberMessage: m.org_role_changed() };
	},

	remove: async ({ params, request }) => {
		const { org } = await asOwner(params.slug);
		const id = z.uuid().safeParse((await request.formData()).get('userId'));
		if (!id.success) return fail(400, {});
		const { error: dbError } = await requestDb()
			.from('organization_members')
			.delete()
			.eq('organization_id', org.id)
			.eq('user_id', id.data);
		if (isLastOwnerError(dbError)) return fail(400, { memberError: m.org_error_last_owner() });
		if (dbError) dbFailure(dbError);
		return { memberMessage: m.org_member_removed() };
	},

	transfer: async ({ params, request }) => {
		const { org, user } = await asOwner(params.slug);
		const id = z.uuid().safeParse((await request.formData()).get('userId'));
		if (!id.success) return fail(400, {});
		const { error: dbError } = await requestDb().rpc('transfer_organization_ownership', {
			p_org: org.id,
			p_to: id.data
		});
		if (dbError) dbFailure(dbError);
		logEvent('organization_ownership_transferred', {
			userId: user.id,
			organizationId: org.id,
			to: id.data
		});
		// no longer an owner: this page is not ours any more
		redirect(303, localizeHref(`/orgs/${org.slug}`));
	}
};
