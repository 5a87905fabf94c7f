import { error } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { ReportReason } from '$lib/moderation/types';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { findReportedItem, myReportsOn, reportItem } from '$lib/server/db/moderation';
import { requestDb } from '$lib/server/db/request';
import { redirectWithFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import { firstLines, landingOf, reportSchema, reportTargetOf } from '$lib/server/moderation/report';
import type { Actions, PageServerLoad } from './$types';

/** The item the address names, as the person sees it; 404 when there is none. */
async function reported(url: URL) {
	const target = reportTargetOf(url.searchParams);
	if (!target) error(404, 'Not Found');
	const item = await findReportedItem(requestDb(), target);
	if (!item) error(404, 'Not Found');
	return { target, item };
}

export const load: PageServerLoad = async ({ url, parent }) => {
	const { user } = requireUser();
	const [{ item }, { suspension }] = await Promise.all([reported(url), parent()]);
	const mine = (await myReportsOn(requestDb(), user.id, [item.id])).get(item.id) ?? null;
	const back = landingOf(item);
	return {
		item: {
			kind: item.kind,
			title: item.title,
			excerpt: firstLines(item.text),
			own: item.authorId === user.id
		},
		backHref: `${localizeHref(back.path)}${back.search}#${back.target}`,
		alreadyReported: mine !== null,
		suspended: suspension !== null,
		form: await superValidate(zod4(reportSchema()), { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ request, url, cookies }) => {
		const { user } = requireUser();
		const { target, item } = await reported(url);
		const form = await superValidate(request, zod4(reportSchema()));
		if (!form.valid) return fail(400, { form });
		const reason = form.data.reason as ReportReason;
		const result = await reportItem(requestDb(), target, reason, form.data.details || null);
		if (!result.ok) {
			if (result.refusal === 'not_found') error(404, 'Not Found');
			return message(form, refusalMessage(result.refusal), {
				status: result.refusal === 'suspended' || result.refusal === 'unverified' ? 403 : 409
			});
		}
		logEvent('report_filed', { userId: user.id, reportId: result.id, kind: item.kind, reason });
		const back = landingOf(item);
		redirectWithFlash(
			cookies,
			url,
			localizeHref(back.path),
			{ text: m.report_done(), ok: true, target: back.target },
			back.search
		);
	}
};
