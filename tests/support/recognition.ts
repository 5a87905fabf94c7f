// Recognition tests: organizations with an owner, published practices (made
// with the service role, as a coordinator's publication would leave them),
// coordinators, and the ids of seeded areas and fields.
import { randomBytes } from 'node:crypto';
import { createTestUser, serviceClient, userClient } from './db';

export type User = { id: string; email: string };

export const suffix = () => randomBytes(3).toString('hex');

export async function createCoordinator(name = 'コーディ さん'): Promise<User> {
	const user = await createTestUser(name);
	const { error } = await serviceClient()
		.from('profiles')
		.update({ role: 'coordinator' })
		.eq('id', user.id);
	if (error) throw new Error(error.message);
	return user;
}

export async function seedIds(table: 'areas' | 'fields', slugs: string[]) {
	const { data, error } = await serviceClient().from(table).select('id, slug').in('slug', slugs);
	if (error) throw new Error(error.message);
	return new Map(data.map((r) => [r.slug, r.id]));
}

/** An organization created by `owner` (its owner), with areas and fields. */
export async function createOrg(
	owner: User,
	opts: { name?: string; areaIds?: string[]; fieldIds?: string[] } = {}
) {
	const { data, error } = await userClient(owner.id).rpc('create_organization', {
		p_slug: `recog-${suffix()}`,
		p_name: opts.name ?? `表彰テスト団体${suffix()}`,
		p_kana: '',
		p_kind: 'npo',
		p_municipality_wide: false,
		p_description: '',
		p_contact_email: '',
		p_contact_phone: '',
		p_website: '',
		p_area_ids: opts.areaIds ?? [],
		p_field_ids: opts.fieldIds ?? []
	});
	if (error) throw new Error(error.message);
	return data as { id: string; slug: string };
}

/** A practice of `organizationId` (published unless told), with areas and fields. */
export async function createPractice(
	organizationId: string,
	opts: {
		status?: 'draft' | 'published';
		title?: string;
		areaIds?: string[];
		fieldIds?: string[];
	} = {}
) {
	const db = serviceClient();
	const published = (opts.status ?? 'published') === 'published';
	const { data, error } = await db
		.from('practices')
		.insert({
			lead_organization_id: organizationId,
			title: opts.title ?? `実践${suffix()}`,
			summary: '地域の居場所づくりの取り組みです。',
			started_on: '2024-04-01',
			status: published ? 'published' : 'draft',
			published_at: published ? new Date().toISOString() : null
		})
		.select('id')
		.single();
	if (error) throw new Error(error.message);
	if (opts.areaIds?.length) {
		const r = await db
			.from('practice_areas')
			.insert(opts.areaIds.map((area_id) => ({ practice_id: data.id, area_id })));
		if (r.error) throw new Error(r.error.message);
	}
	if (opts.fieldIds?.length) {
		const r = await db
			.from('practice_fields')
			.insert(opts.fieldIds.map((field_id) => ({ practice_id: data.id, field_id })));
		if (r.error) throw new Error(r.error.message);
	}
	return data.id;
}

/** Adds `user` to the organization with a role (service role). */
export async function addMember(organizationId: string, user: User, role: 'editor' | 'member') {
	const { error } = await serviceClient()
		.from('organization_members')
		.insert({ organization_id: organizationId, user_id: user.id, role });
	if (error) throw new Error(error.message);
}

/** Makes a profile public (listed), so that it can be awarded and shown. */
export async function listProfile(user: User) {
	const { error } = await serviceClient()
		.from('profiles')
		.update({ listed: true })
		.eq('id', user.id);
	if (error) throw new Error(error.message);
}

/** The person's notices of a kind. */
export async function noticesOf(user: User, kind: string) {
	const { data, error } = await serviceClient()
		.from('notifications')
		.select('id, kind, award_id, nomination_id, thanks_id, detail, practice_id, organization_id')
		.eq('user_id', user.id)
		.eq('kind', kind);
	if (error) throw new Error(error.message);
	return data;
}
