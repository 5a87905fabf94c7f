// Organizations (団体): every call goes through the request's client, so RLS
// decides who sees and changes what. What a person can act on (an address
// already taken, the last owner) comes back as a refusal (db/errors.ts).
import type { Db } from '$lib/server/db/client';
import type { Tables } from '$lib/server/db/database.types';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import { heldIds, withHeld } from '$lib/server/db/held';
import type { OrgKind, OrgRole } from '$lib/orgs/kinds';
import type { Membership, OrgCard, OrgMember, OrgProfile } from '$lib/orgs/types';
import type { PlaceCard } from '$lib/places/types';
import type { AwardItem } from '$lib/recognition/types';
import { toAward, type AwardRow } from '$lib/server/db/awards';
import { toCard as placeCardOf, type CardRow as PlaceCardRow } from '$lib/server/db/places';

export type { OrgCard, OrgKind, OrgMember, OrgProfile, OrgRole };

export const PAGE_SIZE = 20;

/** The first words of a Markdown description, as plain text, for cards. */
export function summarize(markdown: string, max = 120) {
	const text = markdown
		.replace(/[#>*_`~[\]()!-]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > max ? text.slice(0, max) + '…' : text;
}

type Area = OrgCard['areas'][number];
type Field = OrgCard['fields'][number];

/**
 * What `links:organization_links` gives (migration 20261220400000): the logo,
 * and the areas and fields through the link tables, in their order. One
 * computed field, as three embeds cost PostgREST more than the rows did.
 */
interface OrgLinks {
	logo: OrgProfile['logo'];
	organization_areas: { areas: Area | null }[];
	organization_fields: { fields: Field | null }[];
}

const linksOf = (row: { links: unknown }) => row.links as OrgLinks;

/** The areas and fields of `links`, without the gaps RLS may leave. */
function taxonomy(row: { links: unknown }) {
	const links = linksOf(row);
	return {
		areas: links.organization_areas.flatMap((a) => (a.areas ? [a.areas] : [])),
		fields: links.organization_fields.flatMap((f) => (f.fields ? [f.fields] : []))
	};
}

export interface OrgFilters {
	q?: string;
	kind?: OrgKind;
	areaId?: string;
	fieldId?: string;
	/** only the hidden ones (coordinators) */
	hidden?: boolean;
	/** only those not (yet) verified: 確認待ち (coordinators) */
	unverified?: boolean;
}

export async function searchOrganizations(
	db: Db,
	filters: OrgFilters,
	page = 1,
	pageSize = PAGE_SIZE
): Promise<{ organizations: OrgCard[]; total: number }> {
	const from = (page - 1) * pageSize;
	const query = db
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
		.select(
			'id, slug, name, kana, kind, municipality_wide, description, verified_at, links:organization_links'
		);
	const { data, error, count } = await (
		filters.unverified ? query.is('verified_at', null) : query
	).range(from, from + pageSize - 1);
	if (error) dbFailure(error);
	return {
		organizations: data.map((row) => ({
			id: row.id,
			slug: row.slug,
			name: row.name,
			kana: row.kana,
			kind: row.kind,
			municipalityWide: row.municipality_wide,
			summary: summarize(row.description),
			verified: row.verified_at !== null,
			...taxonomy(row)
		})),
		total: count ?? 0
	};
}

const PROFILE_COLUMNS = `id, slug, name, kana, kind, municipality_wide, description, contact_email,
	contact_phone, website, verified_at, hidden_at, hidden_reason, created_at,
	links:organization_links`;

/** The organization at /orgs/<slug>; null when there is none or RLS hides it. */
export async function findOrganization(db: Db, slug: string): Promise<OrgProfile | null> {
	const { data, error } = await db
		.from('organizations')
		.select(PROFILE_COLUMNS)
		.eq('slug', slug)
		.maybeSingle();
	if (error) dbFailure(error);
	return data && toProfile(data);
}

/**
 * The organization at /orgs/<slug> with the members the viewer may see (RLS):
 * anon and members see those who list their profile, and themselves; owners
 * and editors see all of theirs; coordinators see everyone. Owners first,
 * then editors, then members; `memberCount` counts them all. One request.
 */
export async function findOrganizationWithMembers(
	db: Db,
	slug: string
): Promise<{ org: OrgProfile; members: OrgMember[]; memberCount: number } | null> {
	const { data, error } = await db
		.from('organizations')
		.select(
			`${PROFILE_COLUMNS}, member_count,
			organization_members(user_id, role, created_at, profiles(display_name, listed))`
		)
		.eq('slug', slug)
		.order('created_at', { referencedTable: 'organization_members' })
		.maybeSingle();
	if (error) dbFailure(error);
	return data && withMembers(data);
}

/** organization_page, as the SQL function writes it. */
type OrganizationPageJson = ProfileRow & {
	member_count: number | null;
	organization_members: MemberRow[];
	awards: AwardRow[];
	places: (PlaceCardRow & { published: boolean })[];
};

/**
 * The organization's own page in one request (organization_page, JSON built
 * in SQL under the reader's RLS): the organization and its members as
 * findOrganizationWithMembers reads them, its awards, newest first (as
 * awardsFor), and the places it runs, by reading (a hidden one for its keepers),
 * with the version of the public events read in the same statement (what the
 * page's kept list of dates is keyed by: readerAt).
 */
export async function findOrganizationPage(
	db: Db,
	slug: string
): Promise<{
	org: OrgProfile;
	members: OrgMember[];
	memberCount: number;
	awards: AwardItem[];
	places: (PlaceCard & { published: boolean })[];
	eventsVersion: number;
} | null> {
	const { data, error } = await db
		.from('organizations')
		.select('page:organization_page, version:events_version')
		.eq('slug', slug)
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	// a computed field is nullable to the generated types; events_version never is
	if (data.version === null) throw new Error('events_version: no version');
	const json: unknown = data.page;
	const page = json as OrganizationPageJson;
	return {
		...withMembers(page),
		awards: page.awards.map(toAward),
		places: page.places.map((p) => ({ ...placeCardOf(p), published: p.published })),
		eventsVersion: data.version
	};
}

/** The members a reader may see, owners first; `memberCount` counts them all. */
function withMembers(
	data: ProfileRow & { member_count: number | null; organization_members: MemberRow[] }
) {
	const rank: Record<OrgRole, number> = { owner: 0, editor: 1, member: 2 };
	const members = data.organization_members
		.map((row) => ({
			userId: row.user_id,
			role: row.role,
			displayName: row.profiles?.display_name ?? null,
			listed: row.profiles?.listed ?? false
		}))
		.sort((a, b) => rank[a.role] - rank[b.role]);
	return { org: toProfile(data), members, memberCount: data.member_count ?? 0 };
}

type MemberRow = {
	user_id: string;
	role: OrgRole;
	profiles: { display_name: string; listed: boolean } | null;
};

type ProfileRow = Pick<
	Tables<'organizations'>,
	| 'id'
	| 'slug'
	| 'name'
	| 'kana'
	| 'kind'
	| 'municipality_wide'
	| 'description'
	| 'contact_email'
	| 'contact_phone'
	| 'website'
	| 'verified_at'
	| 'hidden_at'
	| 'hidden_reason'
	| 'created_at'
> & { links: unknown };

const toProfile = (data: ProfileRow): OrgProfile => ({
	id: data.id,
	slug: data.slug,
	name: data.name,
	kana: data.kana,
	kind: data.kind,
	municipalityWide: data.municipality_wide,
	description: data.description,
	contactEmail: data.contact_email,
	contactPhone: data.contact_phone,
	website: data.website,
	verifiedAt: data.verified_at,
	hiddenAt: data.hidden_at,
	hiddenReason: data.hidden_reason,
	createdAt: data.created_at,
	logo: linksOf(data).logo,
	...taxonomy(data)
});

/**
 * Changes a member's role (owners only, by RLS). 'last_owner' when that would
 * leave the organization without an owner; 'not_member' when there is no such member.
 */
export async function setMemberRole(
	db: Db,
	organizationId: string,
	userId: string,
	role: OrgRole
): Promise<Refusable<object, 'last_owner' | 'not_member'>> {
	const { data, error } = await db
		.from('organization_members')
		.update({ role })
		.eq('organization_id', organizationId)
		.eq('user_id', userId)
		.select('user_id');
	if (error) return refused(error, ['last_owner']);
	if (data.length === 0) return { ok: false, refusal: 'not_member' };
	return { ok: true };
}

/**
 * Removes a member: owners remove others, anybody removes themselves (leaving).
 * 'last_owner' when the organization would have no owner left; 'not_member'
 * when there was nobody to remove (RLS hides them, or they are gone already).
 */
export async function removeMember(
	db: Db,
	organizationId: string,
	userId: string
): Promise<Refusable<object, 'last_owner' | 'not_member'>> {
	const { data, error } = await db
		.from('organization_members')
		.delete()
		.eq('organization_id', organizationId)
		.eq('user_id', userId)
		.select('user_id');
	if (error) return refused(error, ['last_owner']);
	if (data.length === 0) return { ok: false, refusal: 'not_member' };
	return { ok: true };
}

/** Makes `to` an owner; the calling owner becomes an editor. 'not_member' when `to` is not a member. */
export async function transferOwnership(
	db: Db,
	organizationId: string,
	to: string
): Promise<Refusable<object, 'not_member'>> {
	const { error } = await db.rpc('transfer_organization_ownership', {
		p_org: organizationId,
		p_to: to
	});
	if (error) return refused(error, ['not_member']);
	return { ok: true };
}

export interface OrgInput {
	name: string;
	kana: string;
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

/** Creates the organization (the creator becomes its owner); 'slug_taken' when the address is. */
export async function createOrganization(
	db: Db,
	input: OrgInput & { slug: string }
): Promise<Refusable<{ id: string; slug: string }, 'slug_taken' | 'suspended' | 'unverified'>> {
	const { data, error } = await db.rpc('create_organization', {
		p_slug: input.slug,
		...profileArgs(input)
	});
	if (error) return refused(error, ['slug_taken', 'suspended', 'unverified']);
	return { ok: true, id: data.id, slug: data.slug };
}

/** Saves the profile, areas and fields; 'forbidden' when the viewer may not edit it (RLS). */
export async function updateOrganization(
	db: Db,
	id: string,
	input: OrgInput
): Promise<Refusable<object, 'forbidden'>> {
	const { error } = await db.rpc('update_organization', { p_id: id, ...profileArgs(input) });
	if (error) return refused(error, ['forbidden']);
	return { ok: true };
}

/** Marks the organization as verified by `verifierId`, or not (coordinators, by trigger). */
export async function setVerified(db: Db, id: string, verifierId: string | null) {
	const { error } = await db
		.from('organizations')
		.update({ verified_at: verifierId ? new Date().toISOString() : null, verified_by: verifierId })
		.eq('id', id);
	if (error) dbFailure(error);
}

/** Hides the organization from lists and search, with a reason, or shows it again (coordinators). */
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
export async function listMemberships(db: Db, userId: string): Promise<Membership[]> {
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

export interface PendingOrganization {
	id: string;
	slug: string;
	name: string;
	kind: OrgKind;
	createdAt: string;
}

/**
 * Organizations waiting for verification (確認待ち: not verified, not hidden),
 * oldest first (organizations_unverified_idx).
 */
export async function listUnverifiedOrganizations(
	db: Db,
	limit: number
): Promise<PendingOrganization[]> {
	const { data, error } = await db
		.from('organizations')
		.select('id, slug, name, kind, created_at')
		.is('verified_at', null)
		.is('hidden_at', null)
		.order('created_at')
		.order('id')
		.limit(limit);
	if (error) dbFailure(error);
	return data.map((o) => ({
		id: o.id,
		slug: o.slug,
		name: o.name,
		kind: o.kind,
		createdAt: o.created_at
	}));
}

/** How many organizations a form lists: a city's platform can hold thousands. */
const ORGANIZATION_CHOICES = 1000;

/**
 * Organizations a form may name (an event's organiser and co-hosts, a practice's partners, an
 * award's recipient): those not hidden, by their sort key, at most `limit`, and those of
 * `include` that are not hidden wherever they sort — what the form holds now and what it was
 * sent — so that an organization past the first thousand is neither dropped from what is
 * saved nor refused.
 */
export async function listOrganizationChoices(
	db: Db,
	include: readonly string[] = [],
	limit = ORGANIZATION_CHOICES
): Promise<{ id: string; name: string }[]> {
	const wanted = heldIds(include);
	const [listed, included] = await Promise.all([
		db
			.from('organizations')
			.select('id, name')
			.is('hidden_at', null)
			.order('sort_key')
			.limit(limit),
		wanted.length
			? db.from('organizations').select('id, name').is('hidden_at', null).in('id', wanted)
			: null
	]);
	if (listed.error) dbFailure(listed.error);
	if (included?.error) dbFailure(included.error);
	return withHeld(listed.data, included?.data);
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

/**
 * Sets (or with null removes) an organization's logo. RLS decides who: its
 * owners and editors, and coordinators; false when not theirs.
 */
export async function setOrganizationLogo(
	db: Db,
	organizationId: string,
	hash: string | null
): Promise<boolean> {
	const { data, error } = await db
		.from('organizations')
		.update({ logo_image_hash: hash })
		.eq('id', organizationId)
		.select('id');
	if (error) dbFailure(error);
	return data.length === 1;
}
