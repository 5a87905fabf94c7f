import { error } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { areaRow, areaSchema } from '$lib/server/admin/forms';
import { getArea, UNIQUE_VIOLATION } from '$lib/server/admin/taxonomy';
import { requireAdmin } from '$lib/server/auth/guard';
import { requestDb } from '$lib/server/db/request';
import { localName } from '$lib/taxonomy/names';
import type { Actions, PageServerLoad } from './$types';
import { dbFailure } from '$lib/server/db/errors';

export const load: PageServerLoad = async ({ params }) => {
	requireAdmin();
	const area = await getArea(params.id);
	const form = await superValidate(
		{
			slug: area.slug,
			nameJa: area.name_ja,
			nameEn: area.name_en,
			kana: area.kana ?? '',
			description: area.description
		},
		zod4(areaSchema()),
		{ id: 'edit', errors: false }
	);
	return { area, form };
};

export const actions: Actions = {
	save: async ({ request, params }) => {
		requireAdmin();
		const area = await getArea(params.id);
		const form = await superValidate(request, zod4(areaSchema()), { id: 'edit' });
		if (!form.valid) return fail(400, { form });
		const { data, error: e } = await requestDb()
			.from('areas')
			.update(areaRow(form.data))
			.eq('id', area.id)
			.select('name_ja, name_en');
		if (e?.code === UNIQUE_VIOLATION) return setError(form, 'slug', m.admin_error_slug_taken());
		if (e) dbFailure(e);
		if (data.length === 0) error(403, 'Forbidden');
		return message(form, m.admin_saved({ name: localName(data[0], getLocale()) }));
	}
};
