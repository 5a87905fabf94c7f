// Responses that clients and caches may keep (feeds, open data): an ETag, 304 on
// a matching If-None-Match, and the caching the caller chooses. One way for
// every feed: .ics, Atom, CSV and JSON alike.
//
// The ETag is a hash of the body, or (versionTag) of what the body is made
// from, when that is known before the body is: then notModified answers a
// poll without reading or rendering anything, and a body made for that tag
// serves every client that asks without it ($lib/server/kept).
import { createHash } from 'node:crypto';

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

export function cachedResponse(
	request: Request,
	body: string | Uint8Array<ArrayBuffer>,
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
	const etag = opts.etag ?? bodyTag(body);
	const unchanged = notModified(request, etag, opts.cacheControl, opts.validators);
	if (unchanged) return unchanged;
	return new Response(body, {
		headers: {
			'cache-control': opts.cacheControl,
			etag,
			...opts.validators,
			'content-type': opts.contentType,
			...opts.headers
		}
	});
}
