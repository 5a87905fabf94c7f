// Organizations (団体): every call goes through the request's client, so RLS
// decides who sees and changes what.
import type { Db } from '$lib/server/db/client';
import type { Database, Tables } from '$lib/server/db/database.types';
import { dbFailure } from '$lib/server/db/errors';

export type OrgKind = Database['public']['Enums']['organization_kind'];
export type OrgRole = Database['public']['Enums']['organization_role'];

export const PAGE_SIZE = 20;

const CARD_COLUMNS = `id, slug, name, kana, kind, municipality_wide, description, verified_at,
	organization_areas(areas(id, slug, name_ja, name_en)),
	organization_fields(fields(id, slug, name_ja, name_en, color))`;

type Area = Pick<Tables<'areas'>, 'id' | 'slug' | 'name_ja' | 'name_en'>;
type Field = Pick<Tables<'fields'>, 'id' | 'slug' | 'name_ja' | 'name_en' | 'color'>;

export interface OrgCard {
	id: string;
	slug: string;
	name: string;
	kana: string | null;
	kind: OrgKind;
	municipalityWide: boolean;
	summary: string;
	verified: boolean;
	areas: Area[];
	fields: Field[];
}

interface CardRow {
	id: string;
	slug: string;
	name: string;
	kana: string | null;
	kind: OrgKind;
	municipality_wide: boolean;
	description: string;
	verified_at: string | null;
	organization_areas: { areas: Area | null }[];
	organization_fields: { fields: Field | null }[];
}

