// Follows (関心縁): a member follows areas, fields and organizations and is
// told of new events there (the notice is written by a trigger when an event
// is published). RLS lets a member read, add and remove only their own rows.
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';
import type { FollowedItem, FollowKind, FollowTarget } from '$lib/follows/types';

export type { FollowedItem, FollowKind, FollowTarget };

const column = { area: 'area_id', field: 'field_id', organization: 'organization_id' } as const;

/** Whether the person follows the thing; null when signed out. */
export async function isFollowing(
	db: Db,
	userId: string | null,
	target: FollowTarget
): Promise<boolean | null> {
	if (!userId) return null;
	const { data, error } = await db
		.from('follows')
		.select('id')
		.eq('user_id', userId)
		.eq(column[target.kind], target.id)
		.maybeSingle();
	if (error) dbFailure(error);
	return data !== null;
}

/**
 * Follows or stops following. Following twice, or stopping what one does not
 * follow, changes nothing. False when the thing does not exist.
 */
export async function setFollowing(
	db: Db,
	userId: string,
	target: FollowTarget,
	following: boolean
): Promise<boolean> {
	if (following) {
		const { error } = await db.from('follows').insert({
			user_id: userId,
			area_id: target.kind === 'area' ? target.id : null,
			field_id: target.kind === 'field' ? target.id : null,
			organization_id: target.kind === 'organization' ? target.id : null
		});
		// already followed (the unique constraint): nothing to do
		if (error?.code === '23505') return true;
		// no such area, field or organization
		if (error?.code === '23503') return false;
		if (error) dbFailure(error);
		return true;
	}
	const { error } = await db
		.from('follows')
		.delete()
		.eq('user_id', userId)
		.eq(column[target.kind], target.id);
	if (error) dbFailure(error);
	return true;
}

/** What the person follows: areas and fields in their display order, then organizations by name. */
export async function listFollows(db: Db, userId: string): Promise<FollowedItem[]> {
	const { data, error } = await db
		.from('follows')
		.select(
			`area:areas(id, slug, name_ja, name_en, sort_order, retired_at),
			field:fields(id, slug, name_ja, name_en, sort_order, retired_at),
			organization:organizations(id, slug, name, hidden_at)`
		)
		.eq('user_id', userId)
		.limit(500);
	if (error) dbFailure(error);
	const order: Record<FollowKind, number> = { area: 0, field: 1, organization: 2 };
	return data
		.flatMap((f): (FollowedItem & { sort: number })[] => {
			if (f.area)
				return [
					{ kind: 'area', ...f.area, retired: f.area.retired_at !== null, sort: f.area.sort_order }
				];
			if (f.field)
				return [
					{
						kind: 'field',
						...f.field,
						retired: f.field.retired_at !== null,
						sort: f.field.sort_order
					}
				];
			// an organization RLS hides (hidden by a coordinator) is not listed
			if (f.organization)
				return [
					{
						kind: 'organization',
						id: f.organization.id,
						slug: f.organization.slug,
						name_ja: f.organization.name,
						name_en: f.organization.name,
						retired: f.organization.hidden_at !== null,
						sort: 0
					}
				];
			return [];
		})
		.sort(
			(a, b) =>
				order[a.kind] - order[b.kind] || a.sort - b.sort || a.name_ja.localeCompare(b.name_ja, 'ja')
		)
		.map((item) => ({
			kind: item.kind,
			id: item.id,
			slug: item.slug,
			name_ja: item.name_ja,
			name_en: item.name_en,
			retired: item.retired
		}));
}
