// HTTP responses for .ics feeds: text/calendar, an ETag (hash of the body)
// with 304 on If-None-Match, and the caching the caller chooses.
import { createHash } from 'node:crypto';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import type { FeedContext } from '$lib/server/events/ical';
import { attachment, safeFileName } from '$lib/server/http/content-disposition';

export function feedContext(url: URL, name: string): FeedContext {
	return {
		host: url.host,
		name,
		eventUrl: (id) => new URL(localizeHref(`/events/${id}`), url.origin).href,
		labels: {
			cancelled: m.ical_cancelled(),
			waitlisted: m.ical_waitlisted(),
			reminder: m.ical_reminder()
		}
	};
}

/** attachment; filename="…"; filename*=UTF-8''… (RFC 6266 / RFC 5987) */
export function contentDisposition(name: string): string {
	const clean = safeFileName(name) || 'event';
	const ascii = clean.replace(/[^\x20-\x7e]+/g, '_').replace(/_+/g, '_');
	return attachment(`${clean}.ics`, `${/[a-z0-9]/i.test(ascii) ? ascii : 'event'}.ics`);
}

function matches(ifNoneMatch: string | null, etag: string) {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function icsResponse(
	request: Request,
	body: string,
	opts: { cacheControl: string; filename?: string }
): Response {
	const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
	const cache = { 'cache-control': opts.cacheControl, etag };
	if (matches(request.headers.get('if-none-match'), etag))
		return new Response(null, { status: 304, headers: cache });
	const headers: Record<string, string> = {
		...cache,
		'content-type': 'text/calendar; charset=utf-8'
	};
	if (opts.filename) headers['content-disposition'] = contentDisposition(opts.filename);
	return new Response(body, { headers });
}
