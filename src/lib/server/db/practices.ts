// Practices (実践事例): the reads pages build on, and writing through the
// workflow functions of supabase/migrations/20261209000000_practices.sql.
// Every call goes through the client it is given, so RLS decides: a published
// practice (and its children) shows to everyone, anon included; a draft,
// submitted or returned one only to owners and editors of its lead
// organization and to coordinators. Nobody writes the tables directly:
// savePractice (save_practice) writes a practice with all its children in one
// transaction, and the workflow functions move it on.
//
// Reads (for /practices, /practices/<id>, the home page, organization pages):
//   listPractices(db, filters, page)     published, newest first, 20 a page (+ total)
//   publicPracticesVersion(db)           a number every change to what those lists show raises
//   getPractice(db, id)                  one practice with its children, or null
//   practicesOfOrganization(db, orgId)   led by an organization (RLS: drafts only for its editors)
//   submittedPractices(db)               the coordinators' queue, oldest first
//   practicesChangedSincePublication(db) coordinators: what changed, field by field
import type { Db } from '$lib/server/db/client';
import { withHeld } from '$lib/server/db/held';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import type { Database } from '$lib/server/db/database.types';
import { isOrgKind, type OrgKind } from '$lib/orgs/kinds';
import {
	isAudience,
	STORY_SECTIONS,
	type Audience,
	type PracticeCard,
	type PracticeChange,
	type PracticeDetail,
	type PracticeEventRef,
	type PracticeInput,
	type PracticePhoto,
	type PracticeStatus,
	type StorySection
} from '$lib/practices/types';

export type {
	PracticeCard,
	PracticeChange,
	PracticeDetail,
	PracticeEventRef,
	PracticeInput,
	PracticePhoto,
	PracticeStatus
};

export const PRACTICE_PAGE_SIZE = 20;
/** a list says 「200件以上」 beyond this (count_practices), as the events list does */
export const PRACTICE_COUNT_CAP = 200;

// The lead organization is named through its foreign key: practices also reach
// organizations through practice_partners.
/**
 * A card is one computed field (migration 20261220300000_practice_card) that
 * builds what the embeds of DETAIL_SELECT's first part give (`CardRow`): six
 * embeds cost PostgREST more CPU than the rows did.
 */
const CARD_SELECT = 'card:practice_card' as const;

const DETAIL_SELECT =
	'id, title, summary, status, audiences, started_on, ended_on, published_at, updated_at, submitted_at, featured_position, author_id, audience_note, frequency, venue, cost, funding, story_origin, story_activities, story_tips, story_outcomes, story_challenges, story_next, story_contact, easy_summary, easy_body, review_comment, reviewed_at, created_at, lead:organizations!practices_lead_organization_id_fkey(id, slug, name, kind, logo:images(hash, width, height)), practice_photos(position, alt, image:images(hash, width, height)), practice_areas(areas(id, slug, name_ja, name_en)), practice_fields(fields(id, slug, name_ja, name_en, color)), practice_figures(position, label, value, unit), practice_partners(position, name, org:organizations(id, slug, name, kind)), practice_events(events(id, title, starts_at, ends_at, all_day, status)), practice_places(place:places(id, name))' as const;

type Status = Database['public']['Enums']['practice_status'];

type CardRow = {
	id: string;
	title: string;
	summary: string;
	status: Status;
	audiences: string[];
	started_on: string;
	ended_on: string | null;
	published_at: string | null;
	updated_at: string;
	submitted_at: string | null;
	featured_position: number | null;
	lead: {
		id: string;
		slug: string;
		name: string;
		kind: string;
		logo: { hash: string; width: number; height: number } | null;
	} | null;
	practice_photos: {
		position: number;
		alt: string;
		image: { hash: string; width: number; height: number } | null;
	}[];
	practice_areas: { areas: PracticeCard['areas'][number] | null }[];
	practice_fields: { fields: PracticeCard['fields'][number] | null }[];
};

const kindOf = (k: string): OrgKind => (isOrgKind(k) ? k : 'other');

const photosOf = (rows: CardRow['practice_photos']): PracticePhoto[] =>
	[...rows]
		.sort((a, b) => a.position - b.position)
		.flatMap((p) => (p.image ? [{ ...p.image, alt: p.alt }] : []));

/** The card of a row read with CARD_SELECT (RLS showed the row: never null). */
const cardOf = (row: { card: unknown }) => toCard(row.card as CardRow);

