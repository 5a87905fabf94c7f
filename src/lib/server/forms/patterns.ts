// Shapes of contact details, the same as the check constraints in the migrations.
export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const PHONE = /^[0-9０-９+()（）\- ー－]+$/;

/** An absolute http(s) address with a dotted host (no javascript:, no bare words). */
export function isHttpUrl(value: string) {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
	} catch {
		return false;
	}
}
