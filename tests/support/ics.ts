// Reading .ics files back in tests with two parsers that share no code with
// each other or with ical-generator: node-ical and Mozilla's ical.js. A feed
// is only right when both see the same calendar.
import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';

export interface ParsedCalendar {
	/** X-WR-CALNAME as the parser understood it */
	name: string | null;
	events: {
		uid: string;
		summary: string;
		/** RECURRENCE-ID of an overriding VEVENT, as an ISO instant; null for the others */
		recurrenceId: string | null;
		/** the VALARMs: ACTION and TRIGGER as written (e.g. DISPLAY, -PT16H) */
		alarms: { action: string; trigger: string }[];
	}[];
}

export function parseWithNodeIcal(ics: string): ParsedCalendar {
	const parsed = nodeIcal.sync.parseICS(ics);
	const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
	const calendar = Object.values(parsed).find((c) => c?.type === 'VCALENDAR') as
		{ 'WR-CALNAME'?: string } | undefined;
	return {
		name: calendar?.['WR-CALNAME'] ?? null,
		// node-ical files a series' overriding VEVENTs (RECURRENCE-ID) under their
		// master (under more than one key); ical.js lists them as they come: here
		// both list each once, after its master
		events: events
			.flatMap((e): VEvent[] => [
				e,
				// typed as Omit<VEvent, 'recurrences'>, which loses the fields to its index signature
				...new Set(Object.values(e.recurrences ?? {}) as VEvent[])
			])
			.map((e) => ({
				uid: e.uid,
				summary: typeof e.summary === 'string' ? e.summary : e.summary.val,
				recurrenceId: e.recurrenceid ? new Date(e.recurrenceid).toISOString() : null,
				alarms: (e.alarms ?? []).map((a) => ({ action: a.action, trigger: String(a.trigger) }))
			}))
	};
}

export function parseWithIcalJs(ics: string): ParsedCalendar {
	const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
	const name = calendar.getFirstPropertyValue('x-wr-calname');
	return {
		name: typeof name === 'string' ? name : null,
		events: calendar.getAllSubcomponents('vevent').map((e) => {
			const recurrenceId = e.getFirstPropertyValue('recurrence-id');
			return {
				uid: String(e.getFirstPropertyValue('uid')),
				summary: String(e.getFirstPropertyValue('summary')),
				recurrenceId:
					recurrenceId instanceof ICAL.Time ? recurrenceId.toJSDate().toISOString() : null,
				alarms: e.getAllSubcomponents('valarm').map((a) => ({
					action: String(a.getFirstPropertyValue('action')),
					trigger: String(a.getFirstPropertyValue('trigger'))
				}))
			};
		})
	};
}

/** Both parsers' view; throws when either cannot read the file. */
export const parseTwice = (ics: string) => [parseWithNodeIcal(ics), parseWithIcalJs(ics)] as const;

/** Text a hostile person might type to forge an event into a feed (CRLF, LF, CR and other controls). */
export const FORGED_EVENT = (eol: string) =>
	`x${eol}BEGIN:VEVENT${eol}UID:forged${eol}DTSTART:20261205T090000Z${eol}SUMMARY:避難指示${eol}END:VEVENT${eol}X:`;
export const HOSTILE_TEXTS = [
	FORGED_EVENT('\r\n'),
	FORGED_EVENT('\n'),
	FORGED_EVENT('\r'),
	FORGED_EVENT('\u000b'),
	FORGED_EVENT('\u0085'),
	`nul\u0000byte;comma,back\\slash`
];
