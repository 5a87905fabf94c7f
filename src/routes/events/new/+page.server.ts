import { redirect } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { requestDb } from '$lib/server/db/request';
import { eventChoices, sentOrganizationIds } from '$lib/server/events/choices';
import { organizationSearch } from '$lib/server/orgs/search';
import { eventSchema } from '$lib/server/events/forms';
import { saveEventForm } from '$lib/server/events/save';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { user } = requireUser();
	const { choices, ...lists } = await eventChoices(requestDb(), user);
	// ?organization=<id> (「この団体でイベントを登録」): chosen when the person may publish for it
	const organizationId = url.searchParams.get('organization') ?? '';
	const initial = choices.organizationIds.has(organizationId) ? { organizationId } : {};
	return {
		...lists,
		form: await superValidate(initial, zod4(eventSchema(choices)), { errors: false })
	};
};

export const actions: Actions = {
	// 「探す」 among the co-hosts: the form comes back as it was typed, with what was found
	findCohosts: async ({ request }) => {
		const { user } = requireUser();
		const db = requestDb();
		const body = await request.formData();
		const { choices, cohosts } = await eventChoices(db, user, undefined, sentOrganizationIds(body));
		const form = await superValidate(body, zod4(eventSchema(choices)), { errors: false });
		return { form, cohostSearch: await organizationSearch(db, body, cohosts) };
	},
	save: async ({ request }) => {
		const { user } = requireUser();
		const db = requestDb();
		const body = await request.formData();
		const { choices } = await eventChoices(db, user, undefined, sentOrganizationIds(body));
		const form = await superValidate(body, zod4(eventSchema(choices)));
		if (!form.valid) return fail(400, { form });
		const status = body.get('intent') === 'publish' ? 'published' : 'draft';
		const saved = await saveEventForm(db, null, form.data, status);
		// a suspended member's event is refused: say so above the form, which keeps what was typed
		if (!saved.ok) return message(form, refusalMessage(saved.refusal), { status: 403 });
		logEvent('event_created', { userId: user.id, eventId: saved.id, status });
		redirect(303, localizeHref(`/events/${saved.id}`));
	}
};
