// 表彰に推薦する: a member nominates a published practice (?practice=<id>) or
// an organization (?organization=<id>) with a reason; coordinators review it
// at /coordinate/nominations. The nominator and coordinators read it.
import { error } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { nominate, nominationTarget } from '$lib/server/db/nominations';
import { requestDb } from '$lib/server/db/request';
import { redirectWithFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import { nominationSchema, recipientFromParams } from '$lib/server/recognition/forms';
import type { Actions, PageServerLoad } from './$types';

async function targetOf(url: URL) {
	const ref = recipientFromParams(url.searchParams, false);
	if (!ref || 'profileId' in ref) error(404, 'Not Found');
	const item = await nominationTarget(requestDb(), ref);
	if (!item) error(404, 'Not Found');
	return { ref, item };
}

export const load: PageServerLoad = async ({ url, parent }) => {
	requireUser();
	const [{ item }, { suspension }] = await Promise.all([targetOf(url), parent()]);
	return {
		item,
		suspended: suspension !== null,
		form: await superValidate(zod4(nominationSchema()), { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ request, url, cookies }) => {
		const { user } = requireUser();
		const { ref } = await targetOf(url);
		const form = await superValidate(request, zod4(nominationSchema()));
		if (!form.valid) return fail(400, { form });
		const result = await nominate(requestDb(), ref, form.data.reason);
		if (!result.ok) {
			if (result.refusal === 'not_found') error(404, 'Not Found');
			const text = refusalMessage(result.refusal, {
				not_published: m.recognition_refusal_not_published
			});
			if (result.refusal === 'bad_length') return setError(form, 'reason', text);
			return setError(form, '', text, { status: 403 });
		}
		logEvent('nomination_filed', { userId: user.id, nominationId: result.id });
		redirectWithFlash(cookies, url, localizeHref('/recognition/nominations'), {
			text: m.recognition_nominate_done(),
			ok: true,
			target: 'mine'
		});
	}
};
