import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import type { Db } from '$lib/server/db/client';
import { mySuspension } from '$lib/server/db/moderation';
import { myMemberships } from '$lib/server/orgs/memberships';
import { requestDb } from '$lib/server/db/request';
import { createThread } from '$lib/server/db/threads';
import { redirectWithFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import { orgChoices } from '$lib/server/orgs/choices';
import { renderPost } from '$lib/server/posts/render';
import { threadSchema } from '$lib/server/threads/forms';
import type { Actions, PageServerLoad } from './$types';

/** Areas and fields in use, and the organizations the person belongs to (a thread may be about one). */
async function choices(db: Db, userId: string) {
	const [{ areas, fields, allowed }, memberships] = await Promise.all([
		orgChoices(db),
		myMemberships(db, userId)
	]);
	const organizations = memberships
		.map((o) => ({ id: o.id, name: o.name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
	return {
		areas,
		fields,
		organizations,
		allowed: { ...allowed, organizationIds: new Set(organizations.map((o) => o.id)) }
	};
}

export const load: PageServerLoad = async () => {
	const { user } = requireUser();
	const db = requestDb();
	const [{ areas, fields, organizations, allowed }, suspension] = await Promise.all([
		choices(db, user.id),
		mySuspension(db, user.id)
	]);
	return {
		areas,
		fields,
		organizations,
		suspension,
		form: await superValidate(zod4(threadSchema(allowed)), { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ request, url, cookies }) => {
		const { user } = requireUser();
		const db = requestDb();
		const { allowed } = await choices(db, user.id);
		const form = await superValidate(request, zod4(threadSchema(allowed)));
		if (!form.valid) return fail(400, { form });
		// the first post: nobody else takes part yet, so no mentions
		const rendered = renderPost(form.data.body, []);
		const created = await createThread(db, {
			title: form.data.title,
			body: form.data.body,
			bodyHtml: rendered.html,
			areaId: form.data.areaId || null,
			organizationId: form.data.organizationId || null,
			fieldIds: form.data.fieldIds,
			isQuestion: form.data.isQuestion
		});
		if (!created.ok) {
			const r = created.refusal;
			// the title's own limit next to the title, everything else (rates, links, suspension) at the text
			const field =
				r === 'thread_rate' || r === 'suspended' || r === 'unverified' || r === 'sign_in'
					? 'title'
					: 'body';
			return setError(form, field, refusalMessage(r));
		}
		logEvent('thread_created', { userId: user.id, threadId: created.id });
		return redirectWithFlash(cookies, url, localizeHref(`/threads/${created.id}`), {
			text: m.thread_created(),
			ok: true,
			target: 'thread-top'
		});
	}
};
