// People: public profiles (/people/<id>), the person's own profile settings
// and their invitations to organizations. Always called with requestDb(), so
// RLS decides who sees what.
import type { Db } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/database.types';

type Named = { id: string; slug: string; name_ja: string; name_en: string; sort_order: number };
export type ProfileArea = Named;
export type ProfileField = Named & { color: string };
export type OrganizationRole = Database['public']['Enums']['organization_role'];

export type PublicProfile = {
	id: string;
	displayName: string;
	bio: string;
	listed: boolean;
	areas: ProfileArea[];
	fields: ProfileField[];
	organizations: { name: string; slug: string; role: OrganizationRole }[];
};

const bySortOrder = (a: Named, b: Named) => a.sort_order - b.sort_order || a.name_ja.localeCompare(b.name_ja, 'ja');

/**
 * A profile as others may see it: never email, role, or dates. Null when RLS
 * hides it (unlisted and not one's own, a co-member's, or seen by a coordinator).
 */
export async function findPublicProfile(db: Db, id: string): Promise<PublicProfile | null> {
	const { data, error } = await db
		.from('profiles')
		.select(
			`id, display_name, bio, listed,
			profile_areas(areas(id, slug, name_ja, name_en, sort_order)),
			profile_fields(fields(id, slug, name_ja, name_en, sort_order, color)),
			organization_members(role, organizations(name, slug, hidden_at, sort_key))`
		)
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(error.message);
	if (!data) return null;
	return {
		id: data.id,
		displayName: data.display_name,
		bio: data.bio,
		listed: data.listed,
		areas: data.profile_areas.flatMap((r) => (r.areas ? [r.areas] : [])).sort(bySortOrder),
		fields: data.profile_fields.flatMap((r) => (r.fields ? [r.fields] : [])).sort(bySortOrder),
		// a hidden organization (moderated) is not shown on anyone's profile
		organizations: data.organization_members
			.flatMap((r) => (r.organizations && !r.organizations.hidden_at ? [{ ...r.organizations, role: r.role }] : []))
			.sort((a, b) => (a.sort_key ?? a.name).localeCompare(b.sort_key ?? b.name, 'ja'))
			.map(({ name, slug, role }) => ({ name, slug, role }))
	};
}

export type OwnProfile = { bio: string; listed: boolean; areaIds: string[]; fieldIds: string[] };

/** The signed-in person's own profile settings (RLS: a person always reads their own). */
export async function findOwnProfile(db: Db, userId: string): Promise<OwnProfile> {
	const { data, error } = await db
		.from('profiles')
		.select('bio, listed, profile_areas(area_id), profile_fields(field_id)')
		.eq('id', userId)
		.single();
	if (error) throw new Error(error.message);
	return {
		bio: data.bio,
		listed: data.listed,
		areaIds: data.profile_areas.map((r) => r.area_id),
		fieldIds: data.profile_fields.map((r) => r.field_id)
	};
}

/**
 * Saves bio, listed, areas and fields. Not one transaction (that would need a
 * database function): each step is safe on its own and the whole is idempotent.
 * Links are added before unwanted ones are removed, so a failure half-way
 * leaves a superset of the old and new choices, never an emptied profile, and
 * saving again finishes the job.
 */
export async function saveOwnProfile(
	db: Db,
	userId: string,
	profile: OwnProfile
): Promise<void> {
	const updated = await db
		.from('profiles')
		.update({ bio: profile.bio, listed: profile.listed })
		.eq('id', userId)
		.select('id');
	if (updated.error) throw new Error(updated.error.message);
	if (updated.data.length !== 1) throw new Error('profile not updated');
	await replaceLinks(db, 'profile_areas', 'area_id', userId, profile.areaIds);
	await replaceLinks(db, 'profile_fields', 'field_id', userId, profile.fieldIds);
}

async function replaceLinks(
	db: Db,
	table: 'profile_areas' | 'profile_fields',
	column: 'area_id' | 'field_id',
	userId: string,
	ids: string[]
) {
	if (ids.length > 0) {
		const rows = ids.map((id) => ({ profile_id: userId, [column]: id }));
		// insert ... on conflict do nothing: needs only the insert privilege
		const { error } = await db
			.from(table)
			.upsert(rows as never, { onConflict: `profile_id,${column}`, ignoreDuplicates: true });
		if (error) throw new Error(error.message);
	}
	let remove = db.from(table).delete().eq('profile_id', userId);
	if (ids.length > 0) remove = remove.not(column, 'in', `(${ids.join(',')})`);
	const { error } = await remove;
	if (error) throw new Error(error.message);
}

export type PendingInvitation = {
	id: string;
	role: OrganizationRole;
	expiresAt: string;
	organization: { name: string; slug: string };
};

/** Invitations by email addressed to this person, not yet accepted and not expired. */
export async function listPendingInvitations(db: Db, userId: string): Promise<PendingInvitation[]> {
	const { data, error } = await db
		.from('organization_invitations')
		.select('id, role, expires_at, organizations(name, slug)')
		.eq('invitee_id', userId)
		.is('accepted_at', null)
		.gt('expires_at', new Date().toISOString())
		.order('created_at', { ascending: false });
	if (error) throw new Error(error.message);
	return data.flatMap((r) =>
		r.organizations
			? [{ id: r.id, role: r.role, expiresAt: r.expires_at, organization: r.organizations }]
			: []
	);
}

/** Accepts an invitation; the organization's slug, or null when it is no longer valid. */
export async function acceptInvitation(db: Db, invitationId: string): Promise<string | null> {
	const { data, error } = await db.rpc('accept_organization_invitation', { p_invitation: invitationId });
	if (error) {
		if (error.code === 'P0002') return null;
		throw new Error(error.message);
	}
	return data;
}

/** Declines (deletes) an invitation addressed to this person; false when there was none. */
export async function declineInvitation(db: Db, userId: string, invitationId: string): Promise<boolean> {
	const { data, error } = await db
		.from('organization_invitations')
		.delete()
		.eq('id', invitationId)
		.eq('invitee_id', userId)
		.is('accepted_at', null)
		.select('id');
	if (error) throw new Error(error.message);
	return data.length > 0;
}
