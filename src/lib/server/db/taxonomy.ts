// Areas (圏域) and fields (分野): small lists every chooser and page needs.
import type { Db } from '$lib/server/db/client';
import type { Tables } from '$lib/server/db/database.types';
import { dbFailure } from '$lib/server/db/errors';

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
