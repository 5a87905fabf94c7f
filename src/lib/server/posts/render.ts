// A discussion post's Markdown -> the sanitised HTML stored next to its source (rendered once when
// written, again on edit; never on view), and the people it mentions.
//
// The HTML is renderMarkdown's: the same parser rules and the same allow-list. Mentions are one
// more inline rule of that parser: `@表示名` (or `＠表示名`), where 表示名 is the display name of one
// of the thread's participants, exactly as written. Being a parser rule, a mention is never found
// inside code spans or blocks, link text, autolinks or e-mail addresses, and `\@` keeps an @ plain.
// The name is escaped and the result still goes through the allow-list, so a display name such as
// `<img src=x onerror=alert(1)>` or `](javascript:alert(1))` comes out as text.
import type { MarkedExtension, Tokens } from 'marked';
import { escapeHtml, renderMarkdown } from '$lib/server/markdown';

export interface Participant {
	id: string;
	displayName: string;
}

export interface RenderedPost {
	/** Sanitised HTML: the only form of a post that may go through {@html}. */
	html: string;
	/** Ids of the participants mentioned, each once, in order of first mention. */
	mentions: string[];
}

/** An @ right after one of these is part of an e-mail address or a word, not a mention. */
const NOT_BEFORE_AT = '[A-Za-z0-9._%+-]';
const EMAIL_CHAR = new RegExp(NOT_BEFORE_AT);
const ASCII_WORD = /[A-Za-z0-9_]/;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

interface MentionToken extends Tokens.Generic {
	type: 'mention';
	name: string;
}

/**
 * The marked extension for one post: finds the participants' names (longest first, so 「@山田 花子」
 * wins over 「@山田」) and reports, through `mentioned`, the ids of each name as it is rendered.
 */
function mentionExtension(
	participants: Participant[],
	mentioned: (ids: string[]) => void
): MarkedExtension | undefined {
	const idsByName = new Map<string, string[]>();
	for (const { id, displayName } of participants) {
		const name = displayName.trim();
		if (!name) continue;
		const ids = idsByName.get(name);
		if (!ids) idsByName.set(name, [id]);
		else if (!ids.includes(id)) ids.push(id);
	}
	if (idsByName.size === 0) return undefined;

	// One alternative per name, longest first; a name that ends in a Latin letter or digit must not
	// continue into one (@Tom is not a mention in @Tomas).
	const alternatives = [...idsByName.keys()]
		.sort((a, b) => b.length - a.length)
		.map(
			(name) => escapeRegExp(name) + (ASCII_WORD.test(name.at(-1) ?? '') ? '(?![A-Za-z0-9_])' : '')
		)
		.join('|');
	const atStart = new RegExp(`^[@＠](${alternatives})`);
	const anywhere = new RegExp(`(?<!${NOT_BEFORE_AT})[@＠](?:${alternatives})`);

	return {
		extensions: [
			{
				name: 'mention',
				level: 'inline',
				// where plain text must stop so that the tokenizer below gets a chance
				start: (src: string) => src.match(anywhere)?.index,
				tokenizer(src, tokens): MentionToken | undefined {
					if (this.lexer.state.inLink) return undefined;
					const match = atStart.exec(src);
					if (!match) return undefined;
					if (EMAIL_CHAR.test(tokens.at(-1)?.raw.at(-1) ?? '')) return undefined;
					return { type: 'mention', raw: match[0], name: match[1] };
				},
				renderer(token) {
					const { name } = token as MentionToken;
					mentioned(idsByName.get(name) ?? []);
					return `<strong>@${escapeHtml(name)}</strong>`;
				}
			}
		]
	};
}

/**
 * Renders a post: Markdown through renderMarkdown, with `@name` of the thread's participants
 * shown as <strong>@name</strong>. Participants who share a display name are all mentioned.
 * Pure: no database access.
 */
export function renderPost(source: string, participants: Participant[]): RenderedPost {
	const mentions: string[] = [];
	const extension = mentionExtension(participants, (ids) => {
		for (const id of ids) if (!mentions.includes(id)) mentions.push(id);
	});
	return { html: renderMarkdown(source, extension), mentions };
}

/** How many links (<a> elements) rendered HTML holds; the database counts them again itself. */
export function countLinks(html: string): number {
	return html.match(/<a[\s>]/g)?.length ?? 0;
}