function toCard(p: CardRow): PracticeCard {
	// the lead organization is always there (not null, and visible with its practice)
	const lead = p.lead ?? { id: '', slug: '', name: '', kind: 'other', logo: null };
	return {
		id: p.id,
		title: p.title,
		summary: p.summary,
		status: p.status,
		leadOrganization: {
			id: lead.id,
			slug: lead.slug,
			name: lead.name,
			kind: kindOf(lead.kind),
			logo: lead.logo
		},
		cover: photosOf(p.practice_photos)[0] ?? null,
		audiences: p.audiences.filter(isAudience),
		areas: p.practice_areas.flatMap((a) => (a.areas ? [a.areas] : [])),
		fields: p.practice_fields.flatMap((f) => (f.fields ? [f.fields] : [])),
		startedOn: p.started_on,
		endedOn: p.ended_on,
		publishedAt: p.published_at,
		updatedAt: p.updated_at,
		submittedAt: p.submitted_at,
		featuredPosition: p.featured_position
	};
}

// ---------------------------------------------------------------------------
// Lists

export interface PracticeFilters {
	/** text in the title, summary or story (Japanese substrings: 食堂 finds 子ども食堂) */
	q?: string;
	areaId?: string;
	fieldId?: string;
	/** the lead organization's kind */
	orgKind?: OrgKind;
	/** 対象 */
	audience?: Audience;
	/** led by this organization, or a registered partner of it */
	organizationId?: string;
	/** only practices with a やさしい日本語 version */
	easy?: boolean;
}

const filterArgs = (f: PracticeFilters) => ({
	p_q: f.q?.trim() || undefined,
	p_area: f.areaId,
	p_field: f.fieldId,
	p_org_kind: f.orgKind,
	p_audience: f.audience,
	p_organization: f.organizationId,
	p_easy: f.easy || undefined
});

async function searchPractices(db: Db, filters: PracticeFilters, limit: number, offset: number) {
	const { data, error } = await db
		.rpc('search_practices', { ...filterArgs(filters), p_limit: limit, p_offset: offset })
		// a function's rows are ordered by what the select names
		.select(`${CARD_SELECT}, published_at, id`)
		.order('published_at', { ascending: false })
		.order('id', { ascending: false });
	if (error) dbFailure(error);
	return data.map(cardOf);
}

/**
 * /practices: published practices, newest publication first, PRACTICE_PAGE_SIZE
 * a page (the database applies the limit through the published index:
 * search_practices); the total is counted up to PRACTICE_COUNT_CAP.
 */
export async function listPractices(
	db: Db,
	filters: PracticeFilters,
	page = 1
): Promise<{ practices: PracticeCard[]; total: number; totalCapped: boolean }> {
	const offset = (Math.max(1, Math.floor(page)) - 1) * PRACTICE_PAGE_SIZE;
	const [practices, counted] = await Promise.all([
		searchPractices(db, filters, PRACTICE_PAGE_SIZE, offset),
		db.rpc('count_practices', { ...filterArgs(filters), p_cap: PRACTICE_COUNT_CAP })
	]);
	if (counted.error) dbFailure(counted.error);
	return {
		practices,
		total: counted.data,
		totalCapped: counted.data >= PRACTICE_COUNT_CAP
	};
}

/**
 * The version of what the public lists of practices show (public_practices_version): every
 * committed change to a practice, its photos, areas, fields or partners, an organization, an
 * area or a field raises it. A visitor's page of /practices is kept under it.
 */
export async function publicPracticesVersion(db: Db): Promise<number> {
	const { data, error } = await db.rpc('public_practices_version');
	if (error) dbFailure(error);
	return data;
}

/** Newly published practices, newest first (the Atom feed, the home page): at most `limit`. */
export async function latestPractices(db: Db, limit = 20): Promise<PracticeCard[]> {
	return searchPractices(db, {}, limit, 0);
}

/**
 * The practices an organization leads, latest change first. RLS decides:
 * its owners, editors and coordinators get every status; others the
 * published ones. `publishedOnly` narrows it for public lists.
 */
export async function practicesOfOrganization(
	db: Db,
	organizationId: string,
	opts: { publishedOnly?: boolean; limit?: number } = {}
): Promise<PracticeCard[]> {
	let query = db.from('practices').select(CARD_SELECT).eq('lead_organization_id', organizationId);
	if (opts.publishedOnly) query = query.eq('status', 'published');
	const { data, error } = await query
		.order('updated_at', { ascending: false })
		.order('id')
		.limit(opts.limit ?? 100);
	if (error) dbFailure(error);
	return data.map(cardOf);
}

/** The coordinators' queue: submitted practices, oldest submission first. */
export async function submittedPractices(db: Db, limit = 100): Promise<PracticeCard[]> {
	const { data, error } = await db
		.from('practices')
		.select(CARD_SELECT)
		.eq('status', 'submitted')
		.order('submitted_at')
		.order('id')
		.limit(limit);
	if (error) dbFailure(error);
	return data.map(cardOf);
}

