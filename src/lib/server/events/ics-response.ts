// HTTP responses for .ics feeds: text/calendar, an ETag (a hash of the body, or
// the caller's versionTag) with 304 on If-None-Match (http/cached.ts), and the
// caching the caller chooses; a kept body asked for again goes gzip-compressed.
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import type { FeedContext } from '$lib/server/events/ical';
import { cachedResponse } from '$lib/server/http/cached';
import { attachment, safeFileName } from '$lib/server/http/content-disposition';
import type { KeptBody } from '$lib/server/kept';

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

export function icsResponse(
	request: Request,
	body: string | Uint8Array<ArrayBuffer> | KeptBody,
	opts: { cacheControl: string; filename?: string; etag?: string }
): Response {
	return cachedResponse(request, body, {
		contentType: 'text/calendar; charset=utf-8',
		cacheControl: opts.cacheControl,
		etag: opts.etag,
		headers: opts.filename ? { 'content-disposition': contentDisposition(opts.filename) } : {}
	});
}
