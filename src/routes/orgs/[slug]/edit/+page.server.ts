import { error, redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import type { OrgKind } from '$lib/orgs/kinds';
import { requireUser } from '$lib/server/auth/guard';
import { updateOrganization } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';
import { logEvent } from '$lib/server/log';
import { orgChoices } from '$lib/server/orgs/choices';
import { organizationSchema } from '$lib/server/orgs/forms';
import { loadOrganization } from '$lib/server/orgs/load';
import type { Actions, PageServerLoad } from './$types';

async function editable(slug: string) {
	requireUser();
	const loaded = await loadOrganization(slug);
	if (!loaded.can.edit) error(403, 'Forbidden');
	const current = {
		areaIds: loaded.org.areas.map((a) => a.id),
		fieldIds: loaded.org.fields.map((f) => f.id)
	};
	return { ...loaded, current, choices: await orgChoices(requestDb(), current) };
}

export const load: PageServerLoad = async ({ params }) => {
	const { org, current, choices } = await editable(params.slug);
	const values = {
		name: org.name,
		kana: org.kana ?? '',
		slug: org.slug,
		kind: org.kind,
		municipalityWide: org.municipalityWide,
		areaIds: current.areaIds,
		fieldIds: current.fieldIds,
		description: org.description,
		contactEmail: org.contactEmail ?? '',
		contactPhone: org.contactPhone ?? '',
		website: org.website ?? ''
	};
	return {
		org: { name: org.name, slug: org.slug },
		areas: choices.areas,
		fields: choices.fields,
		form: await superValidate(values, zod4(organizationSchema(choices.allowed)), { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ params, request, locals }) => {
		const { org, choices } = await editable(params.slug);
		const form = await superValidate(request, zod4(organizationSchema(choices.allowed)));
		if (!form.valid) return fail(400, { form });
		const saved = await updateOrganization(requestDb(), org.id, {
			...form.data,
			kind: form.data.kind as OrgKind
		});
		// the role changed since the page was loaded
		if (!saved.ok) error(403, 'Forbidden');
		logEvent('organization_updated', { userId: locals.user?.id, organizationId: org.id });
		redirect(303, localizeHref(`/orgs/${org.slug}`));
	}
};
