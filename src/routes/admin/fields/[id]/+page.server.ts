import { error } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { fieldRow, fieldSchema } from '$lib/server/admin/forms';
import { getField, UNIQUE_VIOLATION } from '$lib/server/admin/taxonomy';
import { requireAdmin } from '$lib/server/auth/guard';
import { requestDb } from '$lib/server/db/request';
import { FIELD_COLORS, type FieldColor } from '$lib/taxonomy/colors';
import { localName } from '$lib/taxonomy/names';
import type { Actions, PageServerLoad } from './$types';
import { dbFailure } from '$lib/server/db/errors';

const isFieldColor = (c: string): c is FieldColor =>
	(FIELD_COLORS as readonly string[]).includes(c);

export const load: PageServerLoad = async ({ params }) => {
	requireAdmin();
	const field = await getField(params.id);
	const form = await superValidate(
		{
			slug: field.slug,
			nameJa: field.name_ja,
			nameEn: field.name_en,
			color: isFieldColor(field.color) ? field.color : 'blue'
		},
		zod4(fieldSchema()),
		{ id: 'edit', errors: false }
	);
	return { field, form };
};

export const actions: Actions = {
	save: async ({ request, params }) => {
		requireAdmin();
		const field = await getField(params.id);
		const form = await superValidate(request, zod4(fieldSchema()), { id: 'edit' });
		if (!form.valid) return fail(400, { form });
		const { data, error: e } = await requestDb()
			.from('fields')
			.update(fieldRow(form.data))
			.eq('id', field.id)
			.select('name_ja, name_en');
		if (e?.code === UNIQUE_VIOLATION) return setError(form, 'slug', m.admin_error_slug_taken());
		if (e) dbFailure(e);
		if (data.length === 0) error(403, 'Forbidden');
		return message(form, m.admin_saved({ name: localName(data[0], getLocale()) }));
	}
};
