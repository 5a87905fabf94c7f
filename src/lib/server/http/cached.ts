// Responses that clients and caches may keep (feeds, open data): an ETag that
// is a hash of the body, 304 on a matching If-None-Match, and the caching the
// caller chooses. One way for every feed: .ics, CSV and JSON alike.
import { createHash } from 'node:crypto';

function matches(ifNoneMatch: string | null, etag: string) {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function cachedResponse(
	request: Request,
	body: string,
	opts: { contentType: string; cacheControl: string; headers?: Record<string, string> }
): Response {
	const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
	const cache = { 'cache-control': opts.cacheControl, etag };
	if (matches(request.headers.get('if-none-match'), etag))
		return new Response(null, { status: 304, headers: cache });
	return new Response(body, {
		headers: { ...cache, 'content-type': opts.contentType, ...opts.headers }
	});
}
