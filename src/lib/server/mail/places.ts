// Place mails (pure: no database): a member reported that something on a
// place changed (what they wrote, a link that opens the edit form for it), and
// the monthly 「確認をお願いします」 (the places waiting, a link to confirm each
// with one click). Relative imports: the worker runs this.
import * as m from '../../paraglide/messages.js';
import type { MailPlaceNotice } from '../db/mail-places';
import { formatDate } from '../../format';
import { composeMail, siteUrl, type Addressee, type ComposedMail } from './layout';

export interface PlaceMailInput extends Addressee {
	notice: MailPlaceNotice;
}

export function composePlaceMail(input: PlaceMailInput): ComposedMail {
	const o = { locale: input.locale };
	const n = input.notice;
	if (n.kind === 'place_correction' && n.correction) {
		const c = n.correction;
		return composeMail(input, m.place_mail_subject_correction({ name: c.placeName }, o), [
			{ text: m.place_mail_intro_correction({}, o) },
			{
				rows: [
					[m.place_mail_label_place({}, o), c.placeName],
					[m.place_mail_label_report({}, o), c.body]
				]
			},
			{
				label: m.place_mail_open_place({}, o),
				url: siteUrl(input.origin, input.locale, `/places/${c.placeId}#corrections`)
			}
		]);
	}
	return composeMail(input, m.place_mail_subject_stale({ count: n.stale.length }, o), [
		{ text: m.place_mail_intro_stale({}, o) },
		{
			rows: n.stale.map((p): [string, string] => [
				p.name,
				m.place_confirmed_on({ date: formatDate(p.confirmedAt, input.locale) }, o)
			])
		},
		{
			label: m.place_mail_open_confirm({}, o),
			url: siteUrl(input.origin, input.locale, '/places/confirm')
		}
	]);
}
