// Places and local resources (居場所・通いの場・社会資源): reads for /places, a
// place's page, area pages and the forms that name a place; writing through
// the functions of supabase/migrations/20261215000000_places.sql. RLS decides
// what shows: published places to everyone, hidden ones to their keepers (the
// organization's owners and editors, coordinators). Nobody writes the tables
// directly: save_place writes a place with its hours and photos in one
// transaction, import_places a whole import.
//
//   listPlaces(db, filters, page)   published, by reading, 20 a page (+ total)
//   placePoints(db, filters)        the same places' points, for the map
//   getPlace(db, id)                one place with everything its page shows
//   placeChoices(db)                every published place, for the event and practice forms
//   upcomingDatesAt(db, id)         the next dates of events held there
//   practicesAt(db, id)             the published practices that name it
//   savePlace / confirmPlace / importPlaces
//   reportCorrection / placeCorrections / openCorrections / resolveCorrection
//   myStalePlaces(db)               what the person keeps and should confirm
import type { Db } from '$lib/server/db/client';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import {
	isPlaceAudience,
	isPlaceDay,
	isPlaceKind,
	type AreaRef,
	type PlaceCard,
	type PlaceCorrection,
	type PlaceDetail,
	type PlaceHours,
	type PlaceInput,
	type PlacePhoto,
	type PlacePoint
} from '$lib/places/types';

export type { PlaceCard, PlaceCorrection, PlaceDetail, PlaceInput, PlacePoint };

export const PLACE_PAGE_SIZE = 20;
/** a list says 「200件以上」 beyond this, as the other lists do */
export const PLACE_COUNT_CAP = 200;
/** the map shows at most this many of the places the filters give */
export const PLACE_POINTS_MAX = 1000;

// sort_key is selected so that PostgREST 12 may order a function's rows by it
const CARD_SELECT =
	'id, sort_key, name, name_kana, kinds, audiences, address, latitude, longitude, fee_free, meals_provided, transport, confirmed_at, area:areas(id, slug, name_ja, name_en), place_hours(day, opens, closes)' as const;

const DETAIL_SELECT =
	'id, name, name_kana, kinds, audiences, address, latitude, longitude, fee_free, meals_provided, transport, confirmed_at, hours_note, closed_days, fee, capacity, food_allowed, accessibility, phone, email, url, description, easy_summary, easy_body, published, updated_at, area:areas(id, slug, name_ja, name_en), organization:organizations(id, slug, name), place_hours(day, opens, closes), place_photos(position, alt, image:images(hash, width, height)), confirmer:profiles!places_confirmed_by_fkey(id, display_name)' as const;

export type CardRow = {
	id: string;
	name: string;
	name_kana: string | null;
	kinds: string[];
	audiences: string[];
	address: string | null;
	latitude: number | null;
	longitude: number | null;
	fee_free: boolean | null;
	meals_provided: boolean | null;
	transport: boolean | null;
	confirmed_at: string;
	area: AreaRef | null;
	place_hours: { day: number; opens: string; closes: string }[];
};

/** `10:00:00` → `10:00` */
const hhmm = (t: string) => t.slice(0, 5);

export const hoursOf = (rows: CardRow['place_hours']): PlaceHours[] =>
	rows
		.flatMap((h) =>
			isPlaceDay(h.day) ? [{ day: h.day, opens: hhmm(h.opens), closes: hhmm(h.closes) }] : []
		)
		.sort((a, b) => a.day - b.day);

const num = (v: number | string | null) => (v === null ? null : Number(v));

export function toCard(p: CardRow): PlaceCard {
	return {
		id: p.id,
		name: p.name,
		nameKana: p.name_kana,
		kinds: p.kinds.filter(isPlaceKind),
		audiences: p.audiences.filter(isPlaceAudience),
		area: p.area,
		address: p.address,
		latitude: num(p.latitude),
		longitude: num(p.longitude),
		hours: hoursOf(p.place_hours),
		feeFree: p.fee_free,
		mealsProvided: p.meals_provided,
		transport: p.transport,
		confirmedAt: p.confirmed_at
	};
}

// ---------------------------------------------------------------------------
// Lists

