import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { areaRow, areaSchema } from '$lib/server/admin/forms';
import { nextSortOrder, rowActions, UNIQUE_VIOLATION } from '$lib/server/admin/taxonomy';
import { requireAdmin } from '$lib/server/auth/guard';
import { requestDb } from '$lib/server/db/request';
import { listAreas } from '$lib/server/db/taxonomy';
import { localName } from '$lib/taxonomy/names';
import type { Actions, PageServerLoad } from './$types';
import { dbFailure } from '$lib/server/db/errors';

export const load: PageServerLoad = async () => {
	requireAdmin();
	const [areas, createForm] = await Promise.all([
		listAreas(requestDb(), { includeRetired: true }),
		superValidate(zod4(areaSchema()), { id: 'create' })
	]);
	return { areas, createForm };
};

export const actions: Actions = {
	create: async ({ request }) => {
		requireAdmin();
		const form = await superValidate(request, zod4(areaSchema()), { id: 'create' });
		if (!form.valid) return fail(400, { form });
		const db = requestDb();
		const { error } = await db
			.from('areas')
			.insert({ ...areaRow(form.data), sort_order: await nextSortOrder('areas') });
		if (error?.code === UNIQUE_VIOLATION) return setError(form, 'slug', m.admin_error_slug_taken());
		if (error) dbFailure(error);
		const name = localName({ name_ja: form.data.nameJa, name_en: form.data.nameEn }, getLocale());
		// an empty form again, also without JavaScript
		form.data = (await superValidate(zod4(areaSchema()), { id: 'create' })).data;
		return message(form, m.admin_created({ name }));
	},
	...rowActions('areas')
};
