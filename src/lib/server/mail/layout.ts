// What every mail shares: the page around its text (simple HTML that reads on
// a phone), escaping, links into the site in the member's language, the footer
// (why this mail came; for mails a member can turn off, 「このお知らせを停止する」
// with its one-click link and 「通知の設定」), and the mail itself: greeting,
// blocks and footer as text and HTML (composeMail). Pure: no database.
// Relative imports: the worker runs this outside SvelteKit.
import * as m from '../../paraglide/messages.js';

export type MailLocale = 'ja' | 'en';

export interface ComposedMail {
	subject: string;
	text: string;
	html: string;
	ics: string | null;
}

export const escapeHtml = (s: string) =>
	s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');

/** A page of the site in the member's language (English under /en). */
export const siteUrl = (origin: string, locale: MailLocale, path: string) =>
	`${origin.replace(/\/$/, '')}${locale === 'en' ? '/en' : ''}${path}`;

/** An event's page (event mails, the digest, co-host requests, the .ics). */
export const eventUrl = (origin: string, locale: MailLocale, eventId: string) =>
	siteUrl(origin, locale, `/events/${eventId}`);

export interface Footer {
	text: string;
	html: string;
}

/**
 * The footer: `note` (why the mail came, whom to ask), then for a mail the
 * member can turn off the link that stops this kind and the settings page.
 * Mails that cannot be turned off (account mails) pass `unsubscribeUrl: null`
 * and get the note alone.
 */
export function mailFooter(opts: {
	locale: MailLocale;
	origin: string;
	note: string;
	unsubscribeUrl: string | null;
}): Footer {
	const o = { locale: opts.locale };
	const settingsUrl = siteUrl(opts.origin, opts.locale, '/account/notifications');
	const links: [string, string][] = opts.unsubscribeUrl
		? [
				[m.mail_footer_unsubscribe({}, o), opts.unsubscribeUrl],
				[m.mail_footer_settings({}, o), settingsUrl]
			]
		: [];
	const text = ['--', opts.note, ...links.map(([label, url]) => `${label}\n${url}`)].join('\n');
	const small = 'color: #555; font-size: 14px;';
	const html = [
		`<p style="${small}">${escapeHtml(opts.note)}</p>`,
		...(links.length
			? [
					`<p style="${small}">${links.map(([label, url]) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`).join('<br>')}</p>`
				]
			: [])
	].join('\n');
	return { text, html };
}

/** The whole HTML document around a mail's body and footer. */
function mailHtml(locale: MailLocale, body: string, footer: Footer) {
	return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="font-family: sans-serif; font-size: 16px; line-height: 1.7; margin: 0; padding: 16px; max-width: 40em; overflow-wrap: anywhere;">
${body}
${footer.html}
</body></html>`;
}

/** Labelled rows (■label / value) as text and as a definition list. */
function rowsText(rows: [string, string][]) {
	return rows.map(([k, v]) => `■${k}\n${v}`);
}

function rowsHtml(rows: [string, string][]) {
	return `<dl>
${rows.map(([k, v]) => `<dt style="font-weight: bold; margin-top: 0.75em;">${escapeHtml(k)}</dt><dd style="margin: 0;">${escapeHtml(v).replace(/\n/g, '<br>')}</dd>`).join('\n')}
</dl>`;
}

/** A link paragraph: the label then the address, both visible (some mail apps hide link targets). */
function linkHtml(label: string, url: string) {
	return `<p><a href="${escapeHtml(url)}">${escapeHtml(label)} ${escapeHtml(url)}</a></p>`;
}

/**
 * A part of a mail's body: a paragraph, a link (its label and address, both
 * shown), labelled rows, or a part written by its composer as text and HTML.
 */
export type MailBlock =
	| { text: string }
	| { label: string; url: string }
	| { rows: [string, string][] }
	| { text: string; html: string };

const blockText = (b: MailBlock) =>
	'rows' in b ? rowsText(b.rows).join('\n') : 'url' in b ? `${b.label}\n${b.url}` : b.text;

const blockHtml = (b: MailBlock) =>
	'rows' in b
		? rowsHtml(b.rows)
		: 'url' in b
			? linkHtml(b.label, b.url)
			: 'html' in b
				? b.html
				: `<p>${escapeHtml(b.text)}</p>`;

/** Whom a mail goes to: their language and name, and the one-click link when the kind can be stopped. */
export interface Addressee {
	locale: MailLocale;
	origin: string;
	recipientName: string;
	/** the one-click link that stops this kind of mail (absent or null: none) */
	unsubscribeUrl?: string | null;
}

/**
 * A whole mail: 「〇〇 さん」, the blocks (a blank line between them in the
 * text) and the footer, whose note is the generic one unless `footerNote`.
 */
export function composeMail(
	to: Addressee,
	subject: string,
	blocks: MailBlock[],
	extra: { footerNote?: string; ics?: string | null } = {}
): ComposedMail {
	const o = { locale: to.locale };
	const greeting = m.mail_greeting({ name: to.recipientName }, o);
	const footer = mailFooter({
		locale: to.locale,
		origin: to.origin,
		note: extra.footerNote ?? m.mail_footer_generic({}, o),
		unsubscribeUrl: to.unsubscribeUrl ?? null
	});
	const text = [greeting, '', ...blocks.flatMap((b) => [blockText(b), '']), footer.text].join('\n');
	const html = mailHtml(
		to.locale,
		[`<p>${escapeHtml(greeting)}</p>`, ...blocks.map(blockHtml)].join('\n'),
		footer
	);
	return { subject, text, html, ics: extra.ics ?? null };
}

/**
 * The first lines of a post as plain text, from its Markdown: links as their
 * words, no emphasis marks, headings or quote marks; at most `lines` lines
 * and `chars` characters (… when cut).
 */
export function plainExcerpt(markdown: string, lines = 3, chars = 200): string {
	const cleaned = markdown
		.replace(/\r\n?/g, '\n')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.split('\n')
		.map((l) =>
			l
				.replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+)/, '')
				.replace(/(\*\*|__|~~|`)/g, '')
				.trim()
		)
		.filter((l) => l.length > 0);
	let out = cleaned.slice(0, lines).join('\n');
	let cut = cleaned.length > lines;
	const characters = Array.from(out);
	if (characters.length > chars) {
		out = characters.slice(0, chars).join('');
		cut = true;
	}
	return cut ? `${out}…` : out;
}
