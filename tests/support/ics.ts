// Reading .ics files back in tests with two parsers that share no code with
// each other or with ical-generator: node-ical and Mozilla's ical.js. A feed
// is only right when both see the same calendar.
import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';

export interface ParsedCalendar {
	/** X-WR-CALNAME as the parser understood it */
	name: string | null;
	events: { uid: string; summary: string }[];
}

export function parseWithNodeIcal(ics: string): ParsedCalendar {
	const parsed = nodeIcal.sync.parseICS(ics);
	const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
	const calendar = Object.values(parsed).find((c) => c?.type === 'VCALENDAR') as
		{ 'WR-CALNAME'?: string } | undefined;
	return {
		name: calendar?.['WR-CALNAME'] ?? null,
		events: events.map((e) => ({
			uid: e.uid,
			summary: typeof e.summary === 'string' ? e.summary : e.summary.val
		}))
	};
}

export function parseWithIcalJs(ics: string): ParsedCalendar {
	const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
	const name = calendar.getFirstPropertyValue('x-wr-calname');
	return {
		name: typeof name === 'string' ? name : null,
		events: calendar.getAllSubcomponents('vevent').map((e) => ({
			uid: String(e.getFirstPropertyValue('uid')),
			summary: String(e.getFirstPropertyValue('summary'))
		}))
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
