// /practices.atom: the Atom document (well-formed, escaped, absolute links,
// dates) and its response (ETag, Last-Modified, Cache-Control, 304s). Parsed
// with htmlparser2 in XML mode, as a feed reader would read it.
import { parseDocument, DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import {
	atomResponse,
	buildPracticesAtom,
	escapeXml,
	feedUpdated,
	type FeedPractice
} from '$lib/server/practices/feed';

const ctx = {
	origin: 'https://tsunagu.city.example',
	title: 'つなぐ 新着の実践事例',
	pageUrl: 'https://tsunagu.city.example/practices',
	selfUrl: 'https://tsunagu.city.example/practices.atom',
	siteName: 'つなぐ'
};

const practice = (over: Partial<FeedPractice> = {}): FeedPractice => ({
	id: '11111111-1111-4111-8111-111111111111',
	title: 'こども食堂 <script>alert(1)</script> & "みんな"',
	summary: '毎月 <b>第2土曜</b> & 第4土曜\u0001',
	leadOrganization: {
		id: 'o1',
		slug: 'kodomo',
		name: '常盤平こども食堂の会 & 仲間',
		kind: 'npo',
		logo: null
	},
	publishedAt: '2026-12-01T01:00:00.000Z',
	updatedAt: '2026-12-02T03:04:05.678Z',
	cover: { hash: 'a'.repeat(64), width: 1600, height: 1200, alt: '食事の様子' },
	fields: [
		{ id: 'f1', slug: 'children', name_ja: '子ども・子育て', name_en: 'Children', color: 'orange' }
	],
	...over
});

const parse = (xml: string) => parseDocument(xml, { xmlMode: true });
const text = (el: ReturnType<typeof DomUtils.findOne>) => (el ? DomUtils.textContent(el) : null);

describe('buildPracticesAtom', () => {
	it('is Atom 1.0 with escaped text and absolute links', () => {
		const xml = buildPracticesAtom(
			[practice(), practice({ id: '22222222-2222-4222-8222-222222222222', cover: null })],
			ctx
		);
		expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
		expect(xml).not.toContain('<script>');
		expect(xml).not.toContain('<b>');
		expect(xml).not.toContain('\u0001');
		const doc = parse(xml);
		const feed = DomUtils.findOne((e) => e.name === 'feed', doc.children)!;
		expect(feed.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
		const entries = DomUtils.getElementsByTagName('entry', doc);
		expect(entries).toHaveLength(2);
		const first = entries[0];
		const one = (name: string) => DomUtils.findOne((e) => e.name === name, first.children);
		expect(text(one('title'))).toBe('こども食堂 <script>alert(1)</script> & "みんな"');
		expect(text(one('summary'))).toBe('毎月 <b>第2土曜</b> & 第4土曜');
		expect(text(one('id'))).toBe(`${ctx.origin}/practices/${practice().id}`);
		expect(text(one('published'))).toBe('2026-12-01T01:00:00.000Z');
		expect(text(one('updated'))).toBe('2026-12-02T03:04:05.678Z');
		const links = DomUtils.getElementsByTagName('link', first);
		expect(links.map((l) => [l.attribs.rel, l.attribs.href])).toEqual([
			['alternate', `${ctx.origin}/practices/${practice().id}`],
			['enclosure', `${ctx.origin}/images/${'a'.repeat(64)}/800.jpg`]
		]);
		expect(text(DomUtils.getElementsByTagName('name', first)[0])).toBe(
			'常盤平こども食堂の会 & 仲間'
		);
		expect(DomUtils.getElementsByTagName('category', first)[0].attribs).toEqual({
			term: 'children',
			label: '子ども・子育て'
		});
		// the second has no cover: no enclosure
		expect(DomUtils.getElementsByTagName('link', entries[1]).map((l) => l.attribs.rel)).toEqual([
			'alternate'
		]);
		const feedLinks = DomUtils.getElementsByTagName('link', feed).filter((l) => l.parent === feed);
		expect(feedLinks.map((l) => [l.attribs.rel, l.attribs.href])).toEqual([
			['self', ctx.selfUrl],
			['alternate', ctx.pageUrl]
		]);
		expect(text(DomUtils.findOne((e) => e.name === 'updated', feed.children))).toBe(
			'2026-12-02T03:04:05.678Z'
		);
	});

	it("names the site as the feed's author, and no lead hidden from the reader", () => {
		// RLS gives a visitor no lead hidden from the public: the card has an empty one
		const hidden = practice({
			id: '33333333-3333-4333-8333-333333333333',
			leadOrganization: { id: '', slug: '', name: '', kind: 'other', logo: null }
		});
		const xml = buildPracticesAtom([practice(), hidden], ctx);
		expect(xml).not.toContain(`${ctx.origin}/orgs/"`);
		expect(xml).not.toContain('<name></name>');
		const doc = parse(xml);
		const feed = DomUtils.findOne((e) => e.name === 'feed', doc.children)!;
		const feedAuthor = DomUtils.findOne((e) => e.name === 'author', feed.children, false);
		expect(text(feedAuthor)).toBe(`つなぐ${ctx.origin}/`);
		const [shown, withoutLead] = DomUtils.getElementsByTagName('entry', doc);
		expect(DomUtils.getElementsByTagName('author', shown)).toHaveLength(1);
		// an entry without an author has the feed's (RFC 4287, 4.1.2)
		expect(DomUtils.getElementsByTagName('author', withoutLead)).toHaveLength(0);
	});

	it('an empty feed is still valid and dated', () => {
		const doc = parse(buildPracticesAtom([], ctx));
		expect(DomUtils.getElementsByTagName('entry', doc)).toHaveLength(0);
		expect(text(DomUtils.getElementsByTagName('updated', doc)[0])).toBe('1970-01-01T00:00:00.000Z');
	});

	it('escapeXml escapes markup and quotes', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;'
		);
	});
});

