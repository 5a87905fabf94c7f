// User-written Markdown -> safe HTML. This function's output is the only thing
// that may ever go through {@html} (docs/ARCHITECTURE.md, "User text").
//
// Two layers: marked never emits the author's raw HTML (it is shown as text),
// and sanitize-html then keeps only an allow-list of tags and attributes, so a
// bug or surprise in either one alone cannot let script through.
import { LRUCache } from 'lru-cache';
import { Marked, type MarkedExtension } from 'marked';
import sanitizeHtml from 'sanitize-html';

export const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const OPTIONS: MarkedExtension = {
	gfm: true,
	breaks: true,
	async: false,
	renderer: {
		// raw HTML blocks and inline tags in the source are shown as written, never interpreted
		html: ({ text, block }) => (block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text)),
		// images are not allowed: keep the alt text only
		image: ({ text }) => escapeHtml(text)
	}
};

const marked = new Marked(OPTIONS);

const LINK_REL = 'nofollow ugc noopener';
const ABSOLUTE_LINK = /^(https?:\/\/|mailto:|tel:)/i;

const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'br',
		'strong',
		'em',
		'del',
		'ul',
		'ol',
		'li',
		'blockquote',
		'code',
		'pre',
		'hr',
		'h2',
		'h3',
		'h4',
		'a'
	],
	allowedAttributes: { a: ['href', 'rel'] },
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowedSchemesByTag: {},
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	// the page's own heading is h1: the author's headings start at h2
	transformTags: {
		h1: 'h2',
		h5: 'h4',
		h6: 'h4',
		// only absolute http(s), mailto and tel links keep their target (no relative or
		// protocol-relative ones); the scheme check below still applies to what is left
		a: (tagName, attribs) => {
			const kept: sanitizeHtml.Attributes = {};
			if (attribs.href && ABSOLUTE_LINK.test(attribs.href)) kept.href = attribs.href;
			kept.rel = LINK_REL;
			return { tagName, attribs: kept };
		}
	}
};

/**
 * Renders Markdown (GFM, single line breaks kept) to sanitised HTML. `extension` adds syntax on
 * top of the same rules (post mentions, `posts/render.ts`); what it emits still goes through the
 * same allow-list.
 */
export function renderMarkdown(source: string, extension?: MarkedExtension): string {
	if (extension) return render(source, new Marked(OPTIONS, extension));
	let html = rendered.get(source ?? '');
	if (html === undefined) {
		html = render(source, marked);
		rendered.set(source ?? '', html);
	}
	return html;
}

const render = (source: string, parser: Marked) =>
	sanitizeHtml(parser.parse(source ?? '', { async: false }), SANITIZE).trim();

// The same source always gives the same HTML: an event's or an organization's text is
// rendered once, not at every view of its page (marked and sanitize-html were 3% of an event
// page's CPU). By the text itself, so nothing kept can be out of date; 4 million characters
// of source and HTML at most.
const rendered = new LRUCache<string, string>({
	maxSize: 4 * 1024 * 1024,
	sizeCalculation: (html, source) => html.length + source.length + 1
});
