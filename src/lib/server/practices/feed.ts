// /practices.atom: Atom 1.0 (RFC 4287) of newly published practices. Pure:
// the route reads the practices and answers with atomResponse (an ETag, of
// the data's version or of the body, and Last-Modified of the newest change,
// 304 for either validator, and the caching the caller chooses, like the
// .ics feeds).
import { imageSources } from '$lib/images/srcset';
import { bodyTag, cachedResponse, unchangedResponse } from '$lib/server/http/cached';
import type { PracticeCard } from '$lib/practices/types';

export type FeedPractice = Pick<
	PracticeCard,
	'id' | 'title' | 'summary' | 'leadOrganization' | 'publishedAt' | 'updatedAt' | 'cover' | 'fields'
>;

export interface AtomContext {
	/** the site's origin, https://tsunagu.city.example: every link is absolute */
	origin: string;
	/** the feed's title */
	title: string;
	/** the list page the feed is of (rel=alternate), absolute */
	pageUrl: string;
	/** the feed's own address (rel=self), absolute */
	selfUrl: string;
	/** the feed's author: the site (an entry whose lead is hidden from the reader has none) */
	siteName: string;
}

/** Text for XML character data and attribute values (also strips what XML 1.0 forbids). */
export const escapeXml = (s: string) =>
	s
		// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot carry
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');

const iso = (value: string) => new Date(value).toISOString();

/** When the feed last changed: its newest publication or edit (the epoch when empty). */
export function feedUpdated(practices: FeedPractice[]): Date {
	const times = practices.flatMap((p) => [p.updatedAt, p.publishedAt ?? p.updatedAt]);
	return new Date(Math.max(0, ...times.map((t) => new Date(t).getTime())));
}

export function buildPracticesAtom(practices: FeedPractice[], ctx: AtomContext): string {
	const practiceUrl = (id: string) => `${ctx.origin}/practices/${id}`;
	const entries = practices.map((p) => {
		const url = practiceUrl(p.id);
		const cover = p.cover ? new URL(imageSources(p.cover).src, ctx.origin).href : null;
		return [
			'  <entry>',
			`    <id>${escapeXml(url)}</id>`,
			`    <title type="text">${escapeXml(p.title)}</title>`,
			`    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
			cover ? `    <link rel="enclosure" type="image/jpeg" href="${escapeXml(cover)}"/>` : null,
			`    <published>${iso(p.publishedAt ?? p.updatedAt)}</published>`,
			`    <updated>${iso(p.updatedAt)}</updated>`,
			// a lead hidden from the public comes without a name: the entry is the feed's author's
			p.leadOrganization.slug
				? `    <author><name>${escapeXml(p.leadOrganization.name)}</name><uri>${escapeXml(`${ctx.origin}/orgs/${p.leadOrganization.slug}`)}</uri></author>`
				: null,
			...p.fields.map(
				(f) => `    <category term="${escapeXml(f.slug)}" label="${escapeXml(f.name_ja)}"/>`
			),
			`    <summary type="text">${escapeXml(p.summary)}</summary>`,
			'  </entry>'
		]
			.filter((line) => line !== null)
			.join('\n');
	});
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
		`  <id>${escapeXml(ctx.pageUrl)}</id>`,
		`  <title type="text">${escapeXml(ctx.title)}</title>`,
		`  <updated>${feedUpdated(practices).toISOString()}</updated>`,
		`  <author><name>${escapeXml(ctx.siteName)}</name><uri>${escapeXml(ctx.origin)}/</uri></author>`,
		`  <link rel="self" type="application/atom+xml" href="${escapeXml(ctx.selfUrl)}"/>`,
		`  <link rel="alternate" type="text/html" href="${escapeXml(ctx.pageUrl)}"/>`,
		...entries,
		'</feed>',
		''
	].join('\n');
}

/**
 * The feed's response: application/atom+xml, ETag (`etag`, a versionTag, or a
 * hash of the body), Last-Modified (`updated`, whole seconds), Cache-Control;
 * 304 when If-None-Match matches, or (without If-None-Match) when
 * If-Modified-Since is not before Last-Modified.
 */
export function atomResponse(
	request: Request,
	body: string,
	updated: Date,
	opts: { cacheControl: string; etag?: string }
): Response {
	const lastModified = new Date(Math.floor(updated.getTime() / 1000) * 1000);
	const validators = { 'last-modified': lastModified.toUTCString() };
	// If-Modified-Since counts only without If-None-Match (RFC 9110, 13.2.2)
	const since = Date.parse(request.headers.get('if-modified-since') ?? '');
	if (!request.headers.has('if-none-match') && lastModified.getTime() <= since)
		return unchangedResponse(opts.etag ?? bodyTag(body), opts.cacheControl, validators);
	return cachedResponse(request, body, {
		contentType: 'application/atom+xml; charset=utf-8',
		cacheControl: opts.cacheControl,
		etag: opts.etag,
		validators
	});
}