describe('atomResponse', () => {
	const body = buildPracticesAtom([practice()], ctx);
	const updated = feedUpdated([practice()]);
	const get = (headers: Record<string, string> = {}) =>
		atomResponse(new Request('https://x.example/practices.atom', { headers }), body, updated, {
			cacheControl: 'public, max-age=300'
		});

	it('answers the feed with its validators and caching', async () => {
		const res = get();
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		expect(res.headers.get('cache-control')).toBe('public, max-age=300');
		expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
		expect(res.headers.get('last-modified')).toBe('Wed, 02 Dec 2026 03:04:05 GMT');
		expect(await res.text()).toBe(body);
	});

	it('304 for a matching ETag, or an If-Modified-Since not before the last change', () => {
		const etag = get().headers.get('etag')!;
		expect(get({ 'if-none-match': etag }).status).toBe(304);
		expect(get({ 'if-none-match': `W/${etag}` }).status).toBe(304);
		expect(get({ 'if-none-match': '"other"' }).status).toBe(200);
		expect(get({ 'if-modified-since': 'Wed, 02 Dec 2026 03:04:05 GMT' }).status).toBe(304);
		expect(get({ 'if-modified-since': 'Wed, 02 Dec 2026 03:04:04 GMT' }).status).toBe(200);
		// an ETag that does not match wins over the date
		expect(
			get({ 'if-none-match': '"other"', 'if-modified-since': 'Wed, 02 Dec 2026 03:04:05 GMT' })
				.status
		).toBe(200);
		expect(get({ 'if-modified-since': 'not a date' }).status).toBe(200);
	});

	it("a caller's ETag (of the data's version) is sent and answered instead of the body's", () => {
		const etag = '"vversion-of-the-data"';
		const tagged = (headers: Record<string, string> = {}) =>
			atomResponse(new Request('https://x.example/practices.atom', { headers }), body, updated, {
				cacheControl: 'public, max-age=300',
				etag
			});
		expect(tagged().headers.get('etag')).toBe(etag);
		expect(tagged({ 'if-none-match': etag }).status).toBe(304);
		expect(tagged({ 'if-none-match': get().headers.get('etag')! }).status).toBe(200);
		const since = tagged({ 'if-modified-since': 'Wed, 02 Dec 2026 03:04:05 GMT' });
		expect(since.status).toBe(304);
		expect(since.headers.get('etag')).toBe(etag);
	});
});
