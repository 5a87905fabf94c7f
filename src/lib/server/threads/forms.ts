// The forms of threads and posts (/threads/new, a thread's reply and edit
// forms, an item's comment form). Built per request: messages in the
// request's language. The database checks the same lengths again.
//
// /threads/new is a superform. A reply, a comment and an edit are small forms
// with one text field (as 「ありがとう」 is): they are on the most-read pages,
// where superforms' client code would cost 12 KB of JavaScript. A refusal
// comes back keyed by the form's name with the typed text kept (TextRefusal).
import { z } from 'zod';
import { refuse } from '$lib/server/forms/small';
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

export type ReplyInput = z.output<ReturnType<typeof replySchema>>;
export type EditInput = z.output<ReturnType<typeof editSchema>>;

const typed = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

/**
 * Reads a small text form with `schema`: its fields, or the first reason it
 * cannot be taken; `kept` is what was typed, to send back with a refusal.
 */
async function readText<S extends z.ZodType>(request: Request, schema: S, names: string[]) {
	const data = await request.formData();
	const kept = Object.fromEntries(names.map((n) => [n, typed(data.get(n))]));
	const parsed = schema.safeParse(kept);
	return parsed.success
		? { ok: true as const, data: parsed.data, kept }
		: { ok: false as const, why: parsed.error.issues[0].message, kept };
}

/** A reply or comment form: the text and the post it quotes. */
export const readReply = (request: Request) =>
	readText(request, replySchema(), ['body', 'quoteOf']);

/** The edit form of one's own post. */
export const readEdit = (request: Request) => readText(request, editSchema(), ['postId', 'body']);

/** The refusal of a text form `name` (reply, comment, edit): `why` next to the text, `kept` kept. */
export const refuseText = <N extends 'reply' | 'comment' | 'edit'>(
	name: N,
	why: string,
	kept: Record<string, string>
) => refuse(400, name, why, { body: '', ...kept });

/** The first lines of a post as a Markdown quote (the reply form's start after 引用). */
export function quoteText(source: string, maxLines = 6): string {
	const lines = source.replace(/\r\n/g, '\n').trim().split('\n');
	const shown = lines.slice(0, maxLines).map((l) => (l ? `> ${l}` : '>'));
	if (lines.length > maxLines) shown.push('> …');
	return `${shown.join('\n')}\n\n`;
}
