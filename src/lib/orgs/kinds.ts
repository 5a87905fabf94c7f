import { m } from '$lib/paraglide/messages';

export const ORG_KINDS = [
	'resident_group',
	'npo',
	'social_welfare',
	'business',
	'municipality',
	'school',
	'care_provider',
	'other'
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const isOrgKind = (v: unknown): v is OrgKind =>
	typeof v === 'string' && (ORG_KINDS as readonly string[]).includes(v);

const LABELS: Record<OrgKind, () => string> = {
	resident_group: m.org_kind_resident_group,
	npo: m.org_kind_npo,
	social_welfare: m.org_kind_social_welfare,
	business: m.org_kind_business,
	municipality: m.org_kind_municipality,
	school: m.org_kind_school,
	care_provider: m.org_kind_care_provider,
	other: m.org_kind_other
};

export const orgKindLabel = (kind: OrgKind) => LABELS[kind]();

export const ORG_ROLES = ['owner', 'editor', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

const ROLE_LABELS: Record<OrgRole, () => string> = {
	owner: m.org_role_owner,
	editor: m.org_role_editor,
	member: m.org_role_member
};
export const orgRoleLabel = (role: OrgRole) => ROLE_LABELS[role]();

/** The values of the organization profile form (see $lib/server/orgs/forms.ts). */
export type OrgFormValues = {
	name: string;
	kana: string;
	slug: string;
	/** an OrgKind once chosen; '' until then (nothing preselected) */
	kind: string;
	municipalityWide: boolean;
	areaIds: string[];
	fieldIds: string[];
	description: string;
	contactEmail: string;
	contactPhone: string;
	website: string;
};
