// An organization's logo (its owners and editors, and coordinators): upload
// one (processed and stored like every photo, upload.ts) or remove it. Its alt
// text is the organization's name, so nothing more is asked.
import { error, fail } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { setOrganizationLogo } from '$lib/server/db/orgs';
import { requestDb } from '$lib/server/db/request';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { postedFile, storeUpload } from '$lib/server/images/upload';
import { logEvent } from '$lib/server/log';
import { loadOrganization } from '$lib/server/orgs/load';
import type { Actions, PageServerLoad } from './$types';

/** (no typed fields: the schema carries the file's errors) */
const logoSchema = () => z.object({ logo: z.string().optional() });

async function editable(slug: string) {
	const { user } = requireUser();
	const { org, can } = await loadOrganization(slug);
	if (!can.edit) error(403, 'Forbidden');
	return { user, org };
}

export const load: PageServerLoad = async ({ params, cookies, url }) => {
	const { org } = await editable(params.slug);
	return {
		org: { id: org.id, slug: org.slug, name: org.name, logo: org.logo },
		form: await superValidate(zod4(logoSchema()), { errors: false }),
		flash: takeFlash(cookies, url)
	};
};

export const actions: Actions = {
	save: async ({ params, request, cookies, url }) => {
		const { user, org } = await editable(params.slug);
		const body = await request.formData();
		const form = await superValidate(body, zod4(logoSchema()));
		const file = postedFile(body, 'logoFile');
		if (!file) return setError(form, 'logo', m.event_cover_choose());
		if (!form.valid) return fail(400, { form });
		const stored = await storeUpload(file, user.id);
		if (!stored.ok) return setError(form, 'logo', stored.message);
		if (!(await setOrganizationLogo(requestDb(), org.id, stored.image.hash)))
			error(403, 'Forbidden');
		logEvent('organization_logo_set', { userId: user.id, organizationId: org.id });
		redirectWithFlash(cookies, url, localizeHref(`/orgs/${org.slug}/logo`), {
			text: m.org_logo_saved(),
			ok: true,
			target: 'logo'
		});
	},
	remove: async ({ params, cookies, url }) => {
		const { user, org } = await editable(params.slug);
		if (!(await setOrganizationLogo(requestDb(), org.id, null))) error(403, 'Forbidden');
		logEvent('organization_logo_removed', { userId: user.id, organizationId: org.id });
		redirectWithFlash(cookies, url, localizeHref(`/orgs/${org.slug}/logo`), {
			text: m.org_logo_removed(),
			ok: true,
			target: 'logo'
		});
	}
};
