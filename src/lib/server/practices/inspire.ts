// 「うちでもやってみたい」: the short form on a practice page (a superform built
// per request) and the first post of the thread it opens: the reader's
// message, then a link to the practice.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { BODY_MAX } from '$lib/server/db/posts';
import { TITLE_MAX } from '$lib/server/db/threads';

const chars = (s: string) => [...s.replace(/\r\n/g, '\n')].length;
/** the reader's message leaves room for the link line under it */
export const INSPIRE_MESSAGE_MAX = 2000;

export function inspireSchema(choices: { areaIds: Set<string>; fieldIds: Set<string> }) {
	return z.object({
		title: z
			.string()
			.trim()
			.default('')
			.refine((v) => v.length > 0, m.thread_error_title_required())
			.refine((v) => chars(v) <= TITLE_MAX, m.thread_error_title_too_long()),
		message: z
			.string()
			.default('')
			.refine((v) => v.trim().length > 0, m.read_practice_inspire_error_message_required())
			.refine(
				(v) => chars(v) <= INSPIRE_MESSAGE_MAX,
				m.read_practice_inspire_error_message_too_long({ max: INSPIRE_MESSAGE_MAX })
			),
		areaId: z
			.string()
			.default('')
			.refine((v) => v === '' || choices.areaIds.has(v), m.common_error_unknown_area()),
		fieldIds: z
			.array(z.string())
			.default([])
			.refine((ids) => ids.every((id) => choices.fieldIds.has(id)), m.common_error_unknown_field())
	});
}

/** Markdown link text: the brackets and backslashes of a title written as text. */
const linkText = (s: string) => s.replace(/([\\[\]])/g, '\\$1');

/** The first post: the message, a rule, and 「実践事例「〇〇」から」 linking to the practice. */
export function inspirePostBody(
	message: string,
	practice: { id: string; title: string },
	path: string
): string {
	const link = `[${linkText(m.read_practice_inspire_post_link({ title: practice.title }))}](${path})`;
	const post = `${message.trim()}\n\n---\n\n${link}`;
	return chars(post) <= BODY_MAX ? post : message;
}
