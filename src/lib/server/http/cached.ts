// Responses that clients and caches may keep (feeds, open data): an ETag, 304 on
// a matching If-None-Match, and the caching the caller chooses. One way for
// every feed: .ics, Atom, CSV and JSON alike.
//
// The ETag is a hash of the body, or (versionTag) of what the body is made
// from, when that is known before the body is: then notModified answers a
// poll without reading or rendering anything, and a body made for that tag
// serves every client that asks without it ($lib/server/kept). Such a kept body,
// once asked for again, is sent gzip-compressed to the clients that accept it.
import { createHash } from 'node:crypto';
import { gzippedOnce, type KeptBody } from '$lib/server/kept';

const hash = (text: string | Uint8Array) =>
	createHash('sha256').update(text).digest('base64url').slice(0, 32);

/** The ETag of a body: a hash of it. */
export const bodyTag = (body: string | Uint8Array) => `"${hash(body)}"`;

/** An ETag for a body made from these parts (a data version, the address, the language…). */
export function versionTag(...parts: (string | number)[]): string {
	return `"v${hash(parts.join('\n'))}"`;
}

/** Whether an If-None-Match header names the ETag (weak or strong, or `*`). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Whether an Accept-Encoding header accepts gzip (RFC 9110, 12.5.3): `gzip` or `x-gzip`, or
 * `*` when gzip is not named, with a weight above 0.
 */
export function acceptsGzip(acceptEncoding: string | null): boolean {
	const weights = new Map<string, number>();
	for (const part of (acceptEncoding ?? '').split(',')) {
		const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
		if (!coding) continue;
		const q = params.find((p) => /^q\s*=/.test(p));
		const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/, ''));
		weights.set(coding === 'x-gzip' ? 'gzip' : coding, Number.isNaN(weight) ? 0 : weight);
	}
	return (weights.get('gzip') ?? weights.get('*') ?? 0) > 0;
}

/** A 304 with the validators and caching the full response would carry. */
export const unchangedResponse = (
	etag: string,
	cacheControl: string,
	headers: Record<string, string> = {}
) =>
	new Response(null, { status: 304, headers: { 'cache-control': cacheControl, etag, ...headers } });

/** 304 when the client already has this ETag; null when the body must be sent. */
export function notModified(
	request: Request,
	etag: string,
	cacheControl: string,
	headers: Record<string, string> = {}
): Response | null {
	if (!etagMatches(request.headers.get('if-none-match'), etag)) return null;
	return unchangedResponse(etag, cacheControl, headers);
}

/**
 * Sent with a kept body's responses, 304 included: it may be sent compressed, so caches keep
 * what they hold of it apart by Accept-Encoding.
 */
export const KEPT_VARY = { vary: 'accept-encoding' };

const isKept = (body: string | Uint8Array | KeptBody): body is KeptBody =>
	typeof body === 'object' && 'key' in body && 'bytes' in body;

export function cachedResponse(
	request: Request,
	body: string | Uint8Array<ArrayBuffer> | KeptBody,
	opts: {
		contentType: string;
		cacheControl: string;
		/** a versionTag; a hash of the body when absent */
		etag?: string;
		/** sent with 304 as well (Last-Modified) */
		validators?: Record<string, string>;
		headers?: Record<string, string>;
	}
): Response {
	const kept = isKept(body) ? body : null;
	const bytes = isKept(body) ? body.bytes : body;
	const etag = opts.etag ?? bodyTag(bytes);
	const vary = kept ? KEPT_VARY : {};
	const unchanged = notModified(request, etag, opts.cacheControl, { ...opts.validators, ...vary });
	if (unchanged) return unchanged;
	const headers = {
		'cache-control': opts.cacheControl,
		etag,
		...opts.validators,
		'content-type': opts.contentType,
		...opts.headers,
		...vary
	};
	if (kept?.again && acceptsGzip(request.headers.get('accept-encoding'))) {
		// the same content in another encoding: the tag is weak, as a proxy that compresses makes it
		return new Response(gzippedOnce(kept), {
			headers: { ...headers, etag: `W/${etag}`, 'content-encoding': 'gzip' }
		});
	}
	return new Response(bytes, { headers });
}
