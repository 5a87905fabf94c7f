// Server side of the admin pages for areas (圏域) and fields (分野). Every
// read and write goes through requestDb(): RLS lets only admins insert or
// update, so a missing guard in a route cannot let anybody else change them.
import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { requireAdmin } from '$lib/server/auth/guard';
import { requestDb } from '$lib/server/db/request';
import { listAreas, listFields } from '$lib/server/db/taxonomy';
import { localName } from '$lib/taxonomy/names';
import { UUID } from '$lib/forms/patterns';
import { dbFailure } from '$lib/server/db/errors';

export type TaxonomyKind = 'areas' | 'fields';

/** Postgres unique_violation: on these tables only the slug can clash. */
export const UNIQUE_VIOLATION = '23505';

const listAll = (kind: TaxonomyKind) =>
	kind === 'areas'
		? listAreas(requestDb(), { includeRetired: true })
		: listFields(requestDb(), { includeRetired: true });

export async function getArea(id: string) {
	if (!UUID.test(id)) error(404, 'Not Found');
	const { data, error: e } = await requestDb()
		.from('areas')
		.select('id, slug, name_ja, name_en, kana, description, sort_order, retired_at')
		.eq('id', id)
		.maybeSingle();
	if (e) dbFailure(e);
	if (!data) error(404, 'Not Found');
	return data;
}

export async function getField(id: string) {
	if (!UUID.test(id)) error(404, 'Not Found');
	const { data, error: e } = await requestDb()
		.from('fields')
		.select('id, slug, name_ja, name_en, sort_order, color, retired_at')
		.eq('id', id)
		.maybeSingle();
	if (e) dbFailure(e);
	if (!data) error(404, 'Not Found');
	return data;
}

/** A sort order after every existing one, so that a new item comes last. */
export async function nextSortOrder(kind: TaxonomyKind) {
	const { data, error: e } = await requestDb()
		.from(kind)
		.select('sort_order')
		.order('sort_order', { ascending: false })
		.limit(1);
	if (e) dbFailure(e);
	return (data[0]?.sort_order ?? 0) + 10;
}

const notFound = () => fail(404, { notice: m.admin_not_found(), failed: true });

async function postedId(request: Request) {
	const body = await request.formData();
	const id = String(body.get('id') ?? '');
	return { id: UUID.test(id) ? id : null, body };
}

/**
 * The per-row buttons of a list page: move up/down (the full new order goes
 * to reorder_areas/reorder_fields), retire and restore. Each checks the
 * admin role itself.
 */
export function rowActions(kind: TaxonomyKind) {
	return {
		move: async ({ request }: { request: Request }) => {
			requireAdmin();
			const { id, body } = await postedId(request);
			const direction = body.get('direction');
			if (!id || (direction !== 'up' && direction !== 'down')) return notFound();
			const items = await listAll(kind);
			const i = items.findIndex((item) => item.id === id);
			if (i < 0) return notFound();
			const j = direction === 'up' ? i - 1 : i + 1;
			const name = localName(items[i], getLocale());
			if (j < 0 || j >= items.length) return { notice: m.admin_moved({ name }), failed: false };
			[items[i], items[j]] = [items[j], items[i]];
			const p_ids = items.map((item) => item.id);
			const db = requestDb();
			const { error: e } =
				kind === 'areas'
					? await db.rpc('reorder_areas', { p_ids })
					: await db.rpc('reorder_fields', { p_ids });
			if (e) dbFailure(e);
			return { notice: m.admin_moved({ name }), failed: false };
		},

		retire: async ({ request }: { request: Request }) => setRetired(kind, request, true),
		restore: async ({ request }: { request: Request }) => setRetired(kind, request, false)
	};
}

async function setRetired(kind: TaxonomyKind, request: Request, retire: boolean) {
	requireAdmin();
	const { id } = await postedId(request);
	if (!id) return notFound();
	const db = requestDb();
	const { data: item, error: readError } = await db
		.from(kind)
		.select('id, name_ja, name_en, retired_at')
		.eq('id', id)
		.maybeSingle();
	if (readError) dbFailure(readError);
	if (!item) return notFound();
	// retiring twice keeps the first date
	if (retire !== (item.retired_at !== null)) {
		const { data, error: e } = await db
			.from(kind)
			.update({ retired_at: retire ? new Date().toISOString() : null })
			.eq('id', id)
			.select('id');
		if (e) dbFailure(e);
		if (data.length === 0) error(403, 'Forbidden');
	}
	const name = localName(item, getLocale());
	return {
		notice: retire ? m.admin_retired_notice({ name }) : m.admin_restored_notice({ name }),
		failed: false
	};
}
