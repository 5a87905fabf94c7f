import { redirect } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import type { OrgKind } from '$lib/orgs/kinds';
import { randomSlug, slugFromName } from '$lib/orgs/slug';
import { requireUser } from '$lib/server/auth/guard';
import { createOrganization } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';
import { refusalMessage } from '$lib/server/forms/refusals';
import { orgChoices } from '$lib/server/orgs/choices';
import { organizationSchema } from '$lib/server/orgs/forms';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireUser();
	const { areas, fields, allowed } = await orgChoices(requestDb());
	return {
		areas,
		fields,
		form: await superValidate(zod4(organizationSchema(allowed)), { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const { user } = requireUser();
		const db = requestDb();
		const { allowed } = await orgChoices(db);
		const form = await superValidate(request, zod4(organizationSchema(allowed)));
		if (!form.valid) return fail(400, { form });

		const input = { ...form.data, kind: form.data.kind as OrgKind };
		let created = await createOrganization(db, {
			...input,
			slug: form.data.slug || slugFromName(form.data.name)
		});
		// an address we chose ourselves may collide: choose a random one instead of bothering the person
		if (!created.ok && !form.data.slug)
			created = await createOrganization(db, { ...input, slug: randomSlug() });
		// a suspended or unconfirmed member creates nothing (private.refuse_suspended,
		// private.refuse_unverified): the message above the form
		if (!created.ok && (created.refusal === 'suspended' || created.refusal === 'unverified'))
			return message(form, refusalMessage(created.refusal), { status: 403 });
		if (!created.ok) return setError(form, 'slug', refusalMessage(created.refusal));
		logEvent('organization_created', { userId: user.id, organizationId: created.id });
		redirect(303, localizeHref(`/orgs/${created.slug}`));
	}
};
