// Follows (関心縁): what a member follows, client-safe types.

/** What can be followed: an area (圏域), a field (分野) or an organization (団体). */
export type FollowKind = 'area' | 'field' | 'organization';

export interface FollowTarget {
	kind: FollowKind;
	id: string;
}

/** One followed thing as the member's list shows it. */
export interface FollowedItem {
	kind: FollowKind;
	id: string;
	slug: string;
	/** areas and fields: both names; organizations: their one name in both */
	name_ja: string;
	name_en: string;
	/** an organization a coordinator hid, or a retired area or field */
	retired: boolean;
}
