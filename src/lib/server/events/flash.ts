// After an action on an event page (join, leave, a date moved, an applicant
// added…) the person lands at its result: the action answers 303 to the
// page's own address with an anchor (#occurrence-<id>, #attendee-<id>), so
// that reloading repeats nothing, and the short message travels in a
// one-time cookie that the page's load reads and deletes (Post/Redirect/Get).
// With use:enhance SvelteKit follows the same redirect with goto(), which
// scrolls to the anchor; FlashNotice.svelte then takes the focus so that
// screen readers read the message.
//
// Why not sveltekit-flash-message: its cookie is readable by scripts and
// valid for the whole site, and after a client-side redirect it leaves the
// cookie for its client store to clear, which belongs in the root layout.
// Here the cookie is HttpOnly, limited to the one page it is for, and always
// deleted by that page's load, JavaScript or not.
import { redirect, type Cookies } from '@sveltejs/kit';
import { z } from 'zod';

const COOKIE = 'tsunagu_flash';

/** A short answer to an action, shown once next to `target` (an element id on the page). */
export interface Flash {
	text: string;
	ok: boolean;
	target: string;
}

const stored = z.object({
	text: z.string().max(500),
	ok: z.boolean(),
	target: z.string().regex(/^[\w-]{1,80}$/),
	path: z.string()
});

/**
 * Ends an action: the message for the next load of `path` (a localized page
 * path, e.g. /en/events/<id>) and a 303 to `path` + `search` + `#target`.
 */
export function redirectWithFlash(
	cookies: Cookies,
	url: URL,
	path: string,
	flash: Flash,
	search = ''
): never {
	cookies.set(COOKIE, JSON.stringify({ ...flash, path }), {
		path,
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		// long enough for a slow phone to follow the redirect; never shown twice
		maxAge: 120
	});
	redirect(303, `${path}${search}#${flash.target}`);
}

/** The message left for this page by the action just before, once; null when there is none. */
export function takeFlash(cookies: Cookies, url: URL): Flash | null {
	const raw = cookies.get(COOKIE);
	if (!raw) return null;
	let parsed: z.infer<typeof stored> | null;
	try {
		parsed = stored.parse(JSON.parse(raw));
	} catch {
		parsed = null;
	}
	// a cookie for another page (a longer path sends both) stays for that page
	if (parsed && parsed.path !== url.pathname) return null;
	cookies.delete(COOKIE, {
		path: parsed?.path ?? url.pathname,
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
	return parsed && { text: parsed.text, ok: parsed.ok, target: parsed.target };
}
