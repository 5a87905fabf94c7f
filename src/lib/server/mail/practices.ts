// Practice mails (pure: no database), from the notices: one's practice
// published (a link to its page), returned by a coordinator (the comment and a
// link to edit it), and someone who wants to try it in their area
// (「うちでもやってみたい」: who opened which thread, a link to it). Relative
// imports: the worker runs this.
import * as m from '../../paraglide/messages.js';
import { composeMail, siteUrl, type Addressee, type ComposedMail } from './layout';
import { threadUrl } from './threads';

export interface PracticeMailInput extends Addressee {
	kind: 'practice_published' | 'practice_returned' | 'practice_inspired';
	practice: { id: string; title: string; organizationName: string };
	/** the coordinator's comment (practice_returned) */
	comment: string | null;
	/** the thread opened (practice_inspired) */
	thread: { id: string; title: string; openedBy: string | null; areaName: string | null } | null;
	unsubscribeUrl: string | null;
}

export const practiceUrl = (origin: string, locale: Addressee['locale'], id: string) =>
	siteUrl(origin, locale, `/practices/${id}`);

export function composePracticeMail(input: PracticeMailInput): ComposedMail {
	const o = { locale: input.locale };
	const title = input.practice.title;
	const rows: [string, string][] = [
		[m.practice_mail_label_practice({}, o), title],
		[m.practice_mail_label_organization({}, o), input.practice.organizationName]
	];
	if (input.kind === 'practice_published') {
		return composeMail(input, m.practice_mail_subject_published({ title }, o), [
			{ text: m.practice_mail_intro_published({}, o) },
			{ rows },
			{
				label: m.practice_mail_open_practice({}, o),
				url: practiceUrl(input.origin, input.locale, input.practice.id)
			}
		]);
	}
	if (input.kind === 'practice_returned') {
		if (input.comment) rows.push([m.practice_mail_label_comment({}, o), input.comment]);
		return composeMail(input, m.practice_mail_subject_returned({ title }, o), [
			{ text: m.practice_mail_intro_returned({}, o) },
			{ rows },
			{
				label: m.practice_mail_open_edit({}, o),
				url: siteUrl(input.origin, input.locale, `/practices/${input.practice.id}/edit`)
			}
		]);
	}
	const thread = input.thread;
	if (thread) {
		rows.push([m.practice_mail_label_thread({}, o), thread.title]);
		if (thread.openedBy) rows.push([m.practice_mail_label_opened_by({}, o), thread.openedBy]);
		if (thread.areaName) rows.push([m.practice_mail_label_area({}, o), thread.areaName]);
	}
	return composeMail(input, m.practice_mail_subject_inspired({ title }, o), [
		{ text: m.practice_mail_intro_inspired({ name: thread?.openedBy ?? '' }, o) },
		{ rows },
		thread
			? {
					label: m.practice_mail_open_thread({}, o),
					url: threadUrl(input.origin, input.locale, thread.id)
				}
			: {
					label: m.practice_mail_open_practice({}, o),
					url: practiceUrl(input.origin, input.locale, input.practice.id)
				}
	]);
}
