// Shapes of what people type and of the ids in addresses: one home for every
// pattern, the same as the check constraints in the migrations (a value that
// passes a form must never be refused by the database).

/** As organizations/events `contact_email`. */
export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Digits (half or full width), +, brackets, hyphens, long vowel marks, spaces: as `contact_phone`. */
export const PHONE = /^[0-9０-９+()（）\- ー－]+$/;

/** Dashes that IMEs and copied text produce, read as the hyphen PHONE allows. */
export const normalizePhone = (value: string) => value.replace(/[‐‑‒–—―−]/g, '-');

/** Addresses of areas, fields and organizations: lower-case words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A UUID in its canonical textual form (any version): ids of profiles and most rows. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An absolute http(s) address with a dotted host (no javascript:, no bare words). */
export function isHttpUrl(value: string) {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
	} catch {
		return false;
	}
}
