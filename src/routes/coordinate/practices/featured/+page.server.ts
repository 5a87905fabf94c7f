// The home page's featured practices (おすすめ): coordinators give up to 6
// published practices a place (1 first). A select per practice, so that it
// works without JavaScript; saving replaces the whole set (set_featured_practices).
import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { MAX_FEATURED_PRACTICES } from '$lib/practices/types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { publishedPracticeChoices, setFeaturedPractices } from '$lib/server/db/practices';
import { requestDb } from '$lib/server/db/request';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

const POSITION = /^[1-6]?$/;

const featuredSchema = () =>
	z
		.object({
			ids: z.array(z.uuid()).default([]),
			positions: z.array(z.string().regex(POSITION)).default([])
		})
		.superRefine((v, ctx) => {
			const chosen = v.positions.filter((p) => p !== '');
			if (new Set(chosen).size !== chosen.length)
				ctx.addIssue({
					code: 'custom',
					path: ['positions'],
					message: m.practice_featured_duplicate()
				});
			if (chosen.length > MAX_FEATURED_PRACTICES)
				ctx.addIssue({
					code: 'custom',
					path: ['positions'],
					message: m.practice_refusal_too_many_featured()
				});
		});

export const load: PageServerLoad = async () => {
	requireCoordinator();
	const practices = await publishedPracticeChoices(requestDb());
	const form = await superValidate(
		{
			ids: practices.map((p) => p.id),
			positions: practices.map((p) => (p.featuredPosition ? String(p.featuredPosition) : ''))
		},
		zod4(featuredSchema()),
		{ errors: false }
	);
	return { practices, form };
};

export const actions: Actions = {
	save: async ({ request }) => {
		const { user } = requireCoordinator();
		const form = await superValidate(request, zod4(featuredSchema()));
		if (!form.valid) return fail(400, { form });
		const ids = form.data.ids
			.map((id, i) => ({ id, at: Number(form.data.positions[i] || 0) }))
			.filter((x) => x.at > 0)
			.sort((a, b) => a.at - b.at)
			.map((x) => x.id);
		const result = await setFeaturedPractices(requestDb(), ids);
		if (!result.ok) return message(form, refusalMessage(result.refusal), { status: 409 });
		logEvent('practices_featured', { userId: user.id, count: ids.length });
		return message(form, m.practice_featured_saved({ count: ids.length }));
	}
};
