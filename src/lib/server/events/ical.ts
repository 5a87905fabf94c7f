// iCalendar feeds (RFC 5545) built with ical-generator from plain objects, so
// that they can be tested without a database. An event's calendar writes its
// times in Asia/Tokyo with a VTIMEZONE: a series' RRULE (e.g. BYDAY=2TU) means
// Tokyo days, which UTC would shift for events before 09:00. The feeds of
// separate dates (no RRULE) write timed dates in UTC, which needs no
// time-zone conversion: a third of the render time of a 500-date feed. All-day
// dates are Tokyo days everywhere. DTSTAMP is the event's last change (not
// "now"), so the same data always gives the same bytes (ETag).
import { TZDate } from '@date-fns/tz';
import ical, {
	foldLines,
	ICalAlarmType,
	ICalEvent,
	ICalEventStatus,
	type ICalAlarmData,
	type ICalCalendar,
	type ICalEventData
} from 'ical-generator';
import type {
	FeedDate,
	FeedEvent,
	FeedItem,
	FeedOccurrence,
	VersionedFeedItem
} from '$lib/events/types';

export const FEED_TIME_ZONE = 'Asia/Tokyo';

// Japan has had no daylight saving time since 1951: one fixed offset.
const VTIMEZONE_TOKYO = [
	'BEGIN:VTIMEZONE',
	'TZID:Asia/Tokyo',
	'X-LIC-LOCATION:Asia/Tokyo',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0900',
	'TZOFFSETTO:+0900',
	'TZNAME:JST',
	'DTSTART:19700101T000000',
	'END:STANDARD',
	'END:VTIMEZONE'
].join('\r\n');

export interface FeedContext {
	/** host for UIDs, e.g. tsunagu.example */
	host: string;
	/** the calendar's name (X-WR-CALNAME) */
	name: string;
	/** absolute URL of an event's page */
	eventUrl: (eventId: string) => string;
	labels: { cancelled: string; waitlisted: string; reminder: string };
}

const tokyo = (iso: string) => new TZDate(new Date(iso).getTime(), FEED_TIME_ZONE);

// C0 controls but TAB, LF and CR (handled below), DEL and C1 controls: RFC 5545
// TEXT may not carry them, and some parsers treat them as line ends.
// eslint-disable-next-line no-control-regex -- these control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Every piece of text that goes into a feed passes through here. ical-generator
 * escapes line breaks in SUMMARY, LOCATION and DESCRIPTION but writes the
 * calendar's name (NAME, X-WR-CALNAME) as it is, so a CR/LF in a title, an
 * organization's name or a search term could start a forged VEVENT there
 * (`oneLine`). Both strip control characters.
 */
export function icalText(value: string, opts: { oneLine?: boolean } = {}): string {
	const text = value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
	if (!opts.oneLine) return text;
	// a single line, TEXT-escaped (RFC 5545 §3.3.11) since the library does not do it here
	return text
		.replace(/[\n\t]+/g, ' ')
		.trim()
		.replace(/[\\;,]/g, (c) => `\\${c}`);
}

function newCalendar(ctx: FeedContext): ICalCalendar {
	return ical({
		name: icalText(ctx.name, { oneLine: true }),
		prodId: { company: 'tsunagu', product: 'tsunagu', language: 'JA' },
		// null name: DTSTAMP stays UTC; events carry their own TZID and this writes its VTIMEZONE
		timezone: { name: null, generator: (tz) => (tz === FEED_TIME_ZONE ? VTIMEZONE_TOKYO : null) }
	});
}

function location(event: FeedEvent): string | null {
	const place = [event.venueName, event.venueAddress].filter(Boolean).join(' ');
	const text = place || event.onlineUrl;
	return text ? icalText(text) : null;
}

function description(event: FeedEvent, url: string): string {
	const parts = [
		event.summary.trim(),
		event.venueName && event.onlineUrl ? event.onlineUrl : '',
		url
	];
	return icalText(parts.filter(Boolean).join('\n\n'));
}

function summary(
	event: FeedEvent,
	ctx: FeedContext,
	cancelled: boolean,
	waitlisted = false
): string {
	let text = icalText(event.title);
	if (waitlisted) text = `【${ctx.labels.waitlisted}】${text}`;
	if (cancelled) text = `【${ctx.labels.cancelled}】${text}`;
	return text;
}

/** What every VEVENT of this event has in common. */
function common(event: FeedEvent, ctx: FeedContext): Partial<ICalEventData> {
	const url = ctx.eventUrl(event.id);
	return {
		timezone: FEED_TIME_ZONE,
		allDay: event.allDay,
		stamp: new Date(event.updatedAt),
		lastModified: new Date(event.updatedAt),
		location: location(event),
		description: description(event, url),
		url
	};
}

/** The hour (Tokyo) of the day before at which an event's reminder goes off. */
export const REMINDER_HOUR = 18;

