import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { sendPasswordReset } from '$lib/server/auth/account';
import { passwordResetRequestSchema } from '$lib/server/auth/forms';
import { mailThrottleFor, recordAttempt } from '$lib/server/auth/throttle';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

// パスワードを忘れた方: the same answer whether or not the address has an
// account (request_password_reset sends a link only when it has one), and the
// same limits for both (3 an hour per address, 10 in 15 minutes per client).
export const load: PageServerLoad = async () => ({
	form: await superValidate(zod4(passwordResetRequestSchema()))
});

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate(event.request, zod4(passwordResetRequestSchema()));
		if (!form.valid) return fail(400, { form });
		const { email } = form.data;
		const ip = event.getClientAddress();
		const retryAfter = await mailThrottleFor('password_reset', email, ip);
		if (retryAfter > 0) {
			logEvent('password_reset_throttled', { ip, retryAfter });
			event.setHeaders({ 'retry-after': String(retryAfter) });
			return message(form, m.reset_throttled({ minutes: Math.ceil(retryAfter / 60) }), {
				status: 429
			});
		}
		await recordAttempt('password_reset', email, ip, true);
		await sendPasswordReset(email);
		logEvent('password_reset_requested', { ip });
		return message(form, m.reset_sent());
	}
};
