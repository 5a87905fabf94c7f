// Practices (実践事例) as pages see them (client-safe: components may import
// these). Read through src/lib/server/db/practices.ts; the schema is
// supabase/migrations/20261209000000_practices.sql.
import type { AreaRef, FieldRef, OrgRef } from '$lib/events/types';
import type { OrgKind } from '$lib/orgs/kinds';
import type { EasyVersion } from '$lib/easy-japanese/version';

export type { AreaRef, FieldRef, OrgRef };

export const PRACTICE_STATUSES = ['draft', 'submitted', 'returned', 'published'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/** 対象: who a practice is for (the list's filter; practices.audiences). */
export const AUDIENCES = [
	'children',
	'youth',
	'parents',
	'elderly',
	'disability',
	'caregivers',
	'foreign_residents',
	'everyone'
] as const;
export type Audience = (typeof AUDIENCES)[number];
export const isAudience = (v: unknown): v is Audience =>
	typeof v === 'string' && (AUDIENCES as readonly string[]).includes(v);

/** The story's Markdown sections, in the order the page shows them. */
export const STORY_SECTIONS = [
	'story_origin', // きっかけ
	'story_activities', // 取り組みの内容
	'story_tips', // 工夫・ポイント
	'story_outcomes', // 成果 (the figures go with it)
	'story_challenges', // 課題
	'story_next', // これから
	'story_contact' // 問い合わせ先
] as const;
export type StorySection = (typeof STORY_SECTIONS)[number];

export const MAX_PRACTICE_PHOTOS = 6;
export const MAX_FEATURED_PRACTICES = 6;

/** A stored image with its alt text (imageSources($lib/images/srcset) makes the <img>). */
export interface PracticePhoto {
	hash: string;
	width: number;
	height: number;
	alt: string;
}

/** The lead organization of a practice. */
export interface PracticeOrg extends OrgRef {
	kind: OrgKind;
	logo: { hash: string; width: number; height: number } | null;
}

/** A practice in lists (/practices, the home page's featured set, an organization's list). */
export interface PracticeCard {
	id: string;
	title: string;
	summary: string;
	status: PracticeStatus;
	leadOrganization: PracticeOrg;
	/** the photo at position 1; null when it has none */
	cover: PracticePhoto | null;
	audiences: Audience[];
	areas: AreaRef[];
	fields: FieldRef[];
	/** yyyy-mm-dd */
	startedOn: string;
	/** yyyy-mm-dd; null: still going */
	endedOn: string | null;
	publishedAt: string | null;
	updatedAt: string;
	submittedAt: string | null;
	/** 1–6 on the home page; null when not featured */
	featuredPosition: number | null;
}

/** What a card in the list of /practices shows (PracticeCard.svelte), and all the page's data carries of it. */
export type ListedPractice = Pick<
	PracticeCard,
	'id' | 'title' | 'summary' | 'cover' | 'areas' | 'fields'
> & {
	leadOrganization: { name: string };
};

/** 成果の数字: 参加者 40 人/月 */
export interface PracticeFigure {
	label: string;
	value: number;
	unit: string;
}

/** 連携先: a registered organization (org set) or just a name. */
export interface PracticePartner {
	org: (OrgRef & { kind: OrgKind }) | null;
	name: string;
}

/** A linked event as the practice page lists it (RLS shows only events the viewer may see). */
export interface PracticeEventRef {
	id: string;
	title: string;
	startsAt: string;
	endsAt: string;
	allDay: boolean;
	status: string;
}

/** One practice with everything its page and its edit form show. */
export interface PracticeDetail extends PracticeCard {
	authorId: string | null;
	audienceNote: string | null;
	frequency: string | null;
	venue: string | null;
	cost: string | null;
	funding: string | null;
	/** Markdown, null when empty: render with renderMarkdown() */
	story: Record<StorySection, string | null>;
	figures: PracticeFigure[];
	partners: PracticePartner[];
	/** linked events, earliest first */
	events: PracticeEventRef[];
	/** the directory's places where it happens (/places/<id>), by name */
	places: { id: string; name: string }[];
	/** in order; photos[0] is the cover */
	photos: PracticePhoto[];
	/** the coordinator's comment when returned (shown to the authors) */
	reviewComment: string | null;
	reviewedAt: string | null;
	createdAt: string;
	/** its やさしい日本語 version: a summary and a body that retells the story */
	easy: EasyVersion;
}

/** What save_practice takes (the edit form's result). */
export interface PracticeInput {
	id?: string | null;
	leadOrganizationId: string;
	title: string;
	summary: string;
	audiences: Audience[];
	audienceNote: string;
	frequency: string;
	venue: string;
	cost: string;
	funding: string;
	/** yyyy-mm-dd */
	startedOn: string;
	/** yyyy-mm-dd or '' (still going) */
	endedOn: string;
	story: Record<StorySection, string>;
	/** value as typed: save_practice refuses one that is not a number (figure_not_number) */
	figures: { label: string; value: string | number; unit: string }[];
	partners: ({ organizationId: string } | { name: string })[];
	areaIds: string[];
	fieldIds: string[];
	eventIds: string[];
	placeIds: string[];
	photos: { hash: string; alt: string }[];
}

/** A published practice edited since publication, with what changed (coordinators). */
export interface PracticeChange {
	id: string;
	title: string;
	publishedAt: string;
	updatedAt: string;
	/** field by field: the key (a snapshot key, e.g. 'title', 'story_tips', 'figures'), before and now */
	changes: { key: string; before: string; after: string }[];
}

/**
 * The practice form's values as the pages see them (server/practices/forms.ts
 * checks them; its schema's output is this type). Rows are parallel arrays.
 */
export type PracticeFormValues = {
	leadOrganizationId: string;
	title: string;
	summary: string;
	audiences: Audience[];
	audienceNote: string;
	frequency: string;
	venue: string;
	cost: string;
	funding: string;
	startedOn: string;
	endedOn: string;
	figureLabels: string[];
	figureValues: string[];
	figureUnits: string[];
	partnerOrgIds: string[];
	partnerNames: string[];
	areaIds: string[];
	fieldIds: string[];
	eventIds: string[];
	placeIds: string[];
	photoHashes: string[];
	photoAlts: string[];
	photoOrder: string[];
	photoRemove: string[];
	newPhotoAlt: string;
	/** errors about the new photo's file */
	newPhoto?: string;
} & Record<StorySection, string>;
