// The Content-Security-Policy that SvelteKit writes (svelte.config.js) allows
// images from this site only; the maps of places (src/lib/places/map.ts) load
// their tiles from the tile server the deployment configures
// (TSUNAGU_MAP_TILE_URL), so hooks.server.ts adds that server to `img-src`.
// Pure: the header and the URL in, the new header out.

/**
 * The CSP source of a tile URL template: its origin (`https://tile.openstreetmap.org`),
 * or, when the host has a `{s}` subdomain, a wildcard over what follows
 * (`https://{s}.tile.example.org/…` → `https://*.tile.example.org`). Null for
 * anything that is not a plain http(s) host (a typo must not widen the policy).
 */
export function tileOrigin(template: string): string | null {
	const match = /^(https?):\/\/([^/?#]+)(?:[/?#]|$)/i.exec(template.trim());
	if (!match) return null;
	const scheme = match[1].toLowerCase();
	const authority = match[2];
	if (authority.includes('@')) return null;
	const hostPort = /^([^:]+)(?::(\d{1,5}))?$/.exec(authority);
	if (!hostPort) return null;
	const labels = hostPort[1].split('.');
	const port = hostPort[2];
	// the leftmost label(s) with a placeholder become one `*`: CSP wildcards only the leftmost
	const last = labels.findLastIndex((l) => l.includes('{'));
	const fixed = labels.slice(last + 1);
	// `{s}.example` would be `*.example`: a whole top-level domain, never
	if (last >= 0 && fixed.length < 2) return null;
	let host: string;
	try {
		// the URL parser lower-cases and punycodes the host, and drops a default port
		const url = new URL(`${scheme}://${fixed.join('.')}${port ? `:${port}` : ''}`);
		if (!/^[a-z0-9.-]+$/.test(url.hostname)) return null;
		host = url.host;
	} catch {
		return null;
	}
	return `${scheme}://${last >= 0 ? '*.' : ''}${host}`;
}

/**
 * `csp` with `source` added to its `img-src`. Without an `img-src` the images
 * follow `default-src`, so the new `img-src` starts as a copy of it; without
 * either, images are not restricted and the policy stays as it is.
 */
export function allowImages(csp: string, source: string): string {
	const directives = csp
		.split(';')
		.map((d) => d.trim().split(/\s+/))
		.filter((tokens) => tokens[0] !== '');
	const named = (name: string) => directives.find((tokens) => tokens[0].toLowerCase() === name);
	// browsers obey the first of two directives with the same name
	const img = named('img-src');
	if (img) {
		if (img.slice(1).some((s) => s === source || s === '*')) return csp;
		// 'none' with another source would be ignored by browsers anyway
		const sources = img.slice(1).filter((s) => s.toLowerCase() !== "'none'");
		img.splice(1, img.length - 1, ...sources, source);
	} else {
		const fallback = named('default-src');
		if (!fallback) return csp;
		const sources = fallback.slice(1).filter((s) => s.toLowerCase() !== "'none'");
		directives.push(['img-src', ...sources, source]);
	}
	return directives.map((tokens) => tokens.join(' ')).join('; ');
}
