// Organization addresses (/orgs/<slug>): readable from the Latin letters of a
// name when it has enough of them, else a short random id (most Japanese names).

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export function randomSlug(prefix = 'org'): string {
	const bytes = new Uint8Array(6);
	crypto.getRandomValues(bytes);
	return `${prefix}-${[...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}

export function slugFromName(name: string): string {
	const latin = name
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
	return latin.length >= 3 ? latin : randomSlug();
}
