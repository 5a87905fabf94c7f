// A 声's page: what was said, where it was raised, where it went and what
// came back, step by step. Its event's organisers and coordinators move it a
// step here (the form checks the path; the database checks it again and keeps
// the history).
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { tokyoDateKey } from '$lib/format';
import { requireUser } from '$lib/server/auth/guard';
import { moveVoice } from '$lib/server/db/voices';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import { stepInput, stepSchema, stepValues } from '$lib/server/voices/forms';
import { loadManagedVoice, loadVoiceContext } from '$lib/server/voices/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, cookies }) => {
	const { voice, canManage } = await loadVoiceContext(params.id);
	const today = tokyoDateKey(new Date());
	return {
		flash: takeFlash(cookies, url),
		voice,
		canManage,
		today,
		stepForm: canManage
			? await superValidate(stepValues(voice, today), zod4(stepSchema(voice, today)), {
					id: 'step',
					errors: false
				})
			: null
	};
};

export const actions: Actions = {
	step: async ({ params, request, url, cookies }) => {
		const { user } = requireUser();
		const { db, voice } = await loadManagedVoice(params.id);
		const today = tokyoDateKey(new Date());
		const form = await superValidate(request, zod4(stepSchema(voice, today)), { id: 'step' });
		if (!form.valid) return fail(400, { form });
		const moved = await moveVoice(db, voice.id, stepInput(form.data));
		if (!moved.ok) {
			const text = refusalMessage(moved.refusal);
			if (moved.refusal === 'voice_needs_reason') return setError(form, 'note', text);
			if (moved.refusal === 'voice_needs_answer') return setError(form, 'answer', text);
			if (moved.refusal === 'voice_bad_date') return setError(form, 'statusOn', text);
			return setError(form, '', text, { status: moved.refusal === 'forbidden' ? 403 : 409 });
		}
		logEvent('voice_moved', { userId: user.id, voiceId: voice.id, status: form.data.status });
		return redirectWithFlash(cookies, url, localizeHref(`/voices/${voice.id}`), {
			text: m.voice_step_saved(),
			ok: true,
			target: 'path'
		});
	}
};
