// The forms of threads and posts (/threads/new, a thread's reply and edit
// forms, an event's comment form). Built per request: messages in the
// request's language. The database checks the same lengths again.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { BODY_MAX } from '$lib/server/db/posts';
import { TITLE_MAX } from '$lib/server/db/threads';

/** Lengths as the database counts them (code points), line ends as one. */
const chars = (s: string) => [...s.replace(/\r\n/g, '\n')].length;

const body = () =>
	z
		.string()
		.default('')
		.refine((v) => v.trim().length > 0, m.post_error_body_required())
		.refine((v) => chars(v) <= BODY_MAX, m.post_error_body_too_long());

export function threadSchema(choices: {
	areaIds: Set<string>;
	fieldIds: Set<string>;
	organizationIds: Set<string>;
}) {
	return z.object({
		title: z
			.string()
			.trim()
			.default('')
			.refine((v) => v.length > 0, m.thread_error_title_required())
			.refine((v) => chars(v) <= TITLE_MAX, m.thread_error_title_too_long()),
		body: body(),
		areaId: z
			.string()
			.default('')
			.refine((v) => v === '' || choices.areaIds.has(v), m.common_error_unknown_area()),
		fieldIds: z
			.array(z.string())
			.default([])
			.refine((ids) => ids.every((id) => choices.fieldIds.has(id)), m.common_error_unknown_field()),
		organizationId: z
			.string()
			.default('')
			.refine((v) => v === '' || choices.organizationIds.has(v), m.thread_error_unknown_org()),
		isQuestion: z.boolean().default(false)
	});
}

/** A reply (or an event's comment): the text, and the post it quotes. */
export const replySchema = () =>
	z.object({
		body: body(),
		quoteOf: z.union([z.uuid(), z.literal('')]).default('')
	});

/** Editing one's own post. */
export const editSchema = () => z.object({ postId: z.uuid(), body: body() });

/** The first lines of a post as a Markdown quote (the reply form's start after 引用). */
export function quoteText(source: string, maxLines = 6): string {
	const lines = source.replace(/\r\n/g, '\n').trim().split('\n');
	const shown = lines.slice(0, maxLines).map((l) => (l ? `> ${l}` : '>'));
	if (lines.length > maxLines) shown.push('> …');
	return `${shown.join('\n')}\n\n`;
}
