import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { findCredentialsByUser, sendEmailVerification } from '$lib/server/auth/account';
import { requireUser } from '$lib/server/auth/guard';
import { mailThrottleFor, recordAttempt } from '$lib/server/auth/throttle';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

// メールアドレスの確認: where the address stands, and 確認メールをもう一度送る.
// The resend form is also in the banner of every page (VerifyPrompt); it
// always lands here with its answer (Post/Redirect/Get).
export const load: PageServerLoad = async ({ cookies, url }) => {
	const { user } = requireUser();
	const { email } = await findCredentialsByUser(user.id);
	return { email, verified: user.emailVerified, flash: takeFlash(cookies, url) };
};

export const actions: Actions = {
	resend: async (event) => {
		const { user } = requireUser();
		const { cookies, url } = event;
		const land = (text: string, ok: boolean): never =>
			redirectWithFlash(cookies, url, localizeHref('/verify'), { text, ok, target: 'status' });
		if (user.emailVerified) return land(m.verify_already(), true);
		const { email } = await findCredentialsByUser(user.id);
		const ip = event.getClientAddress();
		const retryAfter = await mailThrottleFor('verify_resend', email, ip);
		if (retryAfter > 0) {
			logEvent('verify_resend_throttled', { userId: user.id, ip, retryAfter });
			return land(m.verify_throttled({ minutes: Math.ceil(retryAfter / 60) }), false);
		}
		await recordAttempt('verify_resend', email, ip, true);
		await sendEmailVerification(user.id);
		logEvent('verify_resent', { userId: user.id });
		return land(m.verify_resent(), true);
	}
};