/** The first words of a Markdown description, as plain text, for cards. */
export function summarize(markdown: string, max = 120) {
	const text = markdown
		.replace(/[#>*_`~[\]()!-]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > max ? text.slice(0, max) + '…' : text;
}

function toCard(row: CardRow): OrgCard {
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		kana: row.kana,
		kind: row.kind,
		municipalityWide: row.municipality_wide,
		summary: summarize(row.description),
		verified: row.verified_at !== null,
		areas: row.organization_areas.flatMap((a) => (a.areas ? [a.areas] : [])),
		fields: row.organization_fields.flatMap((f) => (f.fields ? [f.fields] : []))
	};
}

export interface OrgFilters {
	q?: string;
	kind?: OrgKind;
	areaId?: string;
	fieldId?: string;
	/** only the hidden ones (coordinators) */
	hidden?: boolean;
}

export async function searchOrganizations(
	db: Db,
	filters: OrgFilters,
	page = 1,
	pageSize = PAGE_SIZE
) {
	const from = (page - 1) * pageSize;
	const { data, error, count } = await db
		.rpc(
			'search_organizations',
			{
				p_q: filters.q || undefined,
				p_kind: filters.kind,
				p_area: filters.areaId,
				p_field: filters.fieldId,
				p_hidden: filters.hidden ?? false
			},
			{ count: 'exact' }
		)
		.select(CARD_COLUMNS)
		.range(from, from + pageSize - 1);
	if (error) dbFailure(error);
	return { organizations: (data as unknown as CardRow[]).map(toCard), total: count ?? 0 };
}

const PROFILE_COLUMNS = `id, slug, name, kana, kind, municipality_wide, description, contact_email,
	contact_phone, website, verified_at, hidden_at, hidden_reason, created_at,
	organization_areas(areas(id, slug, name_ja, name_en)),
	organization_fields(fields(id, slug, name_ja, name_en, color))`;

export async function findOrganization(db: Db, slug: string) {
	const { data, error } = await db
		.from('organizations')
		.select(PROFILE_COLUMNS)
		.eq('slug', slug)
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	return {
		...data,
		areas: data.organization_areas.flatMap((a) => (a.areas ? [a.areas] : [])),
		fields: data.organization_fields.flatMap((f) => (f.fields ? [f.fields] : []))
	};
}
export type OrgProfile = NonNullable<Awaited<ReturnType<typeof findOrganization>>>;

export interface OrgMember {
	userId: string;
	role: OrgRole;
	/** null when RLS hides the person's profile from the viewer (not listed) */
	displayName: string | null;
	listed: boolean;
}

/**
 * The members the viewer may see (RLS): anon and members see those who list
 * their profile, and themselves; owners and editors see all of theirs;
 * coordinators see everyone.
 */
export async function listMembers(db: Db, organizationId: string): Promise<OrgMember[]> {
	const { data, error } = await db
		.from('organization_members')
		.select('user_id, role, created_at, profiles(display_name, listed)')
		.eq('organization_id', organizationId)
		.order('created_at');
	if (error) dbFailure(error);
	const rank: Record<OrgRole, number> = { owner: 0, editor: 1, member: 2 };
	return data
		.map((row) => ({
			userId: row.user_id,
			role: row.role,
			displayName: row.profiles?.display_name ?? null,
			listed: row.profiles?.listed ?? false
		}))
		.sort((a, b) => rank[a.role] - rank[b.role]);
}

/** How many members the organization has in all, also those the viewer may not see. */
export async function countMembers(db: Db, organizationId: string): Promise<number> {
	const { data, error } = await db.rpc('organization_member_count', { p_org: organizationId });
	if (error) dbFailure(error);
	return data ?? 0;
}

export interface OrgInput {
	name: string;
	kana: string;
	slug: string;
	kind: OrgKind;
	municipalityWide: boolean;
	areaIds: string[];
	fieldIds: string[];
	description: string;
	contactEmail: string;
	contactPhone: string;
	website: string;
}

const profileArgs = (input: OrgInput) => ({
	p_name: input.name,
	p_kana: input.kana,
	p_kind: input.kind,
	p_municipality_wide: input.municipalityWide,
	p_description: input.description,
	p_contact_email: input.contactEmail,
	p_contact_phone: input.contactPhone,
	p_website: input.website,
	p_area_ids: input.areaIds,
	p_field_ids: input.fieldIds
});

/** Creates the organization (the creator becomes owner); 'slug_taken' on a duplicate address. */
export async function createOrganization(db: Db, input: OrgInput & { slug: string }) {
	const { data, error } = await db.rpc('create_organization', {
		p_slug: input.slug,
		...profileArgs(input)
	});
	if (error?.code === '23505' && error.message.includes('organizations_slug_key'))
		return 'slug_taken' as const;
	if (error) dbFailure(error);
	return data;
}

export async function updateOrganization(db: Db, id: string, input: OrgInput) {
	const { error } = await db.rpc('update_organization', { p_id: id, ...profileArgs(input) });
	if (error) dbFailure(error);
}

export async function setVerified(db: Db, id: string, verifierId: string | null) {
	const { error } = await db
		.from('organizations')
		.update({ verified_at: verifierId ? new Date().toISOString() : null, verified_by: verifierId })
		.eq('id', id);
	if (error) dbFailure(error);
}

export async function setHidden(db: Db, id: string, hide: { by: string; reason: string } | null) {
	const { error } = await db
		.from('organizations')
		.update({
			hidden_at: hide ? new Date().toISOString() : null,
			hidden_by: hide?.by ?? null,
			hidden_reason: hide?.reason ?? null
		})
		.eq('id', id);
	if (error) dbFailure(error);
}

/** The organizations a person belongs to (for profiles and choosers). */
export async function listMemberships(db: Db, userId: string) {
	const { data, error } = await db
		.from('organization_members')
		.select('role, organizations(id, slug, name)')
		.eq('user_id', userId);
	if (error) dbFailure(error);
	return data.flatMap((row) =>
		row.organizations ? [{ role: row.role, ...row.organizations }] : []
	);
}

// Organizations as other features need them (event forms, filters): queries
// added for those go below this line.

/** Organizations an event may name (organiser, co-hosts): those not hidden, by their sort key. */
export async function listOrganizationChoices(db: Db): Promise<{ id: string; name: string }[]> {
	const { data, error } = await db
		.from('organizations')
		.select('id, name')
		.is('hidden_at', null)
		.order('sort_key')
		.limit(1000);
	if (error) dbFailure(error);
	return data;
}

/** An organization named in a filter (?organization=<slug>), or null. */
export async function findOrganizationRef(
	db: Db,
	slug: string
): Promise<{ id: string; slug: string; name: string } | null> {
	const { data, error } = await db
		.from('organizations')
		.select('id, slug, name')
		.eq('slug', slug)
		.maybeSingle();
	if (error) dbFailure(error);
	return data;
}