/** Published practices for the coordinators' featured-set form: the newest first, then the featured ones past them. */
export async function publishedPracticeChoices(
	db: Db,
	limit = 200
): Promise<{ id: string; title: string; organization: string; featuredPosition: number | null }[]> {
	const select =
		'id, title, featured_position, lead:organizations!practices_lead_organization_id_fkey(name)';
	// the featured ones however old: saving replaces the whole set, so one not listed was dropped
	const [latest, featured] = await Promise.all([
		db
			.from('practices')
			.select(select)
			.eq('status', 'published')
			.order('published_at', { ascending: false })
			.order('id')
			.limit(limit),
		db
			.from('practices')
			.select(select)
			.eq('status', 'published')
			.not('featured_position', 'is', null)
	]);
	if (latest.error) dbFailure(latest.error);
	if (featured.error) dbFailure(featured.error);
	return withHeld(latest.data, featured.data).map((p) => ({
		id: p.id,
		title: p.title,
		organization: p.lead?.name ?? '',
		featuredPosition: p.featured_position
	}));
}

// ---------------------------------------------------------------------------
// One practice

/** One practice with its children as the viewer may see it (null: not there, or RLS hides it). */
export async function getPractice(db: Db, id: string): Promise<PracticeDetail | null> {
	const { data: p, error } = await db
		.from('practices')
		.select(DETAIL_SELECT)
		.eq('id', id)
		.maybeSingle();
	if (error) dbFailure(error);
	if (!p) return null;
	const story = {} as Record<StorySection, string | null>;
	for (const key of STORY_SECTIONS) story[key] = p[key];
	const events: PracticeEventRef[] = p.practice_events
		.flatMap((e) => (e.events ? [e.events] : []))
		.map((e) => ({
			id: e.id,
			title: e.title,
			startsAt: e.starts_at,
			endsAt: e.ends_at,
			allDay: e.all_day,
			status: e.status
		}))
		.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
	return {
		...toCard(p),
		authorId: p.author_id,
		audienceNote: p.audience_note,
		frequency: p.frequency,
		venue: p.venue,
		cost: p.cost,
		funding: p.funding,
		story,
		figures: [...p.practice_figures]
			.sort((a, b) => a.position - b.position)
			.map((f) => ({ label: f.label, value: Number(f.value), unit: f.unit })),
		partners: [...p.practice_partners]
			.sort((a, b) => a.position - b.position)
			.map((x) => ({
				org: x.org ? { ...x.org, kind: kindOf(x.org.kind) } : null,
				name: x.org?.name ?? x.name ?? ''
			})),
		events,
		places: p.practice_places
			.flatMap((x) => (x.place ? [x.place] : []))
			.sort((a, b) => a.name.localeCompare(b.name, 'ja')),
		photos: photosOf(p.practice_photos),
		reviewComment: p.review_comment,
		reviewedAt: p.reviewed_at,
		createdAt: p.created_at,
		easy: { summary: p.easy_summary, body: p.easy_body }
	};
}

// ---------------------------------------------------------------------------
// Writing and the workflow

export type SaveRefusal =
	| 'sign_in'
	| 'forbidden'
	| 'not_found'
	| 'no_lead_organization'
	| 'no_start_date'
	| 'ended_before_started'
	| 'bad_length'
	| 'figure_not_number'
	| 'too_many_photos'
	| 'photo_alt_required'
	| 'suspended'
	| 'unverified';

const SAVE_REFUSALS: SaveRefusal[] = [
	'sign_in',
	'forbidden',
	'not_found',
	'no_lead_organization',
	'no_start_date',
	'ended_before_started',
	'bad_length',
	'figure_not_number',
	'too_many_photos',
	'photo_alt_required',
	'suspended',
	'unverified'
];

/** save_practice's argument from the form's values. */
export const practicePayload = (p: PracticeInput) => ({
	id: p.id ?? null,
	lead_organization_id: p.leadOrganizationId,
	title: p.title,
	summary: p.summary,
	audiences: p.audiences,
	audience_note: p.audienceNote,
	frequency: p.frequency,
	venue: p.venue,
	cost: p.cost,
	funding: p.funding,
	started_on: p.startedOn,
	ended_on: p.endedOn || null,
	...p.story,
	figures: p.figures,
	partners: p.partners.map((x) =>
		'organizationId' in x ? { organization_id: x.organizationId } : { name: x.name }
	),
	area_ids: p.areaIds,
	field_ids: p.fieldIds,
	event_ids: p.eventIds,
	place_ids: p.placeIds,
	photos: p.photos.map((ph) => ({ image_hash: ph.hash, alt: ph.alt }))
});

