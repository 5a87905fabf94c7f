// Record and 声 mails (pure: no database): a held date of one's event still
// has no record (a link to its form), and a 声 raised at a forum one attended
// got its answer (the 声, the outcome, the answer, a link to its page).
// Relative imports: the worker runs this.
import * as m from '../../paraglide/messages.js';
import type { MailRecordNotice } from '../db/mail-records';
import { formatEventTime } from '../../format';
import { composeMail, eventUrl, siteUrl, type Addressee, type ComposedMail } from './layout';

export interface RecordMailInput extends Addressee {
	notice: MailRecordNotice;
}

const OUTCOME: Record<string, (i: object, o: { locale: 'ja' | 'en' }) => string> = {
	answered: m.voice_status_answered,
	reflected: m.voice_status_reflected,
	declined: m.voice_status_declined
};

export function composeRecordMail(input: RecordMailInput): ComposedMail {
	const o = { locale: input.locale };
	const n = input.notice;
	const title = n.event.title;
	const when = formatEventTime(
		n.occurrence.startsAt,
		n.occurrence.endsAt,
		n.event.allDay,
		input.locale
	);
	const rows: [string, string][] = [
		[m.record_mail_label_event({}, o), title],
		[m.record_mail_label_date({}, o), when]
	];
	if (n.kind === 'record_missing' || !n.voice) {
		return composeMail(input, m.record_mail_subject_missing({ title }, o), [
			{ text: m.record_mail_intro_missing({}, o) },
			{ rows },
			{
				label: m.record_mail_open_form({}, o),
				url: siteUrl(
					input.origin,
					input.locale,
					`/events/${n.event.id}/records/${n.occurrence.id}/edit`
				)
			},
			{
				label: m.record_mail_open_event({}, o),
				url: eventUrl(input.origin, input.locale, n.event.id)
			}
		]);
	}
	const v = n.voice;
	rows.push(
		[m.voice_mail_label_voice({}, o), v.body],
		[m.voice_mail_label_status({}, o), (OUTCOME[v.status] ?? m.voice_status_answered)({}, o)],
		[m.voice_answer_label({}, o), v.answer]
	);
	return composeMail(input, m.voice_mail_subject({ title }, o), [
		{ text: m.voice_mail_intro({}, o) },
		{ rows },
		{ label: m.voice_mail_open({}, o), url: siteUrl(input.origin, input.locale, `/voices/${v.id}`) }
	]);
}