export interface PlaceFilters {
	/** text in the name, reading, address or description (Japanese substrings; katakana finds hiragana) */
	q?: string;
	areaId?: string;
	kind?: string;
	audience?: string;
	/** open on this day: 1 = 月 … 7 = 日, 8 = 祝日 */
	day?: number;
	free?: boolean;
	meals?: boolean;
	transport?: boolean;
	organizationId?: string;
	/** only places with a やさしい日本語 version */
	easy?: boolean;
}

const filterArgs = (f: PlaceFilters) => ({
	p_q: f.q?.trim() || undefined,
	p_area: f.areaId,
	p_kind: f.kind,
	p_audience: f.audience,
	p_day: f.day,
	p_free: f.free || undefined,
	p_meals: f.meals || undefined,
	p_transport: f.transport || undefined,
	p_organization: f.organizationId,
	p_easy: f.easy || undefined
});

async function searchPlaces(db: Db, filters: PlaceFilters, limit: number, offset: number) {
	const { data, error } = await db
		.rpc('search_places', { ...filterArgs(filters), p_limit: limit, p_offset: offset })
		.select(CARD_SELECT)
		.order('sort_key')
		.order('id');
	if (error) dbFailure(error);
	return data.map(toCard);
}

/** /places: published places by reading, PLACE_PAGE_SIZE a page; the total up to PLACE_COUNT_CAP. */
export async function listPlaces(
	db: Db,
	filters: PlaceFilters,
	page = 1
): Promise<{ places: PlaceCard[]; total: number; totalCapped: boolean }> {
	const offset = (Math.max(1, Math.floor(page)) - 1) * PLACE_PAGE_SIZE;
	const [places, counted] = await Promise.all([
		searchPlaces(db, filters, PLACE_PAGE_SIZE, offset),
		db.rpc('count_places', { ...filterArgs(filters), p_cap: PLACE_COUNT_CAP })
	]);
	if (counted.error) dbFailure(counted.error);
	return { places, total: counted.data, totalCapped: counted.data >= PLACE_COUNT_CAP };
}

/** The points of every place the filters give (up to PLACE_POINTS_MAX), for the map. */
export async function placePoints(db: Db, filters: PlaceFilters): Promise<PlacePoint[]> {
	const { data, error } = await db
		.rpc('search_places', { ...filterArgs(filters), p_limit: PLACE_POINTS_MAX, p_offset: 0 })
		.select('id, sort_key, name, latitude, longitude')
		.not('latitude', 'is', null)
		.order('sort_key')
		.order('id');
	if (error) dbFailure(error);
	return data.flatMap((p) =>
		p.latitude === null || p.longitude === null
			? []
			: [{ id: p.id, name: p.name, latitude: Number(p.latitude), longitude: Number(p.longitude) }]
	);
}

/** An area's places (its page), by reading. */
export async function placesOfArea(db: Db, areaId: string, limit = 50): Promise<PlaceCard[]> {
	return searchPlaces(db, { areaId }, limit, 0);
}

export interface PlaceChoice {
	id: string;
	name: string;
	areaId: string | null;
	address: string | null;
}

/**
 * Every published place (at most 1000), for the event form's 会場 and the
 * practice form: the form groups them by area.
 */
export async function placeChoices(db: Db): Promise<PlaceChoice[]> {
	const { data, error } = await db
		.rpc('search_places', { p_limit: 1000 })
		.select('id, sort_key, name, area_id, address')
		.order('sort_key')
		.order('id');
	if (error) dbFailure(error);
	return data.map((p) => ({ id: p.id, name: p.name, areaId: p.area_id, address: p.address }));
}

/** Names of places by id (an event's or a practice's), in the order given. */
export async function placeRefs(
	db: Db,
	ids: string[]
): Promise<{ id: string; name: string; address: string | null }[]> {
	if (ids.length === 0) return [];
	const { data, error } = await db.from('places').select('id, name, address').in('id', ids);
	if (error) dbFailure(error);
	const byId = new Map(data.map((p) => [p.id, p]));
	return ids.flatMap((id) => {
		const p = byId.get(id);
		return p ? [p] : [];
	});
}

