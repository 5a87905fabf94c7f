// Where to send a person after login or sign-up (?redirectTo=…). Only a path
// on this site is accepted; the decision is made the way a browser would read
// the Location header, so that tricks like /\t/evil.example (the browser drops
// the tab and sees //evil.example) or /\evil.example cannot leave the site.

// C0 controls (tab, CR, LF and NUL included), DEL: no link of ours has them
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A same-origin path (with its query and fragment) for `value`, or `fallback`. */
export function safeRedirectTarget(
	value: string | null | undefined,
	origin: string,
	fallback: string
): string {
	if (!value || !value.startsWith('/') || CONTROL.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, origin);
	} catch {
		return fallback;
	}
	if (url.origin !== new URL(origin).origin) return fallback;
	// an encoded //host is harmless to browsers, but not to every proxy in between
	let decoded: string;
	try {
		decoded = decodeURIComponent(url.pathname);
	} catch {
		return fallback;
	}
	if (/^[/\\]{2}/.test(decoded)) return fallback;
	// the parsed form: percent-encoded, so the Location header is plain ASCII
	return url.pathname + url.search + url.hash;
}
