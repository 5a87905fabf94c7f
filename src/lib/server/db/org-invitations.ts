// Invitations into an organization: by the email of an existing account, or a
// one-time link valid for 7 days (only the SHA-256 of a link token is stored).
// Two sides: an organization's open invitations, which its owners manage, and
// the invitations addressed to the signed-in person, which they answer.
import type { Db } from '$lib/server/db/client';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import type { OrgRole } from '$lib/orgs/kinds';
import type { MyInvitation, OrganizationInvitation } from '$lib/orgs/types';
import { newToken, tokenHash } from '$lib/server/tokens';

export type { MyInvitation, OrganizationInvitation };

// The organization's side (owners, by RLS)

/** A new invitation link; the token is returned once and never stored. */
export async function createLinkInvitation(db: Db, organizationId: string, role: OrgRole) {
	const token = newToken();
	const { error } = await db
		.from('organization_invitations')
		.insert({ organization_id: organizationId, role, token_hash: tokenHash(token) });
	if (error) dbFailure(error);
	return token;
}

export type InviteByEmailRefusal =
	'no_account' | 'already_member' | 'throttled' | 'not_owner' | 'owner_by_transfer';

/**
 * Invites the account with this email. Every call counts towards the inviting
 * member's limit (20 an hour), because its answer tells whether the address
 * has an account; 'throttled' once the limit is reached.
 */
export async function inviteByEmail(
	db: Db,
	organizationId: string,
	email: string,
	role: OrgRole
): Promise<Refusable<object, InviteByEmailRefusal>> {
	const { data, error } = await db.rpc('invite_organization_member', {
		p_org: organizationId,
		p_email: email,
		p_role: role
	});
	if (error) return refused(error, ['throttled', 'not_owner', 'owner_by_transfer']);
	// answered rather than raised, so that the attempt stays counted
	if (data === 'invited') return { ok: true };
	if (data === 'no_account' || data === 'already_member') return { ok: false, refusal: data };
	throw new Error(`unexpected invitation outcome: ${data}`);
}

/** The organization's invitations not yet accepted and not expired, newest first. */
export async function listOrganizationInvitations(
	db: Db,
	organizationId: string
): Promise<OrganizationInvitation[]> {
	const { data, error } = await db
		.from('organization_invitations')
		.select(
			'id, role, invitee_id, expires_at, invitee:profiles!organization_invitations_invitee_id_fkey(display_name)'
		)
		.eq('organization_id', organizationId)
		.is('accepted_at', null)
		.gt('expires_at', new Date().toISOString())
		.order('created_at', { ascending: false });
	if (error) dbFailure(error);
	return data.map((row) => ({
		id: row.id,
		role: row.role,
		kind: row.invitee_id ? 'email' : 'link',
		inviteeName: row.invitee?.display_name ?? null,
		expiresAt: row.expires_at
	}));
}

export async function revokeInvitation(db: Db, organizationId: string, id: string) {
	const { error } = await db
		.from('organization_invitations')
		.delete()
		.eq('organization_id', organizationId)
		.eq('id', id);
	if (error) dbFailure(error);
}

// The invited person's side

export interface InvitationPreview {
	organizationName: string;
	organizationSlug: string;
	role: OrgRole;
	/** false when the link is used up or expired */
	valid: boolean;
}

/** What a link invites to, for the person who opened it; null when there is no such link. */
export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview | null> {
	const { data, error } = await db
		.rpc('organization_invitation_preview', { p_token_hash: tokenHash(token) })
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	return {
		organizationName: data.organization_name,
		organizationSlug: data.organization_slug,
		role: data.role,
		valid: data.valid
	};
}

/** Joins the organization by link; its slug, or 'invalid_invitation' when the link is used up or expired. */
export async function acceptInvitationLink(
	db: Db,
	token: string
): Promise<Refusable<{ slug: string }, 'invalid_invitation'>> {
	const { data, error } = await db.rpc('accept_organization_invitation', {
		p_token_hash: tokenHash(token)
	});
	if (error) return refused(error, ['invalid_invitation']);
	return { ok: true, slug: data };
}

/** Invitations by email addressed to this person, not yet accepted and not expired. */
export async function listMyInvitations(db: Db, userId: string): Promise<MyInvitation[]> {
	const { data, error } = await db
		.from('organization_invitations')
		.select('id, role, expires_at, organizations(name, slug)')
		.eq('invitee_id', userId)
		.is('accepted_at', null)
		.gt('expires_at', new Date().toISOString())
		.order('created_at', { ascending: false });
	if (error) dbFailure(error);
	return data.flatMap((r) =>
		r.organizations
			? [{ id: r.id, role: r.role, expiresAt: r.expires_at, organization: r.organizations }]
			: []
	);
}

/** Accepts an invitation by email; the organization's slug, or 'invalid_invitation'. */
export async function acceptInvitation(
	db: Db,
	invitationId: string
): Promise<Refusable<{ slug: string }, 'invalid_invitation'>> {
	const { data, error } = await db.rpc('accept_organization_invitation', {
		p_invitation: invitationId
	});
	if (error) return refused(error, ['invalid_invitation']);
	return { ok: true, slug: data };
}

/** Declines (deletes) an invitation addressed to this person; 'invalid_invitation' when there was none. */
export async function declineInvitation(
	db: Db,
	userId: string,
	invitationId: string
): Promise<Refusable<object, 'invalid_invitation'>> {
	const { data, error } = await db
		.from('organization_invitations')
		.delete()
		.eq('id', invitationId)
		.eq('invitee_id', userId)
		.is('accepted_at', null)
		.select('id');
	if (error) dbFailure(error);
	if (data.length === 0) return { ok: false, refusal: 'invalid_invitation' };
	return { ok: true };
}
