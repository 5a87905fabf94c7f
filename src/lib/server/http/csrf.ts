// The CSRF origin check, as SvelteKit's own (which svelte.config.js turns off
// so that this one can run instead): a form post (any form content type, any
// unsafe method) whose Origin is not the site's own is refused with 403. One
// exception: the one-click unsubscribe POST (RFC 8058). Mail providers send it
// from their servers without an Origin; it carries no cookie and is authorised
// by the signed token in its address alone, and all it can do is turn one kind
// of mail off for the member the token names.

const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	// SvelteKit's binary form data (remote form functions)
	'application/x-sveltekit-formdata'
];
const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The page of one-click unsubscribe links, in either language. */
export const ONE_CLICK_UNSUBSCRIBE = /^(?:\/en)?\/unsubscribe\/?$/;

/**
 * A one-click POST from a mail provider (no Accept header, or any) is answered
 * as a browser's form post: the page with 200, or 400 for a bad link. Without
 * this SvelteKit would take it for use:enhance's fetch and answer JSON with
 * 200 whatever happened. use:enhance itself (x-sveltekit-action) is left alone.
 */
export function asBrowserFormPost(request: Request, url: URL): Request {
	if (
		request.method !== 'POST' ||
		!ONE_CLICK_UNSUBSCRIBE.test(url.pathname) ||
		request.headers.get('x-sveltekit-action') === 'true'
	)
		return request;
	const headers = new Headers(request.headers);
	headers.set('accept', 'text/html');
	return new Request(request, { headers });
}

/** Whether SvelteKit's rule would refuse this request as a cross-site form post (less the exception). */
export function forbiddenCrossSite(request: Request, url: URL): boolean {
	if (!UNSAFE.includes(request.method)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !(request.method === 'POST' && ONE_CLICK_UNSUBSCRIBE.test(url.pathname));
}
