// The short address of an event (/e/<code>) that a person can type from a
// flyer. Codes are made by the database (private.new_event_short_code in
// supabase/migrations/20261204000000_event_details.sql): six characters from
// an alphabet without look-alikes (no 0/o, no 1/l).
export const SHORT_CODE_ALPHABET = '23456789abcdefghijkmnpqrstuvwxyz';
export const SHORT_CODE = /^[2-9a-kmnp-z]{6}$/;

/**
 * What a person typed, as a code: full-width letters and digits folded
 * (ＡＢＣ１２３, typed with a Japanese keyboard), spaces and hyphens dropped,
 * lower case; null when it cannot be a code.
 */
export function normalizeShortCode(typed: string): string | null {
	const code = typed
		.normalize('NFKC')
		.replace(/[\s\-‐‑–—ー]/g, '')
		.toLowerCase();
	return SHORT_CODE.test(code) ? code : null;
}

/** The path people type: /e/abc234 (the page shows it with the site's host). */
export const shortPath = (code: string) => `/e/${code}`;