/** The published practices that name a place (its page), newest publication first. */
export async function practicesAt(
	db: Db,
	placeId: string,
	limit = 10
): Promise<{ id: string; title: string }[]> {
	const { data, error } = await db
		.from('practice_places')
		.select('practice:practices!inner(id, title, status, published_at)')
		.eq('place_id', placeId)
		.eq('practice.status', 'published')
		.limit(limit);
	if (error) dbFailure(error);
	return data
		.map((r) => r.practice)
		.sort((a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? ''))
		.map((p) => ({ id: p.id, title: p.title }));
}

// ---------------------------------------------------------------------------
// One place

type DetailRow = CardRow & {
	hours_note: string | null;
	closed_days: string | null;
	fee: string | null;
	capacity: number | null;
	food_allowed: boolean | null;
	accessibility: string | null;
	phone: string | null;
	email: string | null;
	url: string | null;
	description: string | null;
	easy_summary: string | null;
	easy_body: string | null;
	published: boolean;
	updated_at: string;
	organization: { id: string; slug: string; name: string } | null;
	place_photos: {
		position: number;
		alt: string;
		image: { hash: string; width: number; height: number } | null;
	}[];
	confirmer: { id: string; display_name: string } | null;
};

const photosOf = (rows: DetailRow['place_photos']): PlacePhoto[] =>
	[...rows]
		.sort((a, b) => a.position - b.position)
		.flatMap((p) => (p.image ? [{ ...p.image, alt: p.alt }] : []));

/** A place with everything its page shows, or null (not there, or hidden from this person). */
export async function getPlace(db: Db, id: string): Promise<PlaceDetail | null> {
	const { data, error } = await db.from('places').select(DETAIL_SELECT).eq('id', id).maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	const p: DetailRow = data;
	return {
		...toCard(p),
		organization: p.organization,
		hoursNote: p.hours_note,
		closedDays: p.closed_days,
		fee: p.fee,
		capacity: p.capacity,
		foodAllowed: p.food_allowed,
		accessibility: p.accessibility,
		phone: p.phone,
		email: p.email,
		url: p.url,
		description: p.description,
		published: p.published,
		photos: photosOf(p.place_photos),
		confirmedBy: p.confirmer ? { id: p.confirmer.id, displayName: p.confirmer.display_name } : null,
		updatedAt: p.updated_at,
		easy: { summary: p.easy_summary, body: p.easy_body }
	};
}

/** What the edit form starts from: the place as save_place takes it. */
export function inputOf(p: PlaceDetail): PlaceInput & { id: string } {
	return {
		id: p.id,
		name: p.name,
		name_kana: p.nameKana,
		kinds: p.kinds,
		area_id: p.area?.id ?? null,
		address: p.address,
		latitude: p.latitude,
		longitude: p.longitude,
		organization_id: p.organization?.id ?? null,
		audiences: p.audiences,
		hours: p.hours,
		hours_note: p.hoursNote,
		closed_days: p.closedDays,
		fee_free: p.feeFree,
		fee: p.fee,
		capacity: p.capacity,
		meals_provided: p.mealsProvided,
		food_allowed: p.foodAllowed,
		transport: p.transport,
		accessibility: p.accessibility,
		phone: p.phone,
		email: p.email,
		url: p.url,
		description: p.description,
		published: p.published,
		photos: p.photos.map((ph) => ({ image_hash: ph.hash, alt: ph.alt }))
	};
}

export interface PlaceDate {
	occurrenceId: string;
	startsAt: string;
	endsAt: string;
	allDay: boolean;
	event: { id: string; title: string };
}

/** The next dates of published events held at a place, soonest first. */
export async function upcomingDatesAt(db: Db, placeId: string, limit = 10): Promise<PlaceDate[]> {
	const { data, error } = await db
		.from('event_occurrences')
		.select('id, starts_at, ends_at, event:events!inner(id, title, all_day, status, place_id)')
		.eq('event.place_id', placeId)
		.eq('event.status', 'published')
		.eq('status', 'scheduled')
		.gte('ends_at', new Date().toISOString())
		.order('starts_at')
		.limit(limit);
	if (error) dbFailure(error);
	return data.map((o) => ({
		occurrenceId: o.id,
		startsAt: o.starts_at,
		endsAt: o.ends_at,
		allDay: o.event.all_day,
		event: { id: o.event.id, title: o.event.title }
	}));
}

