// The fetch supabase-js is given on the server: PostgREST calls go through
// undici's request() instead of the global fetch. Node's fetch is the same
// HTTP client under the WHATWG machinery (a Request, web streams and an
// AbortSignal per call): measured against a local PostgREST, 0.64–1.1 ms of
// CPU per call where request() and a Response built from the whole body take
// 0.44–0.54, and a page makes 3 to 18 calls (bench/README.md, fifth round).
// Anything that is not a plain call with a text body (storage uploads and
// downloads, auth) keeps the global fetch. Relative imports only: the worker
// and the tests use it outside SvelteKit.
import { STATUS_CODES } from 'node:http';
import { request } from 'undici';

/** Statuses whose Response must not have a body. */
const NULL_BODY = new Set([204, 205, 304]);

export const serverFetch: typeof fetch = async (input, init) => {
	const url = typeof input === 'string' ? input : input instanceof URL ? input.href : null;
	const body = init?.body;
	if (url === null || !url.includes('/rest/v1/') || (body != null && typeof body !== 'string')) {
		return fetch(input, init);
	}
	const res = await request(url, {
		method: (init?.method ?? 'GET') as 'GET',
		headers: headerRecord(init?.headers),
		body: body ?? undefined,
		signal: init?.signal ?? undefined
	});
	const text = await res.body.text();
	const headers = new Headers();
	for (const [name, value] of Object.entries(res.headers)) {
		if (Array.isArray(value)) for (const v of value) headers.append(name, v);
		else if (value !== undefined) headers.set(name, value);
	}
	return new Response(NULL_BODY.has(res.statusCode) ? null : text, {
		status: res.statusCode,
		statusText: STATUS_CODES[res.statusCode] ?? '',
		headers
	});
};

function headerRecord(h: HeadersInit | undefined): Record<string, string> {
	if (!h) return {};
	if (h instanceof Headers || Array.isArray(h)) return Object.fromEntries(h);
	return h;
}
