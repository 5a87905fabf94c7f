// Writes an event mail from plain data (no database): subject, plain text and
// simple HTML that read on a phone, self-contained (title, date with weekday in
// Tokyo time, place, old and new values, the reason, the organiser's contact, a
// link), and the date as an .ics attachment for (waiting-list) confirmations.
// Relative imports: the worker runs this outside SvelteKit.
import { formatDate, formatEventTime } from '../../format';
import * as m from '../../paraglide/messages.js';
import type { MailEvent, MailKind, MailOccurrence } from '../db/mail';
import { buildOccurrenceCalendar } from '../events/ical';
import {
	composeMail,
	eventUrl,
	type Addressee,
	type ComposedMail,
	type MailLocale
} from './layout';

export interface Before {
	starts_at?: string;
	ends_at?: string;
	all_day?: boolean;
	venue_name?: string | null;
	venue_address?: string | null;
	online_url?: string | null;
}

export interface MailInput extends Addressee {
	kind: MailKind;
	event: MailEvent;
	/** the dates it is about (the one date, or the person's dates of the event) */
	occurrences: MailOccurrence[];
	before: Before | null;
	waitlistPosition: number | null;
}

function place(
	v: {
		venueName: string | null;
		venueAddress: string | null;
		onlineUrl: string | null;
	},
	locale: MailLocale
) {
	const parts = [v.venueName, v.venueAddress].filter((p): p is string => !!p);
	if (v.onlineUrl) parts.push(`${m.mail_label_online({}, { locale })} ${v.onlineUrl}`);
	return parts.join(' ');
}

export function composeEventMail(input: MailInput): ComposedMail {
	const { locale, event, kind } = input;
	const o = { locale };
	const title = event.title;
	const first = input.occurrences[0];
	const subject = (() => {
		switch (kind) {
			case 'registered':
				return m.mail_subject_registered({ title }, o);
			case 'waitlisted':
				return m.mail_subject_waitlisted({ title }, o);
			case 'promoted':
				return m.mail_subject_promoted({ title }, o);
			case 'event_changed':
				return m.mail_subject_event_changed({ title }, o);
			case 'occurrence_changed':
				return m.mail_subject_occurrence_changed({ title }, o);
			case 'event_cancelled':
				return m.mail_subject_event_cancelled({ title }, o);
			case 'occurrence_cancelled':
				return m.mail_subject_occurrence_cancelled(
					{ title, date: formatDate(first?.startsAt ?? event.startsAt, locale) },
					o
				);
			default:
				return m.mail_subject_reminder({ title }, o);
		}
	})();
	const intro = (() => {
		switch (kind) {
			case 'registered':
				return m.mail_intro_registered({}, o);
			case 'waitlisted':
				return input.waitlistPosition
					? m.mail_intro_waitlisted({ position: String(input.waitlistPosition) }, o)
					: m.mail_intro_waitlisted_no_position({}, o);
			case 'promoted':
				return m.mail_intro_promoted({}, o);
			case 'event_changed':
				return m.mail_intro_event_changed({}, o);
			case 'occurrence_changed':
				return m.mail_intro_occurrence_changed({}, o);
			case 'event_cancelled':
				return m.mail_intro_event_cancelled({}, o);
			case 'occurrence_cancelled':
				return m.mail_intro_occurrence_cancelled({}, o);
			default:
				return m.mail_intro_reminder({}, o);
		}
	})();

	const when = (input.occurrences.length ? input.occurrences : [null]).map((occ) => {
		const line = formatEventTime(
			occ?.startsAt ?? event.startsAt,
			occ?.endsAt ?? event.endsAt,
			event.allDay,
			locale
		);
		return occ?.registration === 'waitlisted'
			? `${line}（${m.mail_label_status_waitlisted({}, o)}）`
			: line;
	});
	const rows: [string, string][] = [[m.mail_label_event({}, o), title]];
	const b = input.before;
	const changedKind = kind === 'event_changed' || kind === 'occurrence_changed';
	if (changedKind && b?.starts_at && b.ends_at) {
		const old = formatEventTime(b.starts_at, b.ends_at, b.all_day ?? event.allDay, locale);
		const now = formatEventTime(event.startsAt, event.endsAt, event.allDay, locale);
		const timeChanged =
			kind === 'occurrence_changed' ||
			new Date(b.starts_at).getTime() !== new Date(event.startsAt).getTime() ||
			new Date(b.ends_at).getTime() !== new Date(event.endsAt).getTime();
		if (timeChanged && old !== now) rows.push([m.mail_label_when_before({}, o), old]);
	}
	rows.push([m.mail_label_when({}, o), when.join('\n')]);
	const newPlace = place(event, locale);
	if (changedKind && b && 'venue_name' in b) {
		const oldPlace = place(
			{
				venueName: b.venue_name ?? null,
				venueAddress: b.venue_address ?? null,
				onlineUrl: b.online_url ?? null
			},
			locale
		);
		if (oldPlace !== newPlace) rows.push([m.mail_label_where_before({}, o), oldPlace]);
	}
	rows.push([m.mail_label_where({}, o), newPlace]);
	const reason =
		kind === 'occurrence_cancelled'
			? first?.cancelReason
			: kind === 'event_cancelled'
				? event.cancelReason
				: null;
	if (reason) rows.push([m.mail_label_reason({}, o), reason]);
	if (event.belongings && (kind === 'reminder' || kind === 'registered' || kind === 'promoted'))
		rows.push([m.mail_label_belongings({}, o), event.belongings]);
	const contact = [
		event.contactName ?? event.organizationName,
		event.contactPhone,
		event.contactEmail
	].filter((p): p is string => !!p);
	if (contact.length) rows.push([m.mail_label_contact({}, o), contact.join(' ')]);

	const url = eventUrl(input.origin, locale, event.id);
	const withIcs = kind === 'registered' || kind === 'waitlisted' || kind === 'promoted';
	const ics =
		withIcs && first
			? buildOccurrenceCalendar(
					[
						{
							event: { ...event },
							occurrence: first,
							waitlisted: first.registration === 'waitlisted'
						}
					],
					{
						host: new URL(input.origin).host,
						name: title,
						eventUrl: (id) => eventUrl(input.origin, locale, id),
						labels: {
							cancelled: m.ical_cancelled({}, o),
							waitlisted: m.ical_waitlisted({}, o),
							reminder: m.ical_reminder({}, o)
						}
					}
				)
			: null;
	return composeMail(
		input,
		subject,
		[
			{ text: intro },
			{ rows },
			{ label: m.mail_link({}, o), url },
			...(withIcs ? [{ text: m.mail_ics_note({}, o) }] : [])
		],
		// it names the organiser's contact above
		{ footerNote: m.mail_footer({}, o), ics }
	);
}