// ---------------------------------------------------------------------------
// Writing

export type SavePlaceRefusal =
	| 'sign_in'
	| 'forbidden'
	| 'not_found'
	| 'bad_length'
	| 'no_kind'
	| 'unknown_area'
	| 'outside_japan'
	| 'point_incomplete'
	| 'closes_before_opens'
	| 'bad_day'
	| 'too_many_photos'
	| 'photo_alt_required'
	| 'suspended'
	| 'unverified';
const SAVE_REFUSALS: SavePlaceRefusal[] = [
	'sign_in',
	'forbidden',
	'not_found',
	'bad_length',
	'no_kind',
	'unknown_area',
	'outside_japan',
	'point_incomplete',
	'closes_before_opens',
	'bad_day',
	'too_many_photos',
	'photo_alt_required',
	'suspended',
	'unverified'
];

/** Creates (no id) or saves a place with its hours and photos; a save is also a confirmation. */
export async function savePlace(
	db: Db,
	input: PlaceInput
): Promise<Refusable<{ id: string }, SavePlaceRefusal>> {
	const { data, error } = await db.rpc('save_place', { p: { ...input } });
	if (error) return refused(error, SAVE_REFUSALS);
	return { ok: true, id: data };
}

type KeeperRefusal = 'sign_in' | 'forbidden' | 'not_found' | 'suspended';
const KEEPER: KeeperRefusal[] = ['sign_in', 'forbidden', 'not_found', 'suspended'];

/** 「この内容で確認しました」: the place's keeper says it is still right. */
export async function confirmPlace(
	db: Db,
	id: string
): Promise<Refusable<{ confirmedAt: string }, KeeperRefusal>> {
	const { data, error } = await db.rpc('confirm_place', { p_place: id });
	if (error) return refused(error, KEEPER);
	return { ok: true, confirmedAt: data };
}

/** A coordinator's import: every place in one transaction, or none. */
export async function importPlaces(
	db: Db,
	rows: (PlaceInput & { row: number })[]
): Promise<Refusable<{ count: number }, 'forbidden' | 'import_row'>> {
	const { data, error } = await db.rpc('import_places', { p_rows: rows.map((r) => ({ ...r })) });
	if (error) return refused(error, ['forbidden', 'import_row']);
	return { ok: true, count: data };
}

/**
 * Every place this person keeps (coordinators: all), as save_place takes them,
 * for an import's plan: read 1000 at a time (PostgREST's max_rows).
 */
export async function placesForImport(db: Db): Promise<(PlaceInput & { id: string })[]> {
	const out: (PlaceInput & { id: string })[] = [];
	for (let from = 0; ; from += 1000) {
		const { data, error } = await db
			.from('places')
			.select(
				'id, name, name_kana, kinds, area_id, address, latitude, longitude, organization_id, audiences, hours_note, closed_days, fee_free, fee, capacity, meals_provided, food_allowed, transport, accessibility, phone, email, url, description, published, place_hours(day, opens, closes)'
			)
			.order('id')
			.range(from, from + 999);
		if (error) dbFailure(error);
		for (const p of data) {
			out.push({
				id: p.id,
				name: p.name,
				name_kana: p.name_kana,
				kinds: p.kinds.filter(isPlaceKind),
				area_id: p.area_id,
				address: p.address,
				latitude: num(p.latitude),
				longitude: num(p.longitude),
				organization_id: p.organization_id,
				audiences: p.audiences.filter(isPlaceAudience),
				hours: hoursOf(p.place_hours),
				hours_note: p.hours_note,
				closed_days: p.closed_days,
				fee_free: p.fee_free,
				fee: p.fee,
				capacity: p.capacity,
				meals_provided: p.meals_provided,
				food_allowed: p.food_allowed,
				transport: p.transport,
				accessibility: p.accessibility,
				phone: p.phone,
				email: p.email,
				url: p.url,
				description: p.description,
				published: p.published
			});
		}
		if (data.length < 1000) return out;
	}
}

// ---------------------------------------------------------------------------
// Corrections (情報が違う場合)

