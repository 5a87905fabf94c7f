// The admin pages for areas (圏域) and fields (分野), /admin/areas and
// /admin/fields: one implementation, told apart by a spec per taxonomy (its
// form, its queries). Every read and write goes through requestDb(): RLS lets
// only admins change them, so a missing guard cannot let anybody else do so;
// the guards here answer 403 first.
import { error, type ActionFailure } from '@sveltejs/kit';
import { fail, message, setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { ValidationAdapter } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { UUID } from '$lib/forms/patterns';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import {
	areaSchema,
	fieldSchema,
	type AreaValues,
	type FieldValues
} from '$lib/server/admin/forms';
import { requireAdmin } from '$lib/server/auth/guard';
import type { Db } from '$lib/server/db/client';
import type { Refusable } from '$lib/server/db/errors';
import { requestDb } from '$lib/server/db/request';
import {
	createArea,
	createField,
	findArea,
	findField,
	listAreas,
	listFields,
	reorderTaxonomy,
	setRetired,
	updateArea,
	updateField,
	type Area,
	type Field,
	type Taxonomy
} from '$lib/server/db/taxonomy';
import { refuse, notice, readForm } from '$lib/server/forms/small';
import { refusalMessage } from '$lib/server/forms/refusals';
import { FIELD_COLORS, type FieldColor } from '$lib/taxonomy/colors';
import { localName } from '$lib/taxonomy/names';

type Values = { slug: string; nameJa: string; nameEn: string };
type Item = { id: string; name_ja: string; name_en: string; retired_at: string | null };

interface Spec<T extends Taxonomy, V extends Values, I extends Item> {
	taxonomy: T;
	/** the form, built per request (messages in the request's language) */
	adapter: () => ValidationAdapter<V>;
	list: (db: Db) => Promise<I[]>;
	find: (db: Db, id: string) => Promise<I | null>;
	/** what the edit form starts with */
	values: (item: I) => V;
	create: (db: Db, values: V) => Promise<Refusable<object, 'slug_taken'>>;
	update: (db: Db, id: string, values: V) => Promise<Refusable<object, 'slug_taken' | 'forbidden'>>;
	/** the refusal of a slug, next to the slug field */
	slugError: (form: SuperValidated<V>, text: string) => ActionFailure<{ form: SuperValidated<V> }>;
}

const isFieldColor = (c: string): c is FieldColor =>
	(FIELD_COLORS as readonly string[]).includes(c);

const areas: Spec<'areas', AreaValues, Area> = {
	taxonomy: 'areas',
	adapter: () => zod4(areaSchema()),
	list: (db) => listAreas(db, { includeRetired: true }),
	find: findArea,
	values: (area) => ({
		slug: area.slug,
		nameJa: area.name_ja,
		nameEn: area.name_en,
		kana: area.kana ?? '',
		description: area.description
	}),
	create: createArea,
	update: updateArea,
	slugError: (form, text) => setError(form, 'slug', text)
};

const fields: Spec<'fields', FieldValues, Field> = {
	taxonomy: 'fields',
	adapter: () => zod4(fieldSchema()),
	list: (db) => listFields(db, { includeRetired: true }),
	find: findField,
	values: (field) => ({
		slug: field.slug,
		nameJa: field.name_ja,
		nameEn: field.name_en,
		color: isFieldColor(field.color) ? field.color : 'blue'
	}),
	create: createField,
	update: updateField,
	slugError: (form, text) => setError(form, 'slug', text)
};

const nameOf = (v: Values) => localName({ name_ja: v.nameJa, name_en: v.nameEn }, getLocale());
const slugTaken = { slug_taken: m.admin_error_slug_taken };

function pages<T extends Taxonomy, V extends Values, I extends Item>(spec: Spec<T, V, I>) {
	return {
		/** The list with its buttons, and the form that adds one. */
		async list() {
			requireAdmin();
			const [items, createForm] = await Promise.all([
				spec.list(requestDb()),
				superValidate(spec.adapter(), { id: 'create' })
			]);
			return { taxonomy: spec.taxonomy, items, createForm };
		},

		async create(request: Request) {
			requireAdmin();
			const form = await superValidate(request, spec.adapter(), { id: 'create' });
			if (!form.valid) return fail(400, { form });
			const created = await spec.create(requestDb(), form.data);
			if (!created.ok) return spec.slugError(form, refusalMessage(created.refusal, slugTaken));
			const name = nameOf(form.data);
			// an empty form again, also without JavaScript
			form.data = (await superValidate(spec.adapter(), { id: 'create' })).data;
			return message(form, m.admin_created({ name }));
		},

		/** One item and its edit form; 404 for an unknown id. */
		async item(id: string) {
			requireAdmin();
			const item = UUID.test(id) ? await spec.find(requestDb(), id) : null;
			if (!item) error(404, 'Not Found');
			const form = await superValidate(spec.values(item), spec.adapter(), {
				id: 'edit',
				errors: false
			});
			return { taxonomy: spec.taxonomy, item, form };
		},

		async save(id: string, request: Request) {
			requireAdmin();
			const item = UUID.test(id) ? await spec.find(requestDb(), id) : null;
			if (!item) error(404, 'Not Found');
			const form = await superValidate(request, spec.adapter(), { id: 'edit' });
			if (!form.valid) return fail(400, { form });
			const saved = await spec.update(requestDb(), item.id, form.data);
			if (!saved.ok && saved.refusal === 'forbidden') error(403, 'Forbidden');
			if (!saved.ok) return spec.slugError(form, refusalMessage(saved.refusal, slugTaken));
			return message(form, m.admin_saved({ name: nameOf(form.data) }));
		}
	};
}

const SPECS = { areas, fields };
const PAGES = { areas: pages(areas), fields: pages(fields) };

/** The admin pages of one taxonomy. */
export const taxonomyPages = (taxonomy: Taxonomy) => PAGES[taxonomy];

const rowSchema = z.object({ id: z.string().regex(UUID) });
const moveSchema = rowSchema.extend({ direction: z.enum(['up', 'down']) });

/** The list's buttons answer as small forms, under this name. */
const ROW = 'row';
const rowGone = () => refuse(404, ROW, m.admin_not_found());

/** Moves an item one place up or down (the full new order goes to reorder_areas/_fields). */
export async function moveItem(taxonomy: Taxonomy, request: Request) {
	requireAdmin();
	const posted = await readForm(request, moveSchema);
	if (!posted) return rowGone();
	const db = requestDb();
	const items = await SPECS[taxonomy].list(db);
	const i = items.findIndex((item) => item.id === posted.id);
	if (i < 0) return rowGone();
	const j = posted.direction === 'up' ? i - 1 : i + 1;
	const name = localName(items[i], getLocale());
	if (j >= 0 && j < items.length) {
		[items[i], items[j]] = [items[j], items[i]];
		await reorderTaxonomy(
			db,
			taxonomy,
			items.map((item) => item.id)
		);
	}
	return notice(ROW, m.admin_moved({ name }));
}

/** Retires an item (no longer offered in choosers) or restores it. */
export async function retireItem(taxonomy: Taxonomy, request: Request, retire: boolean) {
	requireAdmin();
	const posted = await readForm(request, rowSchema);
	if (!posted) return rowGone();
	const result = await setRetired(requestDb(), taxonomy, posted.id, retire);
	if (!result.ok && result.refusal === 'forbidden') error(403, 'Forbidden');
	if (!result.ok) return rowGone();
	const name = localName(result.item, getLocale());
	return notice(ROW, retire ? m.admin_retired_notice({ name }) : m.admin_restored_notice({ name }));
}
