// Mails about threads (pure: no database): new posts in a thread one follows
// (a burst of replies in one mail, oldest first) and a mention of one's name.
// Each says the thread's title, who wrote, the first lines of each post as
// plain text and a link to it. Relative imports: the worker runs this.
import { formatDateTime } from '../../format';
import * as m from '../../paraglide/messages.js';
import { postHref } from '../../threads/paging';
import {
	composeMail,
	escapeHtml,
	plainExcerpt,
	siteUrl,
	type Addressee,
	type ComposedMail,
	type MailLocale
} from './layout';

export interface MailThread {
	id: string;
	title: string;
}

export interface MailPost {
	id: string;
	position: number;
	/** null when the writer's name cannot be shown (account gone) */
	authorName: string | null;
	createdAt: string;
	/** the Markdown as written */
	body: string;
}

interface Common extends Addressee {
	thread: MailThread;
	unsubscribeUrl: string | null;
}

export const postUrl = (origin: string, locale: MailLocale, threadId: string, post: MailPost) =>
	siteUrl(origin, locale, postHref(threadId, post.position, post.id));

export const threadUrl = (origin: string, locale: MailLocale, threadId: string) =>
	siteUrl(origin, locale, `/threads/${threadId}`);

function postParts(input: Common, post: MailPost) {
	const o = { locale: input.locale };
	const by = m.mail_post_by(
		{
			name: post.authorName ?? m.mail_author_unknown({}, o),
			time: formatDateTime(post.createdAt, input.locale)
		},
		o
	);
	const excerpt = plainExcerpt(post.body);
	const url = postUrl(input.origin, input.locale, input.thread.id, post);
	const label = m.mail_open_post({}, o);
	return {
		text: `${by}\n${excerpt}\n${label}\n${url}`,
		html: `<div style="border-left: 4px solid #ccc; padding-left: 12px; margin: 1em 0;">
<p style="margin: 0; font-weight: bold;">${escapeHtml(by)}</p>
<p style="margin: 0.25em 0;">${escapeHtml(excerpt).replace(/\n/g, '<br>')}</p>
<p style="margin: 0;"><a href="${escapeHtml(url)}">${escapeHtml(label)} ${escapeHtml(url)}</a></p>
</div>`
	};
}

function assemble(
	input: Common,
	subject: string,
	intro: string,
	posts: MailPost[],
	tail: string[]
): ComposedMail {
	const o = { locale: input.locale };
	return composeMail(input, subject, [
		{ text: intro },
		{ rows: [[m.mail_label_thread({}, o), input.thread.title]] },
		...posts.map((p) => postParts(input, p)),
		...tail.map((text) => ({ text })),
		{
			label: m.mail_open_thread({}, o),
			url: threadUrl(input.origin, input.locale, input.thread.id)
		}
	]);
}

/** New posts in a followed thread: `posts` (oldest first) and how many more there are. */
export function composeThreadReplyMail(
	input: Common & { posts: MailPost[]; more: number }
): ComposedMail {
	const o = { locale: input.locale };
	const title = input.thread.title;
	const count = String(input.posts.length + input.more);
	return assemble(
		input,
		m.mail_subject_thread_reply({ title, count }, o),
		m.mail_intro_thread_reply({ title }, o),
		input.posts,
		input.more > 0 ? [m.mail_thread_more({ count: String(input.more) }, o)] : []
	);
}

/** Somebody wrote the recipient's name (@表示名) in a post. */
export function composeMentionMail(input: Common & { post: MailPost }): ComposedMail {
	const o = { locale: input.locale };
	const title = input.thread.title;
	const name = input.post.authorName ?? m.mail_author_unknown({}, o);
	return assemble(
		input,
		m.mail_subject_mention({ name, title }, o),
		m.mail_intro_mention({ name, title }, o),
		[input.post],
		[]
	);
}