type CorrectionRow = {
	id: string;
	place_id: string;
	body: string;
	created_at: string;
	resolved_at: string | null;
	place: { name: string } | null;
	author: { id: string; display_name: string } | null;
};

const CORRECTION_SELECT =
	'id, place_id, body, created_at, resolved_at, place:places(name), author:profiles!place_corrections_author_id_fkey(id, display_name)' as const;

const toCorrection = (c: CorrectionRow): PlaceCorrection => ({
	id: c.id,
	placeId: c.place_id,
	placeName: c.place?.name ?? '',
	body: c.body,
	createdAt: c.created_at,
	resolvedAt: c.resolved_at,
	author: c.author ? { id: c.author.id, displayName: c.author.display_name } : null
});

/** Any signed-in member reports what changed (ten a day at most); the place's keepers are told. */
export async function reportCorrection(
	db: Db,
	placeId: string,
	body: string
): Promise<
	Refusable<
		{ id: string },
		'sign_in' | 'not_found' | 'bad_length' | 'throttled' | 'suspended' | 'unverified'
	>
> {
	const { data, error } = await db.rpc('report_place_correction', {
		p_place: placeId,
		p_body: body
	});
	if (error)
		return refused(error, [
			'sign_in',
			'not_found',
			'bad_length',
			'throttled',
			'suspended',
			'unverified'
		]);
	return { ok: true, id: data };
}

/** A place's corrections the person may read (its keepers: all; a member: their own), newest first. */
export async function placeCorrections(
	db: Db,
	placeId: string,
	limit = 20
): Promise<PlaceCorrection[]> {
	const { data, error } = await db
		.from('place_corrections')
		.select(CORRECTION_SELECT)
		.eq('place_id', placeId)
		.order('created_at', { ascending: false })
		.limit(limit);
	if (error) dbFailure(error);
	return data.map(toCorrection);
}

/** Corrections nobody has dealt with yet that the person may read, oldest first (/coordinate/places). */
export async function openCorrections(db: Db, limit = 100): Promise<PlaceCorrection[]> {
	const { data, error } = await db
		.from('place_corrections')
		.select(CORRECTION_SELECT)
		.is('resolved_at', null)
		.order('created_at')
		.limit(limit);
	if (error) dbFailure(error);
	return data.map(toCorrection);
}

/** The keeper has dealt with a correction. */
export async function resolveCorrection(
	db: Db,
	id: string
): Promise<Refusable<object, KeeperRefusal>> {
	const { error } = await db.rpc('resolve_place_correction', { p_correction: id });
	if (error) return refused(error, KEEPER);
	return { ok: true };
}

// ---------------------------------------------------------------------------
// Keeping it current

/** The places this person keeps that have not been confirmed for six months, oldest first. */
export async function myStalePlaces(db: Db): Promise<PlaceCard[]> {
	const { data, error } = await db
		.rpc('my_stale_places', {})
		.select(CARD_SELECT)
		.order('confirmed_at')
		.order('id');
	if (error) dbFailure(error);
	return data.map(toCard);
}

/** Every published place last confirmed before `before`, oldest first (coordinators' overview). */
export async function stalePlaces(db: Db, before: Date, limit = 100): Promise<PlaceCard[]> {
	const { data, error } = await db
		.from('places')
		.select(CARD_SELECT)
		.eq('published', true)
		.lt('confirmed_at', before.toISOString())
		.order('confirmed_at')
		.order('id')
		.limit(limit);
	if (error) dbFailure(error);
	return data.map(toCard);
}

/** How many published places were last confirmed before `before` (the coordinators' first page). */
export async function countStalePlaces(db: Db, before: Date): Promise<number> {
	const { count, error } = await db
		.from('places')
		.select('id', { count: 'exact', head: true })
		.eq('published', true)
		.lt('confirmed_at', before.toISOString());
	if (error) dbFailure(error);
	return count ?? 0;
}

/** How many reported changes nobody has dealt with yet (that the person may read). */
export async function countOpenCorrections(db: Db): Promise<number> {
	const { count, error } = await db
		.from('place_corrections')
		.select('id', { count: 'exact', head: true })
		.is('resolved_at', null);
	if (error) dbFailure(error);
	return count ?? 0;
}
