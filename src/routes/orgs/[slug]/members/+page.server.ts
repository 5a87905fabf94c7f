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
	listOrganizationInvitations,
	revokeInvitation
} from '$lib/server/db/org-invitations';
import { removeMember, setMemberRole, transferOwnership } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';
import { refusalMessage } from '$lib/server/forms/refusals';
import { notice, readForm, refuse } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';
import { inviteByEmailSchema, inviteLinkSchema, memberRoleSchema } from '$lib/server/orgs/forms';
import { loadOrganization } from '$lib/server/orgs/load';
import type { Actions, PageServerLoad } from './$types';

/** Owners only; everybody else gets 403 (RLS refuses them too). */
async function asOwner(slug: string) {
	const { user } = requireUser();
	const loaded = await loadOrganization(slug);
	if (!loaded.can.manageMembers) error(403, 'Forbidden');
	return { user, ...loaded };
}

const memberSchema = z.object({ userId: z.uuid() });
const invitationSchema = z.object({ invitationId: z.uuid() });

/** A form from a page that no longer matches (a member or invitation gone meanwhile). */
const stale = <N extends string>(name: N) => refuse(400, name, m.refusal_not_found());

export const load: PageServerLoad = async ({ params }) => {
	const { org, members, user } = await asOwner(params.slug);
	const [invitations, emailForm, linkForm] = await Promise.all([
		listOrganizationInvitations(requestDb(), org.id),
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

export const actions: Actions = {
	inviteEmail: async ({ params, request }) => {
		const { org, user } = await asOwner(params.slug);
		const emailForm = await superValidate(request, zod4(inviteByEmailSchema()), { id: 'email' });
		if (!emailForm.valid) return fail(400, { emailForm });
		const { email, role } = emailForm.data;
		const invited = await inviteByEmail(requestDb(), org.id, email, role);
		if (!invited.ok) {
			const throttled = invited.refusal === 'throttled';
			if (throttled) {
				logEvent('organization_invite_throttled', { userId: user.id, organizationId: org.id });
			}
			return setError(
				emailForm,
				'email',
				refusalMessage(invited.refusal, { throttled: m.org_invite_throttled }),
				{ status: throttled ? 429 : 400 }
			);
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
		const posted = await readForm(request, invitationSchema);
		if (!posted) return stale('revoke');
		await revokeInvitation(requestDb(), org.id, posted.invitationId);
	},

	setRole: async ({ params, request }) => {
		const { org } = await asOwner(params.slug);
		const posted = await readForm(request, memberRoleSchema());
		if (!posted) return stale('setRole');
		const changed = await setMemberRole(requestDb(), org.id, posted.userId, posted.role);
		if (!changed.ok) return refuse(409, 'setRole', refusalMessage(changed.refusal));
		return notice('setRole', m.org_role_changed());
	},

	remove: async ({ params, request }) => {
		const { org } = await asOwner(params.slug);
		const posted = await readForm(request, memberSchema);
		if (!posted) return stale('remove');
		const removed = await removeMember(requestDb(), org.id, posted.userId);
		if (!removed.ok) return refuse(409, 'remove', refusalMessage(removed.refusal));
		return notice('remove', m.org_member_removed());
	},

	transfer: async ({ params, request }) => {
		const { org, user } = await asOwner(params.slug);
		const posted = await readForm(request, memberSchema);
		if (!posted) return stale('transfer');
		const transferred = await transferOwnership(requestDb(), org.id, posted.userId);
		if (!transferred.ok) return refuse(409, 'transfer', refusalMessage(transferred.refusal));
		logEvent('organization_ownership_transferred', {
			userId: user.id,
			organizationId: org.id,
			to: posted.userId
		});
		// no longer an owner: this page is not ours any more
		redirect(303, localizeHref(`/orgs/${org.slug}`));
	}
};
