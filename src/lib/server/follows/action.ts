// The 「フォローする／フォローをやめる」 button's action, the same on every page
// that has one (an area, a field, an organization, the member's list): a small
// form with `following` ('true' or 'false') that lands back at the button
// (#follow, or the given anchor) with a flash.
import type { Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guard';
import { setFollowing, type FollowTarget } from '$lib/server/db/follows';
import { requestDb } from '$lib/server/db/request';
import { redirectWithFlash } from '$lib/server/events/flash';
import { readForm } from '$lib/server/forms/small';

export const FOLLOW_ANCHOR = 'follow';

const followSchema = z.object({
	following: z.enum(['true', 'false']),
	// on the member's list, where the form names what it is about
	kind: z.enum(['area', 'field', 'organization']).optional(),
	id: z.uuid().optional()
});

/**
 * Follows or stops following `target` (null: not found; 'posted': the kind
 * and id in the form) and redirects to `path` (not yet localized) + `#anchor`
 * with what happened.
 */
export async function followAction(
	{ request, url, cookies }: { request: Request; url: URL; cookies: Cookies },
	target: FollowTarget | null | 'posted',
	path: string,
	anchor = FOLLOW_ANCHOR
): Promise<never> {
	const { user } = requireUser();
	const form = await readForm(request, followSchema);
	const following = form?.following === 'true';
	const about =
		target !== 'posted' ? target : form?.kind && form.id ? { kind: form.kind, id: form.id } : null;
	const ok =
		form !== null && about !== null && (await setFollowing(requestDb(), user.id, about, following));
	const text = !ok ? m.follow_not_found() : following ? m.follow_followed() : m.follow_unfollowed();
	return redirectWithFlash(cookies, url, localizeHref(path), { text, ok, target: anchor });
}
