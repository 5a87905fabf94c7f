// Checks that HTML which will go through {@html} holds nothing but the allow-list of
// src/lib/server/markdown.ts: the unit XSS test runs it on renderPost's output, and integration
// and e2e tests can run it on the HTML stored in the database or shown in the page (innerHTML).
//
// Two independent readings of the same string, so that a quirk of one parser cannot hide markup:
// 1. a strict lexical one: every `<` must start a plain allowed tag (`<p>`, `</p>`, `<br />`,
//    `<a href="…" rel="…">`), attribute values double-quoted; anything else is a problem;
// 2. htmlparser2 (what sanitize-html itself parses with; it comes with sanitize-html and is not a
//    dependency of its own in package.json): element and attribute names, the decoded value of
//    every attribute, and no comments, CDATA or declarations.
// Escaped text (`&lt;script&gt;`, `javascript:alert(1)` as words) is fine; markup is not. A
// `<script` in markup can only be an element, which the allow-list already refuses.
import { Parser } from 'htmlparser2';

export const ALLOWED_TAGS: ReadonlySet<string> = new Set([
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
]);
const VOID_TAGS = new Set(['br', 'hr']);
const ALLOWED_ATTRIBUTES: Record<string, ReadonlySet<string>> = { a: new Set(['href', 'rel']) };
const SAFE_HREF = /^(https?:\/\/|mailto:|tel:)/;
/** Never in an attribute (decoded), wherever they appear; hrefs are judged by their scheme. */
const FORBIDDEN_IN_MARKUP = /<script|javascript:|vbscript:|data:/;
/** What browsers skip or strip in a URL's scheme, and more: whitespace and control characters. */
const stripped = (char: string) => {
	const code = char.codePointAt(0) ?? 0;
	return (
		code <= 0x20 || (code >= 0x7f && code <= 0x9f) || /[\s\u00ad\u200b-\u200f\ufeff]/.test(char)
	);
};

const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*="[^"]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([a-z][a-z0-9-]*)="([^"]*)"/g;

/** Decodes the character references a browser would decode in an attribute value. */
function decodeAttribute(raw: string): string {
	let value = '';
	new Parser(
		{
			onattribute(_name, decoded) {
				value = decoded;
			}
		},
		{ decodeEntities: true }
	).end(`<x v="${raw}">`);
	return value;
}

/** A URL as a browser would read its scheme: decoded, without whitespace or controls, lower case. */
export const normaliseUrl = (decoded: string) =>
	[...decoded]
		.filter((char) => !stripped(char))
		.join('')
		.toLowerCase();

function checkAttribute(tag: string, name: string, decoded: string, problems: string[]) {
	if (name.startsWith('on')) problems.push(`event handler attribute ${name} on <${tag}>`);
	if (!ALLOWED_ATTRIBUTES[tag]?.has(name)) problems.push(`attribute ${name} on <${tag}>`);
	const value = normaliseUrl(decoded);
	// A link's scheme decides what following it does: https://ok.example/?q=javascript:x and
	// tel:javascript:alert(1) run nothing, so an href only has to start with a safe scheme.
	if (name === 'href') {
		if (!SAFE_HREF.test(value)) problems.push(`href not http(s)/mailto/tel: ${decoded}`);
	} else if (FORBIDDEN_IN_MARKUP.test(value)) {
		problems.push(`${name}="${decoded}" on <${tag}>`);
	}
}

function lexicalProblems(html: string): string[] {
	const problems: string[] = [];
	let at = html.indexOf('<');
	while (at !== -1) {
		TAG.lastIndex = at;
		const match = TAG.exec(html);
		if (!match) {
			problems.push(`markup that is not a plain allowed tag: ${html.slice(at, at + 60)}`);
			at = html.indexOf('<', at + 1);
			continue;
		}
		const [whole, closing, tag, attributes, selfClosing] = match;
		if (!ALLOWED_TAGS.has(tag)) problems.push(`element <${tag}>`);
		if (closing && (attributes || selfClosing)) problems.push(`malformed closing tag ${whole}`);
		if (selfClosing && !VOID_TAGS.has(tag)) problems.push(`self-closing <${tag} />`);
		const seen = new Set<string>();
		for (const [, name, raw] of attributes.matchAll(ATTRIBUTE)) {
			if (seen.has(name)) problems.push(`attribute ${name} twice on <${tag}>`);
			seen.add(name);
			checkAttribute(tag, name, decodeAttribute(raw), problems);
		}
		at = html.indexOf('<', at + whole.length);
	}
	return problems;
}

function parsedProblems(html: string): string[] {
	const problems: string[] = [];
	let tag = '';
	new Parser(
		{
			onopentagname(name) {
				tag = name;
				if (!ALLOWED_TAGS.has(name)) problems.push(`element <${name}> (parsed)`);
			},
			onattribute(name, value) {
				checkAttribute(tag, name, value, problems);
			},
			onclosetag(name, isImplied) {
				if (!ALLOWED_TAGS.has(name) && !isImplied) problems.push(`closing </${name}> (parsed)`);
			},
			oncomment(data) {
				problems.push(`comment <!--${data}-->`);
			},
			oncdatastart() {
				problems.push('CDATA section');
			},
			onprocessinginstruction(name, data) {
				problems.push(`declaration or processing instruction <${data}>`);
			}
		},
		{ decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
	).end(html);
	return problems;
}

/**
 * What is wrong with `html` as the output of the post pipeline: an empty list when it holds only
 * the allowed elements (p br strong em del ul ol li blockquote code pre hr h2 h3 h4 a), only
 * `href` and `rel` on `a`, every href (decoded, whitespace and controls removed) starting with
 * http://, https://, mailto: or tel:, no other attribute value holding `<script`, `javascript:`,
 * `data:` or `vbscript:`, and no comments, CDATA or declarations. Accepts sanitize-html's
 * serialisation and a browser's innerHTML.
 */
export function xssProblems(html: string): string[] {
	return [...new Set([...lexicalProblems(html), ...parsedProblems(html)])];
}