/**
 * A reminder the day before at 18:00 Tokyo time (VALARM, DISPLAY), as a
 * TRIGGER relative to the start, so that it holds for every date of a series
 * (they share the start's time of day) and for a moved date (its own VEVENT
 * gets its own): a date at 10:00 reminds 16 hours before, an all-day date 6.
 */
export function dayBeforeReminder(startsAt: string, text: string): ICalAlarmData {
	const t = tokyo(startsAt);
	const secondsIntoDay = t.getHours() * 3600 + t.getMinutes() * 60 + t.getSeconds();
	return {
		type: ICalAlarmType.display,
		triggerBefore: (24 - REMINDER_HOUR) * 3600 + secondsIntoDay,
		description: text
	};
}

/** Tokyo-local DATE-TIME (or DATE) values for EXDATE. */
function exdateLine(event: FeedEvent, starts: string[]): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const values = starts.map((iso) => {
		const t = tokyo(iso);
		const date = `${t.getFullYear()}${pad(t.getMonth() + 1)}${pad(t.getDate())}`;
		return event.allDay
			? date
			: `${date}T${pad(t.getHours())}${pad(t.getMinutes())}${pad(t.getSeconds())}`;
	});
	return event.allDay
		? `EXDATE;VALUE=DATE:${values.join(',')}`
		: `EXDATE;TZID=${FEED_TIME_ZONE}:${values.join(',')}`;
}

/**
 * One event as a calendar: a one-off is one VEVENT; a series is one VEVENT
 * with its RRULE, EXDATE for cancelled occurrences and an overriding VEVENT
 * (same UID, RECURRENCE-ID) for each occurrence moved from its rule time.
 */
export function buildEventCalendar(
	event: FeedEvent,
	occurrences: FeedOccurrence[],
	ctx: FeedContext,
	options: { reminder?: boolean } = {}
): string {
	const cal = newCalendar(ctx);
	const uid = `event-${event.id}@${ctx.host}`;
	const eventCancelled = event.status === 'cancelled';
	// a cancelled date needs no reminder; without one when the person asked (?reminder=0)
	const alarms = (startsAt: string, cancelled: boolean) =>
		options.reminder && !cancelled
			? [dayBeforeReminder(startsAt, icalText(`${ctx.labels.reminder} ${event.title}`))]
			: [];

	if (!event.rrule) {
		const occ = occurrences[0];
		const cancelled = eventCancelled || occ?.status === 'cancelled';
		cal.createEvent({
			...common(event, ctx),
			id: uid,
			start: tokyo(occ?.startsAt ?? event.startsAt),
			end: tokyo(occ?.endsAt ?? event.endsAt),
			sequence: event.sequence + (occ?.sequence ?? 0),
			summary: summary(event, ctx, cancelled),
			status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
			alarms: alarms(occ?.startsAt ?? event.startsAt, cancelled)
		});
		return cal.toString();
	}

	const cancelledStarts = occurrences
		.filter((o) => o.status === 'cancelled')
		.map((o) => o.originalStartsAt);
	const rule = [
		`RRULE:${event.rrule}`,
		...(cancelledStarts.length ? [exdateLine(event, cancelledStarts)] : [])
	];
	cal.createEvent({
		...common(event, ctx),
		id: uid,
		start: tokyo(event.startsAt),
		end: tokyo(event.endsAt),
		repeating: rule.join('\n'),
		sequence: event.sequence,
		summary: summary(event, ctx, eventCancelled),
		status: eventCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		alarms: alarms(event.startsAt, eventCancelled)
	});

	const duration = new Date(event.endsAt).getTime() - new Date(event.startsAt).getTime();
	for (const occ of occurrences) {
		if (occ.status === 'cancelled') continue;
		const start = new Date(occ.startsAt).getTime();
		const moved =
			start !== new Date(occ.originalStartsAt).getTime() ||
			new Date(occ.endsAt).getTime() - start !== duration;
		if (!moved) continue;
		cal.createEvent({
			...common(event, ctx),
			id: uid,
			recurrenceId: tokyo(occ.originalStartsAt),
			start: tokyo(occ.startsAt),
			end: tokyo(occ.endsAt),
			sequence: event.sequence + occ.sequence,
			summary: summary(event, ctx, eventCancelled),
			status: eventCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
			alarms: alarms(occ.startsAt, eventCancelled)
		});
	}
	return cal.toString();
}

/**
 * VEVENTs made before: a feed's dates change one event at a time, while every
 * change makes every feed anew (its ETag names the version of all public
 * events). A store keeps what a date and its event made, keyed by the context
 * (host, links, labels) and either the item as JSON (personal feeds, mail) or
 * the date's id and version (public feeds: the dates are read in full only when
 * not kept), so a feed made again renders only the dates that changed.
 */
