// Moderation mails (pure: no database): one's post or thread hidden by a
// coordinator (what, and the reason), or one's report handled or dismissed
// (what was reported, the coordinator's note). Relative imports: the worker runs this.
import * as m from '../../paraglide/messages.js';
import {
	composeMail,
	plainExcerpt,
	type Addressee,
	type ComposedMail,
	type MailLocale
} from './layout';
import { postUrl, threadUrl, type MailThread } from './threads';

interface Common extends Addressee {
	unsubscribeUrl: string | null;
}

export interface HiddenInput extends Common {
	thread: MailThread;
	/** the hidden post (the recipient's own); null when the whole thread was hidden */
	post: { id: string; position: number; body: string; createdAt: string } | null;
	reason: string | null;
}

/** What a report was about, as the reporter saw it (null: gone). */
export type Reported =
	| { kind: 'post' | 'thread'; title: string }
	| { kind: 'event'; title: string }
	| { kind: 'organization'; name: string }
	| null;

export interface ReportInput extends Common {
	status: 'handled' | 'dismissed';
	reported: Reported;
	note: string | null;
}

/** One's post (or thread) was hidden: what, why, and where to see it (its author still can). */
export function composeHiddenMail(input: HiddenInput): ComposedMail {
	const o = { locale: input.locale };
	const title = input.thread.title;
	const rows: [string, string][] = [[m.mail_label_thread({}, o), title]];
	if (input.post) rows.push([m.mail_label_post({}, o), plainExcerpt(input.post.body)]);
	if (input.reason) rows.push([m.mail_label_hidden_reason({}, o), input.reason]);
	const link = input.post
		? {
				label: m.mail_open_post({}, o),
				url: postUrl(input.origin, input.locale, input.thread.id, {
					...input.post,
					authorName: null
				})
			}
		: {
				label: m.mail_open_thread({}, o),
				url: threadUrl(input.origin, input.locale, input.thread.id)
			};
	return composeMail(
		input,
		input.post
			? m.mail_subject_post_hidden({ title }, o)
			: m.mail_subject_thread_hidden({ title }, o),
		[
			{ text: input.post ? m.mail_intro_post_hidden({}, o) : m.mail_intro_thread_hidden({}, o) },
			{ rows },
			link
		]
	);
}

function reportedWords(reported: Reported, locale: MailLocale) {
	const o = { locale };
	if (!reported) return m.mail_reported_unknown({}, o);
	switch (reported.kind) {
		case 'post':
			return m.mail_reported_post({ title: reported.title }, o);
		case 'thread':
			return m.mail_reported_thread({ title: reported.title }, o);
		case 'event':
			return m.mail_reported_event({ title: reported.title }, o);
		default:
			return m.mail_reported_organization({ name: reported.name }, o);
	}
}

/** One's report was handled (acted on) or dismissed; no link to the item, which may be hidden now. */
export function composeReportMail(input: ReportInput): ComposedMail {
	const o = { locale: input.locale };
	const rows: [string, string][] = [
		[m.mail_label_reported({}, o), reportedWords(input.reported, input.locale)]
	];
	if (input.note) rows.push([m.mail_label_note({}, o), input.note]);
	const intro =
		input.status === 'dismissed'
			? m.mail_intro_report_dismissed({}, o)
			: m.mail_intro_report_handled({}, o);
	return composeMail(input, m.mail_subject_report_handled({}, o), [{ text: intro }, { rows }]);
}
