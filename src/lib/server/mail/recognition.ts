// Recognition mails (pure: no database): an award received (by oneself, one's
// organization or its practice), one's nomination answered (awarded, or closed
// with a note), a thanks received (with its message). Relative imports: the
// worker runs this.
import * as m from '../../paraglide/messages.js';
import type { RecognitionNotice } from '../db/mail-recognition';
import { formatDate } from '../../format';
import { composeMail, siteUrl, type Addressee, type ComposedMail } from './layout';

export interface RecognitionInput extends Addressee {
	notice: RecognitionNotice;
}

export function composeRecognitionMail(input: RecognitionInput): ComposedMail {
	const o = { locale: input.locale };
	const n = input.notice;
	const url = (path: string) => siteUrl(input.origin, input.locale, path);
	if (n.kind === 'award_received') {
		const { award } = n;
		return composeMail(input, m.mail_subject_award_received({ name: award.name }, o), [
			{ text: m.mail_intro_award_received({}, o) },
			{
				rows: [
					[m.mail_label_award({}, o), award.name],
					[m.mail_label_recipient({}, o), award.recipient.name],
					[m.mail_label_awarded_on({}, o), formatDate(award.awardedOn, input.locale)]
				]
			},
			{ label: m.mail_open_recipient({}, o), url: url(award.recipient.path) },
			{ label: m.mail_open_certificate({}, o), url: url(`/recognition/${award.id}/certificate`) }
		]);
	}
	if (n.kind === 'nomination_answered') {
		const name = n.award?.recipient.name ?? n.nominated?.name ?? '';
		const rows: [string, string][] = [[m.mail_label_nominated({}, o), name]];
		if (n.award) rows.push([m.mail_label_award({}, o), n.award.name]);
		if (!n.award && n.note) rows.push([m.mail_label_note({}, o), n.note]);
		return composeMail(input, m.mail_subject_nomination_answered({ name }, o), [
			{
				text: n.award
					? m.mail_intro_nomination_awarded({}, o)
					: m.mail_intro_nomination_closed({}, o)
			},
			{ rows },
			{ label: m.mail_open_recognition({}, o), url: url('/recognition/nominations') }
		]);
	}
	const { thanks } = n;
	const rows: [string, string][] = [[m.mail_label_recipient({}, o), thanks.recipient.name]];
	if (thanks.message) rows.push([m.mail_label_thanks_message({}, o), thanks.message]);
	return composeMail(input, m.mail_subject_thanks_received({ name: thanks.recipient.name }, o), [
		{ text: m.mail_intro_thanks_received({}, o) },
		{ rows },
		{ label: m.mail_open_recipient({}, o), url: url(`${thanks.recipient.path}#thanks`) }
	]);
}