export interface VeventStore<V = string> {
	get(key: string): V | undefined;
	set(key: string, vevent: V): void;
}

const contextKey = (ctx: FeedContext) => JSON.stringify([ctx.host, ctx.eventUrl(''), ctx.labels]);

/** One date's VEVENT, folded (folding is line by line, so a calendar of folded VEVENTs is folded). */
const renderVevent = (item: FeedItem, ctx: FeedContext, cal: ICalCalendar) =>
	foldLines(new ICalEvent(occurrenceEvent(item, ctx), cal).toString());

/**
 * The calendar around VEVENTs: what comes before them (with the VTIMEZONE the
 * all-day dates name) and what comes after.
 */
function calendarFrame(cal: ICalCalendar, allDay: boolean): [string, string] {
	// the calendar without events ends with END:VCALENDAR; no X- attributes follow it
	const frame = cal.toString();
	const end = 'END:VCALENDAR';
	const timezone = allDay ? `${VTIMEZONE_TOKYO}\r\n` : '';
	return [`${frame.slice(0, -end.length)}${timezone}`, end];
}

const utf8 = new TextEncoder();

/** Byte arrays one after the other, in one. */
function concatBytes(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.byteLength;
	}
	return out;
}

/**
 * Occurrences as separate VEVENTs (personal feeds, mail): UID
 * occurrence-<id>@host. ical-generator makes each VEVENT; the calendar around
 * them is its own.
 */
export function buildOccurrenceCalendar(
	items: FeedItem[],
	ctx: FeedContext,
	made: VeventStore = new Map()
): string {
	const cal = newCalendar(ctx);
	const context = contextKey(ctx);
	let vevents = '';
	for (const item of items) {
		const key = `${context}${JSON.stringify(item)}`;
		let vevent = made.get(key);
		if (vevent === undefined) {
			vevent = renderVevent(item, ctx, cal);
			made.set(key, vevent);
		}
		vevents += vevent;
	}
	const [head, end] = calendarFrame(
		cal,
		items.some((i) => i.event.allDay)
	);
	return `${head}${vevents}${end}`;
}

/**
 * A public feed's dates as buildOccurrenceCalendar writes them, from their ids
 * and versions: the VEVENTs kept under a date's version are used as they are,
 * and only the other dates are read (`read`, in one call) and rendered, each
 * kept under the version it was read at (a date changed since its id was read
 * is written as it is now). A date the read no longer gives (its event turned
 * draft since) is left out. In UTF-8: the VEVENTs are kept encoded and put
 * together as they are, since a feed of 500 dates made again at every change
 * spent more time joining and encoding their text than reading their versions.
 */
export async function buildDatedCalendar(
	dates: FeedDate[],
	read: (ids: string[]) => Promise<VersionedFeedItem[]>,
	ctx: FeedContext,
	made: VeventStore<Uint8Array> = new Map()
): Promise<Uint8Array<ArrayBuffer>> {
	const cal = newCalendar(ctx);
	const context = contextKey(ctx);
	const keyOf = (id: string, version: string) => `${context}${id} ${version}`;
	const vevents = dates.map((date) => made.get(keyOf(date.id, date.version)));
	let allDay = dates.some((date, i) => date.allDay && vevents[i] !== undefined);
	const missing = dates.filter((_, i) => vevents[i] === undefined);
	if (missing.length) {
		const items = new Map(
			(await read(missing.map((date) => date.id))).map((r) => [r.item.occurrence.id, r])
		);
		dates.forEach((date, i) => {
			const found = vevents[i] === undefined && items.get(date.id);
			if (!found) return;
			vevents[i] = utf8.encode(renderVevent(found.item, ctx, cal));
			made.set(keyOf(date.id, found.version), vevents[i]);
			allDay ||= found.item.event.allDay;
		});
	}
	const [head, end] = calendarFrame(cal, allDay);
	const given = vevents.filter((vevent) => vevent !== undefined);
	return concatBytes([utf8.encode(head), ...given, utf8.encode(end)]);
}

function occurrenceEvent(
	{ event, occurrence: occ, waitlisted }: FeedItem,
	ctx: FeedContext
): ICalEventData {
	const cancelled = event.status === 'cancelled' || occ.status === 'cancelled';
	const at = event.allDay ? tokyo : (iso: string) => new Date(iso);
	return {
		...common(event, ctx),
		timezone: event.allDay ? FEED_TIME_ZONE : null,
		id: `occurrence-${occ.id}@${ctx.host}`,
		start: at(occ.startsAt),
		end: at(occ.endsAt),
		sequence: event.sequence + occ.sequence,
		summary: summary(event, ctx, cancelled, waitlisted),
		status: cancelled
			? ICalEventStatus.CANCELLED
			: waitlisted
				? ICalEventStatus.TENTATIVE
				: ICalEventStatus.CONFIRMED
	};
}
