// Writes the digest of followed events from plain data (no database): the
// subject, plain text and simple HTML that read on a phone. Weekly
// 「今週末と来週のイベント」 or daily 新しく公開されたイベント; per event its title,
// date with weekday in Tokyo time, place, organiser, why it is listed (what the
// member follows) and a link; at the end the shared footer (layout.ts): the
// one-click link that stops the digest and 「通知の設定」, where the frequency
// is changed. Relative imports: the worker runs this outside SvelteKit.
import { formatDate, formatEventTime } from '../../format';
import * as m from '../../paraglide/messages.js';
import {
	composeMail,
	escapeHtml,
	eventUrl,
	type Addressee,
	type ComposedMail,
	type MailLocale
} from './layout';

export type DigestFrequency = 'weekly' | 'daily';

export interface DigestReason {
	kind: 'area' | 'field' | 'organization';
	ja: string;
	en: string;
}

export interface DigestEvent {
	eventId: string;
	title: string;
	/** its first date in the window */
	startsAt: string;
	endsAt: string;
	allDay: boolean;
	/** how many of its dates fall in the window (a series: more than one) */
	datesInWindow: number;
	venueName: string | null;
	venueAddress: string | null;
	onlineUrl: string | null;
	/** the organization, else the organiser's name */
	organizer: string | null;
	/** what the member follows that the event belongs to */
	reasons: DigestReason[];
}

export interface DigestInput extends Addressee {
	frequency: DigestFrequency;
	/** the weekly window: its first moment and the moment after its end */
	window: { from: string; to: string };
	events: DigestEvent[];
	/**
	 * the one-click link that stops this mail (signed): a digest can always be
	 * stopped, so its footer always has it and 「通知の設定」
	 */
	unsubscribeUrl: string;
}

function reasonText(r: DigestReason, locale: MailLocale) {
	const name = locale === 'en' ? r.en : r.ja;
	const o = { locale };
	if (r.kind === 'area') return m.mail_digest_reason_area({ name }, o);
	if (r.kind === 'field') return m.mail_digest_reason_field({ name }, o);
	return m.mail_digest_reason_organization({ name }, o);
}

function place(e: DigestEvent, locale: MailLocale) {
	const parts = [e.venueName, e.venueAddress].filter((p): p is string => !!p);
	if (e.onlineUrl) parts.push(`${m.mail_label_online({}, { locale })} ${e.onlineUrl}`);
	return parts.join(' ');
}

/** The rows of one event: [label, value]; the title and link go around them. */
function eventRows(e: DigestEvent, locale: MailLocale): [string, string][] {
	const o = { locale };
	const more =
		e.datesInWindow > 1 ? m.mail_digest_more_dates({ count: e.datesInWindow - 1 }, o) : '';
	const when = formatEventTime(e.startsAt, e.endsAt, e.allDay, locale);
	const rows: [string, string][] = [
		[
			m.mail_label_when({}, o),
			!more ? when : locale === 'en' ? `${when} (${more})` : `${when}（${more}）`
		]
	];
	const where = place(e, locale);
	if (where) rows.push([m.mail_label_where({}, o), where]);
	if (e.organizer) rows.push([m.mail_digest_label_organizer({}, o), e.organizer]);
	if (e.reasons.length)
		rows.push([
			m.mail_digest_label_reason({}, o),
			e.reasons.map((r) => reasonText(r, locale)).join(locale === 'en' ? ', ' : '、')
		]);
	return rows;
}

export function composeDigestMail(input: DigestInput): ComposedMail {
	const { locale, frequency } = input;
	const o = { locale };
	const subject =
		frequency === 'weekly'
			? m.mail_digest_subject_weekly({}, o)
			: m.mail_digest_subject_daily({ count: input.events.length }, o);
	// the window ends the moment after its last day: name that last day
	const lastDay = new Date(new Date(input.window.to).getTime() - 1);
	const intro =
		frequency === 'weekly'
			? m.mail_digest_intro_weekly(
					{ from: formatDate(input.window.from, locale), to: formatDate(lastDay, locale) },
					o
				)
			: m.mail_digest_intro_daily({}, o);
	const colon = locale === 'en' ? ': ' : '：';

	const events = input.events.map((e) => {
		const url = eventUrl(input.origin, locale, e.eventId);
		const rows = eventRows(e, locale);
		return {
			text: [`■${e.title}`, ...rows.map(([k, v]) => `${k}${colon}${v}`), url].join('\n'),
			html: `<div style="border-top: 1px solid #ccc; padding: 0.5em 0 0.75em;">
<p style="margin: 0; font-size: 18px; font-weight: bold;"><a href="${escapeHtml(url)}">${escapeHtml(e.title)}</a></p>
<dl style="margin: 0.25em 0;">
${rows.map(([k, v]) => `<dt style="font-weight: bold; display: inline;">${escapeHtml(k)}${colon}</dt><dd style="display: inline; margin: 0;">${escapeHtml(v)}</dd><br>`).join('\n')}
</dl>
</div>`
		};
	});

	// the events one after another (a blank line between them in the text), closed by a rule
	return composeMail(input, subject, [
		{ text: intro },
		...(events.length
			? [
					{
						text: events.map((e) => e.text).join('\n\n'),
						html: `<div style="border-bottom: 1px solid #ccc; margin-bottom: 0.75em;">
${events.map((e) => e.html).join('\n')}
</div>`
					}
				]
			: [])
	]);
}
