// Places and local resources (居場所・通いの場・社会資源) as pages see them
// (client-safe). Read through src/lib/server/db/places.ts; the schema is
// supabase/migrations/20261215000000_places.sql.
import type { AreaRef, OrgRef } from '$lib/events/types';
import type { EasyVersion } from '$lib/easy-japanese/version';

export type { AreaRef, OrgRef };

/** Kinds of place, as places.kinds (a place has one or more). */
export const PLACE_KINDS = [
	'ibasho', // 居場所・サロン
	'kayoinoba', // 通いの場（体操・趣味・茶話会…）
	'kodomo_shokudo', // 子ども食堂
	'meeting_place', // 集会所・公民館・自治会館
	'consultation', // 相談窓口（地域包括支援センター、社協…）
	'living_support', // 買い物・移動支援
	'vacant_space', // 空き家・空きスペース
	'other' // その他
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const isPlaceKind = (v: unknown): v is PlaceKind =>
	typeof v === 'string' && (PLACE_KINDS as readonly string[]).includes(v);

/** Who a place is for, as places.audiences. */
export const PLACE_AUDIENCES = [
	'elderly',
	'disability',
	'children',
	'parents',
	'everyone'
] as const;
export type PlaceAudience = (typeof PLACE_AUDIENCES)[number];
export const isPlaceAudience = (v: unknown): v is PlaceAudience =>
	typeof v === 'string' && (PLACE_AUDIENCES as readonly string[]).includes(v);

/** Days of place_hours: 1 = 月 … 7 = 日, 8 = 祝日. */
export const PLACE_DAYS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type PlaceDay = (typeof PLACE_DAYS)[number];
export const isPlaceDay = (v: unknown): v is PlaceDay =>
	typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 8;

/** Opening hours of one day, times as `HH:MM`. */
export type PlaceHours = {
	day: PlaceDay;
	opens: string;
	closes: string;
};

export const MAX_PLACE_PHOTOS = 6;

/**
 * A place as save_place and import_places take it (snake_case, as stored; see
 * private.write_place). `photos` absent: the photos stay as they are.
 */
// (a type, not an interface: supabase-js takes it as JSON)
export type PlaceInput = {
	id?: string;
	name: string;
	name_kana: string | null;
	kinds: PlaceKind[];
	area_id: string | null;
	address: string | null;
	latitude: number | null;
	longitude: number | null;
	organization_id: string | null;
	audiences: PlaceAudience[];
	hours: PlaceHours[];
	hours_note: string | null;
	closed_days: string | null;
	fee_free: boolean | null;
	fee: string | null;
	capacity: number | null;
	meals_provided: boolean | null;
	food_allowed: boolean | null;
	transport: boolean | null;
	accessibility: string | null;
	phone: string | null;
	email: string | null;
	url: string | null;
	description: string | null;
	published: boolean;
	photos?: { image_hash: string; alt: string }[];
};

/** A place in lists (/places, an area's page, the event form's choice). */
export interface PlaceCard {
	id: string;
	name: string;
	nameKana: string | null;
	kinds: PlaceKind[];
	audiences: PlaceAudience[];
	area: AreaRef | null;
	address: string | null;
	latitude: number | null;
	longitude: number | null;
	hours: PlaceHours[];
	feeFree: boolean | null;
	mealsProvided: boolean | null;
	transport: boolean | null;
	confirmedAt: string;
}

/** A point on the map of /places. */
export interface PlacePoint {
	id: string;
	name: string;
	latitude: number;
	longitude: number;
}

export interface PlacePhoto {
	hash: string;
	width: number;
	height: number;
	alt: string;
}

/** Everything the place page shows. */
export interface PlaceDetail extends PlaceCard {
	organization: OrgRef | null;
	hoursNote: string | null;
	closedDays: string | null;
	fee: string | null;
	capacity: number | null;
	foodAllowed: boolean | null;
	accessibility: string | null;
	phone: string | null;
	email: string | null;
	url: string | null;
	description: string | null;
	published: boolean;
	photos: PlacePhoto[];
	confirmedBy: { id: string; displayName: string } | null;
	updatedAt: string;
	/** its やさしい日本語 version: a summary and a body that retells the description */
	easy: EasyVersion;
}

/** Why a row of a CSV import is refused (server/places/import.ts; the page words it). */
export type ImportErrorCode =
	| 'required'
	| 'too_long'
	| 'bad_number'
	| 'outside_japan'
	| 'bad_time'
	| 'closes_before_opens'
	| 'bad_phone'
	| 'bad_url'
	| 'bad_flag'
	// planImport's, against the site's areas and places
	| 'unknown_area'
	| 'ambiguous'
	| 'duplicate_row';

/** A problem of a row: the column as the standard names it, and what it said. */
export interface ImportError {
	code: ImportErrorCode;
	column: string;
	value?: string;
}

/** A member's report that something on a place changed (情報が違う場合). */
export interface PlaceCorrection {
	id: string;
	placeId: string;
	placeName: string;
	body: string;
	createdAt: string;
	resolvedAt: string | null;
	author: { id: string; displayName: string } | null;
}

/** The place form's values as the page sees them (server/places/forms.ts checks them; its schema's output is this type). */
export type PlaceFormValues = {
	name: string;
	nameKana: string;
	kinds: PlaceKind[];
	areaId: string;
	address: string;
	latitude: string;
	longitude: string;
	organizationId: string;
	audiences: PlaceAudience[];
	/** 月 … 日, 祝日: eight times each, '' on days it is closed */
	opens: string[];
	closes: string[];
	hoursNote: string;
	closedDays: string;
	/** 未確認 / はい / いいえ */
	feeFree: '' | 'yes' | 'no';
	fee: string;
	capacity: string;
	mealsProvided: '' | 'yes' | 'no';
	foodAllowed: '' | 'yes' | 'no';
	transport: '' | 'yes' | 'no';
	accessibility: string;
	phone: string;
	email: string;
	url: string;
	description: string;
	hidden: boolean;
	photoHashes: string[];
	photoAlts: string[];
	photoOrder: string[];
	photoRemove: string[];
	newPhotoAlt: string;
	newPhoto?: string;
};
