// Areas (圏域) and fields (分野): small lists every chooser and page needs.
import type { Db } from '$lib/server/db/client';
import type { Tables } from '$lib/server/db/database.types';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';

export type Area = Pick<
	Tables<'areas'>,
	'id' | 'slug' | 'name_ja' | 'name_en' | 'kana' | 'description' | 'sort_order' | 'retired_at'
>;
export type Field = Pick<
	Tables<'fields'>,
	'id' | 'slug' | 'name_ja' | 'name_en' | 'sort_order' | 'color' | 'retired_at'
>;

const AREA_COLUMNS = 'id, slug, name_ja, name_en, kana, description, sort_order, retired_at';
const FIELD_COLUMNS = 'id, slug, name_ja, name_en, sort_order, color, retired_at';

/** Areas in display order; retired ones only when asked (admin pages, old content). */
export async function listAreas(db: Db, opts: { includeRetired?: boolean } = {}): Promise<Area[]> {
	let query = db.from('areas').select(AREA_COLUMNS);
	if (!opts.includeRetired) query = query.is('retired_at', null);
	const { data, error } = await query.order('sort_order').order('name_ja');
	if (error) dbFailure(error);
	return data;
}

export async function listFields(
	db: Db,
	opts: { includeRetired?: boolean } = {}
): Promise<Field[]> {
	let query = db.from('fields').select(FIELD_COLUMNS);
	if (!opts.includeRetired) query = query.is('retired_at', null);
	const { data, error } = await query.order('sort_order').order('name_ja');
	if (error) dbFailure(error);
	return data;
}

export async function findAreaBySlug(db: Db, slug: string): Promise<Area | null> {
	const { data, error } = await db
		.from('areas')
		.select(AREA_COLUMNS)
		.eq('slug', slug)
		.maybeSingle();
	if (error) dbFailure(error);
	return data;
}

export async function findFieldBySlug(db: Db, slug: string): Promise<Field | null> {
	const { data, error } = await db
		.from('fields')
		.select(FIELD_COLUMNS)
		.eq('slug', slug)
		.maybeSingle();
	if (error) dbFailure(error);
	return data;
}

// Managing them (/admin/areas, /admin/fields). RLS lets only admins insert,
// update and reorder; a duplicate slug comes back as 'slug_taken'.

export type Taxonomy = 'areas' | 'fields';

export async function findArea(db: Db, id: string): Promise<Area | null> {
	const { data, error } = await db.from('areas').select(AREA_COLUMNS).eq('id', id).maybeSingle();
	if (error) dbFailure(error);
	return data;
}

export async function findField(db: Db, id: string): Promise<Field | null> {
	const { data, error } = await db.from('fields').select(FIELD_COLUMNS).eq('id', id).maybeSingle();
	if (error) dbFailure(error);
	return data;
}

export interface AreaInput {
	slug: string;
	nameJa: string;
	nameEn: string;
	/** '' for none */
	kana: string;
	description: string;
}

export interface FieldInput {
	slug: string;
	nameJa: string;
	nameEn: string;
	/** one of FIELD_COLORS ($lib/taxonomy/colors) */
	color: string;
}

const areaRow = (v: AreaInput) => ({
	slug: v.slug,
	name_ja: v.nameJa,
	name_en: v.nameEn,
	kana: v.kana === '' ? null : v.kana,
	description: v.description
});

const fieldRow = (v: FieldInput) => ({
	slug: v.slug,
	name_ja: v.nameJa,
	name_en: v.nameEn,
	color: v.color
});

/** A sort order after every existing one, so that a new item comes last. */
async function nextSortOrder(db: Db, taxonomy: Taxonomy): Promise<number> {
	const { data, error } = await db
		.from(taxonomy)
		.select('sort_order')
		.order('sort_order', { ascending: false })
		.limit(1);
	if (error) dbFailure(error);
	return (data[0]?.sort_order ?? 0) + 10;
}

/** Adds an area after all others. */
export async function createArea(
	db: Db,
	input: AreaInput
): Promise<Refusable<{ area: Area }, 'slug_taken'>> {
	const { data, error } = await db
		.from('areas')
		.insert({ ...areaRow(input), sort_order: await nextSortOrder(db, 'areas') })
		.select(AREA_COLUMNS)
		.single();
	if (error) return refused(error, ['slug_taken']);
	return { ok: true, area: data };
}

/** Adds a field after all others. */
export async function createField(
	db: Db,
	input: FieldInput
): Promise<Refusable<{ field: Field }, 'slug_taken'>> {
	const { data, error } = await db
		.from('fields')
		.insert({ ...fieldRow(input), sort_order: await nextSortOrder(db, 'fields') })
		.select(FIELD_COLUMNS)
		.single();
	if (error) return refused(error, ['slug_taken']);
	return { ok: true, field: data };
}

