// What organization pages and components show, as the db functions
// (src/lib/server/db/orgs.ts, org-invitations.ts) return it. Client-safe:
// components import these, never the server modules.
import type { OrgKind, OrgRole } from '$lib/orgs/kinds';

/** An area or field as the organization pages name it (localName() picks the language). */
export interface TaxonomyName {
	id: string;
	slug: string;
	name_ja: string;
	name_en: string;
}
export type FieldName = TaxonomyName & { color: string };

/** An organization in a list (/orgs, an area's page). */
export interface OrgCard {
	id: string;
	slug: string;
	name: string;
	kana: string | null;
	kind: OrgKind;
	municipalityWide: boolean;
	/** the first words of the description, as plain text */
	summary: string;
	verified: boolean;
	areas: TaxonomyName[];
	fields: FieldName[];
}

/** An organization's own page. */
export interface OrgProfile {
	id: string;
	slug: string;
	name: string;
	kana: string | null;
	kind: OrgKind;
	municipalityWide: boolean;
	/** Markdown */
	description: string;
	contactEmail: string | null;
	contactPhone: string | null;
	website: string | null;
	verifiedAt: string | null;
	hiddenAt: string | null;
	hiddenReason: string | null;
	createdAt: string;
	/** ロゴ (imageSources makes the <img>; its alt text is the organization's name) */
	logo: { hash: string; width: number; height: number } | null;
	areas: TaxonomyName[];
	fields: FieldName[];
}

export interface OrgMember {
	userId: string;
	role: OrgRole;
	/** null when RLS hides the person's profile from the viewer (not listed) */
	displayName: string | null;
	listed: boolean;
}

/** An organization the signed-in person belongs to, and their role there. */
export interface Membership {
	role: OrgRole;
	id: string;
	slug: string;
	name: string;
}

/** An organization's open invitation, as its owners see it (/orgs/<slug>/members). */
export interface OrganizationInvitation {
	id: string;
	role: OrgRole;
	kind: 'email' | 'link';
	/** the invited person, for an invitation by email the owner may see */
	inviteeName: string | null;
	expiresAt: string;
}

/** An invitation by email addressed to the signed-in person (/account). */
export interface MyInvitation {
	id: string;
	role: OrgRole;
	expiresAt: string;
	organization: { name: string; slug: string };
}

/** The longest reason a coordinator may give for hiding an organization (the database checks it too). */
export const HIDE_REASON_MAX = 500;

/**
 * What a form's 「団体名で探す」 found (OrganizationChoices.svelte; server/orgs/search.ts): the
 * form's list of organizations to check, past the first 50 of the city.
 */
export interface OrganizationSearch {
	q: string;
	/** those the posted form names (checked or not), listed as before the search */
	listed: { id: string; name: string }[];
	/** the organizations whose name or reading holds `q`, but those listed */
	found: { id: string; name: string }[];
	/** more matched than are shown */
	more: boolean;
}
