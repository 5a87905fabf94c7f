// People: public profiles (/people/<id>) and the person's own profile settings
// (their invitations are in org-invitations.ts). Always called with
// requestDb(), so RLS decides who sees what.
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';
import type { OrgRole } from '$lib/orgs/kinds';

type Named = { id: string; slug: string; name_ja: string; name_en: string; sort_order: number };
export type ProfileArea = Named;
export type ProfileField = Named & { color: string };

export type PublicProfile = {
	id: string;
	displayName: string;
	bio: string;
	listed: boolean;
	areas: ProfileArea[];
	fields: ProfileField[];
	organizations: { name: string; slug: string; role: OrgRole }[];
};

const bySortOrder = (a: Named, b: Named) =>
	a.sort_order - b.sort_order || a.name_ja.localeCompare(b.name_ja, 'ja');

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
	if (error) dbFailure(error);
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
			.flatMap((r) =>
				r.organizations && !r.organizations.hidden_at ? [{ ...r.organizations, role: r.role }] : []
			)
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
	if (error) dbFailure(error);
	return {
		bio: data.bio,
		listed: data.listed,
		areaIds: data.profile_areas.map((r) => r.area_id),
		fieldIds: data.profile_fields.map((r) => r.field_id)
	};
}

/** Saves bio, listed, areas and fields in one transaction (update_my_profile). */
export async function saveOwnProfile(db: Db, profile: OwnProfile): Promise<void> {
	const { error } = await db.rpc('update_my_profile', {
		p_bio: profile.bio,
		p_listed: profile.listed,
		p_area_ids: profile.areaIds,
		p_field_ids: profile.fieldIds
	});
	if (error) dbFailure(error);
}

/** Renames the person (RLS: a person updates only their own profile). */
export async function setDisplayName(db: Db, userId: string, displayName: string): Promise<void> {
	const { error } = await db
		.from('profiles')
		.update({ display_name: displayName })
		.eq('id', userId);
	if (error) dbFailure(error);
}
