// Invitations into an organization: by the email of an existing account, or a
// one-time link valid for 7 days. Only the SHA-256 of a link token is stored.
import type { Db } from '$lib/server/db/client';
import { newToken, tokenHash } from '$lib/server/tokens';
import type { OrgRole } from '$lib/server/db/orgs';
import { dbFailure } from '$lib/server/db/errors';

export async function createLinkInvitation(db: Db, organizationId: string, role: OrgRole) {
	const token = newToken();
	const { error } = await db
		.from('organization_invitations')
		.insert({ organization_id: organizationId, role, token_hash: tokenHash(token) });
	if (error) dbFailure(error);
	return token;
}

export type InviteByEmailResult = 'invited' | 'no_account' | 'already_member' | 'throttled';
const OUTCOMES: readonly string[] = ['invited', 'no_account', 'already_member'];

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
): Promise<InviteByEmailResult> {
	const { data, error } = await db.rpc('invite_organization_member', {
		p_org: organizationId,
		p_email: email,
		p_role: role
	});
	if (error?.hint === 'throttled') return 'throttled';
	if (error) dbFailure(error);
	if (!OUTCOMES.includes(data)) throw new Error(`unexpected invitation outcome: ${data}`);
	return data as InviteByEmailResult;
}

export interface PendingInvitation {
	id: string;
	role: OrgRole;
	kind: 'email' | 'link';
	inviteeName: string | null;
	expiresAt: string;
}

export async function listPendingInvitations(
	db: Db,
	organizationId: string
): Promise<PendingInvitation[]> {
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

export async function previewInvitation(db: Db, token: string) {
	const { data, error } = await db
		.rpc('organization_invitation_preview', { p_token_hash: tokenHash(token) })
		.maybeSingle();
	if (error) dbFailure(error);
	return data;
}

/** Joins the organization; returns its slug, or null when the link is used up or expired. */
export async function acceptInvitationLink(db: Db, token: string) {
	const { data, error } = await db.rpc('accept_organization_invitation', {
		p_token_hash: tokenHash(token)
	});
	if (error?.hint === 'invalid_invitation') return null;
	if (error) dbFailure(error);
	return data;
}