/**
 * Creates (no id: a new draft) or saves a practice with its figures, partners,
 * areas, fields, linked events and photos, in one transaction. The status does
 * not change (a published practice stays published).
 */
export async function savePractice(
	db: Db,
	input: PracticeInput
): Promise<Refusable<{ id: string }, SaveRefusal>> {
	const { data, error } = await db.rpc('save_practice', { p: practicePayload(input) });
	if (error) return refused(error, SAVE_REFUSALS);
	return { ok: true, id: data };
}

type WorkflowRefusal = 'sign_in' | 'forbidden' | 'not_found' | 'wrong_status' | 'suspended';
const WORKFLOW: WorkflowRefusal[] = [
	'sign_in',
	'forbidden',
	'not_found',
	'wrong_status',
	'suspended'
];

/** 提出する: an editor of the lead organization submits a draft or a returned practice. */
export async function submitPractice(
	db: Db,
	id: string
): Promise<Refusable<object, WorkflowRefusal>> {
	const { error } = await db.rpc('submit_practice', { p_id: id });
	if (error) return refused(error, WORKFLOW);
	return { ok: true };
}

/** 公開する (coordinators): publishes a submitted practice and tells its author. */
export async function publishPractice(
	db: Db,
	id: string
): Promise<Refusable<object, WorkflowRefusal>> {
	const { error } = await db.rpc('publish_practice', { p_id: id });
	if (error) return refused(error, WORKFLOW);
	return { ok: true };
}

/** 差し戻す (coordinators): returns a submitted practice with a comment its author is told. */
export async function returnPractice(
	db: Db,
	id: string,
	comment: string
): Promise<Refusable<object, WorkflowRefusal | 'comment_required' | 'bad_length'>> {
	const { error } = await db.rpc('return_practice', { p_id: id, p_comment: comment });
	if (error) return refused(error, [...WORKFLOW, 'comment_required', 'bad_length']);
	return { ok: true };
}

/** The home page's featured set (coordinators): these published practices in this order, at most 6. */
export async function setFeaturedPractices(
	db: Db,
	ids: string[]
): Promise<Refusable<object, WorkflowRefusal | 'too_many_featured' | 'not_published'>> {
	const { error } = await db.rpc('set_featured_practices', { p_ids: ids });
	if (error) return refused(error, [...WORKFLOW, 'too_many_featured', 'not_published']);
	return { ok: true };
}

// ---------------------------------------------------------------------------
// Changed since publication (coordinators)

const shown = (v: unknown): string =>
	v === null || v === undefined
		? ''
		: Array.isArray(v)
			? v.map(shown).join('、')
			: typeof v === 'string'
				? v
				: JSON.stringify(v);

/** The keys of two snapshots whose values differ, with both shown as text. */
export function snapshotChanges(
	before: Record<string, unknown>,
	after: Record<string, unknown>
): PracticeChange['changes'] {
	const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
	return keys.flatMap((key) =>
		JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)
			? []
			: [{ key, before: shown(before[key]), after: shown(after[key]) }]
	);
}

const asRecord = (v: unknown): Record<string, unknown> =>
	v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Published practices edited since publication, latest edit first, with what changed. */
export async function practicesChangedSincePublication(
	db: Db,
	limit = 50
): Promise<PracticeChange[]> {
	const { data, error } = await db.rpc('practices_changed_since_publication', {
		p_limit: limit
	});
	if (error) dbFailure(error);
	return data.map((p) => ({
		id: p.id,
		title: p.title,
		publishedAt: p.published_at,
		updatedAt: p.updated_at,
		changes: snapshotChanges(asRecord(p.published), asRecord(p.current))
	}));
}

// ---------------------------------------------------------------------------
// For the form

/**
 * Events a practice may link: the organization's own (what the viewer may see
 * of them), latest first. save_practice also accepts events it co-hosted.
 */
export async function linkableEvents(
	db: Db,
	organizationId: string,
	limit = 100
): Promise<PracticeEventRef[]> {
	const { data, error } = await db
		.from('events')
		.select('id, title, starts_at, ends_at, all_day, status')
		.eq('organization_id', organizationId)
		.order('starts_at', { ascending: false })
		.order('id')
		.limit(limit);
	if (error) dbFailure(error);
	return data.map((e) => ({
		id: e.id,
		title: e.title,
		startsAt: e.starts_at,
		endsAt: e.ends_at,
		allDay: e.all_day,
		status: e.status
	}));
}

/** How many practices wait for a coordinator (the /coordinate page). */
export async function countSubmittedPractices(db: Db): Promise<number> {
	const { count, error } = await db
		.from('practices')
		.select('id', { count: 'exact', head: true })
		.eq('status', 'submitted');
	if (error) dbFailure(error);
	return count ?? 0;
}
