// One practice's review (coordinators): everything it says, then 公開する or
// 差し戻す with a comment its author reads (both tell the author). Only a
// submitted practice is reviewed; others show their status.
import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { STORY_SECTIONS } from '$lib/practices/types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { getPractice, publishPractice, returnPractice } from '$lib/server/db/practices';
import { requestDb } from '$lib/server/db/request';
import { redirectWithFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { refuse } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';
import { renderMarkdown } from '$lib/server/markdown';
import type { Actions, PageServerLoad } from './$types';

const returnSchema = () =>
	z.object({
		comment: z
			.string()
			.trim()
			.min(1, m.practice_refusal_comment_required())
			.max(1000, m.practice_review_comment_too_long())
			.default('')
	});

export const load: PageServerLoad = async ({ params }) => {
	requireCoordinator();
	const practice = await getPractice(requestDb(), params.id);
	if (!practice) error(404, 'Not Found');
	const story = STORY_SECTIONS.flatMap((key) => {
		const text = practice.story[key];
		return text ? [{ key, html: renderMarkdown(text) }] : [];
	});
	return {
		practice,
		story,
		returnForm: await superValidate(zod4(returnSchema()), { id: 'return', errors: false })
	};
};

const backToQueue = (event: Parameters<Actions[string]>[0], text: string) =>
	redirectWithFlash(event.cookies, event.url, localizeHref('/coordinate/practices'), {
		text,
		ok: true,
		target: 'queue'
	});

export const actions: Actions = {
	publish: async (event) => {
		const { user } = requireCoordinator();
		const result = await publishPractice(requestDb(), event.params.id);
		if (!result.ok) return refuse(409, 'publish', refusalMessage(result.refusal));
		logEvent('practice_published', { userId: user.id, practiceId: event.params.id });
		backToQueue(event, m.practice_review_published());
	},
	return: async (event) => {
		const { user } = requireCoordinator();
		const returnForm = await superValidate(event.request, zod4(returnSchema()), { id: 'return' });
		if (!returnForm.valid) return fail(400, { returnForm });
		const result = await returnPractice(requestDb(), event.params.id, returnForm.data.comment);
		if (!result.ok) {
			if (result.refusal === 'comment_required' || result.refusal === 'bad_length')
				return setError(returnForm, 'comment', refusalMessage(result.refusal));
			return message(returnForm, refusalMessage(result.refusal), { status: 409 });
		}
		logEvent('practice_returned', { userId: user.id, practiceId: event.params.id });
		backToQueue(event, m.practice_review_returned());
	}
};