/** Saves an area; 'forbidden' when RLS changed nothing (not an admin, or gone). */
export async function updateArea(
	db: Db,
	id: string,
	input: AreaInput
): Promise<Refusable<{ area: Area }, 'slug_taken' | 'forbidden'>> {
	const { data, error } = await db
		.from('areas')
		.update(areaRow(input))
		.eq('id', id)
		.select(AREA_COLUMNS);
	if (error) return refused(error, ['slug_taken']);
	if (data.length === 0) return { ok: false, refusal: 'forbidden' };
	return { ok: true, area: data[0] };
}

/** Saves a field; 'forbidden' when RLS changed nothing (not an admin, or gone). */
export async function updateField(
	db: Db,
	id: string,
	input: FieldInput
): Promise<Refusable<{ field: Field }, 'slug_taken' | 'forbidden'>> {
	const { data, error } = await db
		.from('fields')
		.update(fieldRow(input))
		.eq('id', id)
		.select(FIELD_COLUMNS);
	if (error) return refused(error, ['slug_taken']);
	if (data.length === 0) return { ok: false, refusal: 'forbidden' };
	return { ok: true, field: data[0] };
}

/** Puts the areas or fields in this order (every id, first to last). */
export async function reorderTaxonomy(db: Db, taxonomy: Taxonomy, ids: string[]): Promise<void> {
	const { error } =
		taxonomy === 'areas'
			? await db.rpc('reorder_areas', { p_ids: ids })
			: await db.rpc('reorder_fields', { p_ids: ids });
	if (error) dbFailure(error);
}

/**
 * Retires an area or field (no longer offered in choosers; what has it keeps
 * it), or restores it. Retiring twice keeps the first date. 'not_found' when
 * there is no such item; 'forbidden' when RLS changed nothing.
 */
export async function setRetired(
	db: Db,
	taxonomy: Taxonomy,
	id: string,
	retire: boolean
): Promise<Refusable<{ item: { name_ja: string; name_en: string } }, 'not_found' | 'forbidden'>> {
	const { data: item, error: readError } = await db
		.from(taxonomy)
		.select('id, name_ja, name_en, retired_at')
		.eq('id', id)
		.maybeSingle();
	if (readError) dbFailure(readError);
	if (!item) return { ok: false, refusal: 'not_found' };
	if (retire !== (item.retired_at !== null)) {
		const { data, error } = await db
			.from(taxonomy)
			.update({ retired_at: retire ? new Date().toISOString() : null })
			.eq('id', id)
			.select('id');
		if (error) dbFailure(error);
		if (data.length === 0) return { ok: false, refusal: 'forbidden' };
	}
	return { ok: true, item };
}

// Towns (町名) and quiet areas (issue 9) ------------------------------------------

export interface Town {
	name: string;
	kana: string | null;
}
export type AreaWithTowns = Area & { towns: Town[] };

/** Areas in use, in display order, each with its towns in their order. */
export async function listAreasWithTowns(db: Db): Promise<AreaWithTowns[]> {
	const { data, error } = await db
		.from('areas')
		.select(`${AREA_COLUMNS}, area_towns(name, kana, sort_order)`)
		.is('retired_at', null)
		.order('sort_order')
		.order('name_ja')
		.order('sort_order', { referencedTable: 'area_towns' })
		.order('name', { referencedTable: 'area_towns' });
	if (error) dbFailure(error);
	return data.map(({ area_towns, ...area }) => ({
		...area,
		towns: area_towns.map((t) => ({ name: t.name, kana: t.kana }))
	}));
}

/** The towns of one area, in their order. */
export async function listAreaTowns(db: Db, areaId: string): Promise<Town[]> {
	const { data, error } = await db
		.from('area_towns')
		.select('name, kana')
		.eq('area_id', areaId)
		.order('sort_order')
		.order('name');
	if (error) dbFailure(error);
	return data;
}

/** Towns whose name or reading contains `q` (常盤平, ときわだいら, 五香), with their area's id. */
export async function searchTowns(
	db: Db,
	q: string,
	limit = 30
): Promise<(Town & { areaId: string })[]> {
	const { data, error } = await db.rpc('search_area_towns', { p_q: q, p_limit: limit });
	if (error) dbFailure(error);
	return data.map((t) => ({ areaId: t.area_id, name: t.name, kana: t.kana }));
}

/**
 * Areas in use with no scheduled date of a published event in the next `days`
 * days, in display order (quiet_areas reads only those days' dates).
 */
export async function listQuietAreas(db: Db, days: number): Promise<Area[]> {
	const { data, error } = await db.rpc('quiet_areas', { p_days: days }).select(AREA_COLUMNS);
	if (error) dbFailure(error);
	return data;
}
