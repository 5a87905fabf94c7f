// 「ありがとう」 on a practice, organization or person page: what the ThanksBox
// shows (loadThanks) and the page's ?/thank action (thankAction), the same on
// every page that has one. The form is small (one optional message): a refusal
// comes back on the page with the typed message kept; a thanks lands back at
// the box (#thanks) with a flash.
import type { Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { thanksPermission, type ThanksRecipientFacts, type Viewer } from '$lib/permissions';
import { THANKS_MESSAGE_MAX, type RecipientRef, type ThanksSummary } from '$lib/recognition/types';
import { requireUser } from '$lib/server/auth/guard';
import type { Db } from '$lib/server/db/client';
import { requestDb } from '$lib/server/db/request';
import { thank, thanksFor } from '$lib/server/db/thanks';
import { myMemberships } from '$lib/server/orgs/memberships';
import { redirectWithFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { refuse } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';

export const THANKS_ANCHOR = 'thanks';

/** What the ThanksBox of `facts` shows to `viewer`. */
export async function loadThanks(
	db: Db,
	ref: RecipientRef,
	facts: ThanksRecipientFacts,
	viewer: Viewer,
	suspended: boolean
): Promise<ThanksSummary> {
	const [found, memberOf] = await Promise.all([
		thanksFor(db, ref),
		// (whether a thanks would be the person's own)
		facts.kind === 'person' || !viewer
			? new Set<string>()
			: myMemberships(db, viewer.id).then((ms) => new Set(ms.map((mb) => mb.id)))
	]);
	return {
		count: found.count,
		latest: found.latest,
		viewer: thanksPermission(viewer, facts, memberOf, found.thankedToday, suspended)
	};
}

const thanksSchema = z.object({ message: z.string().default('') });

/**
 * Thanks `ref` (null: not found) and lands at `path` (not localized) +
 * #thanks, or answers the refusal with the typed message kept.
 */
export async function thankAction(
	{ request, url, cookies }: { request: Request; url: URL; cookies: Cookies },
	ref: RecipientRef | null,
	path: string
) {
	const { user } = requireUser();
	const parsed = thanksSchema.safeParse(Object.fromEntries(await request.formData()));
	const message = parsed.success ? parsed.data.message.replace(/\r\n/g, '\n').trim() : '';
	if (!ref) return refuse(404, 'thanks', m.refusal_not_found(), { message, field: false });
	if ([...message].length > THANKS_MESSAGE_MAX)
		return refuse(400, 'thanks', m.recognition_thanks_too_long({ max: THANKS_MESSAGE_MAX }), {
			message,
			field: true
		});
	const result = await thank(requestDb(), ref, message || null);
	if (!result.ok) {
		const status =
			result.refusal === 'not_found' ? 404 : result.refusal === 'bad_length' ? 400 : 409;
		return refuse(
			status,
			'thanks',
			refusalMessage(result.refusal, {
				bad_length: () => m.recognition_thanks_too_long({ max: THANKS_MESSAGE_MAX })
			}),
			{ message, field: result.refusal === 'bad_length' }
		);
	}
	logEvent('thanks_given', { userId: user.id, thanksId: result.id });
	return redirectWithFlash(cookies, url, localizeHref(path), {
		text: m.recognition_thanks_done(),
		ok: true,
		target: THANKS_ANCHOR
	});
}
