// The iCalendar builders, checked by parsing their real output with node-ical
// (an independent parser), not by comparing strings with themselves.
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import type {
	FeedDate,
	FeedEvent,
	FeedItem,
	FeedOccurrence,
	VersionedFeedItem
} from '$lib/events/types';
import {
	buildDatedCalendar,
	buildEventCalendar,
	buildOccurrenceCalendar,
	icalText,
	type FeedContext
} from '$lib/server/events/ical';
import { contentDisposition } from '$lib/server/events/ics-response';
import { tokyoInstant } from '$lib/events/recurrence';
import { HOSTILE_TEXTS, parseTwice } from '../support/ics';

const ctx: FeedContext = {
	host: 'tsunagu.example',
	name: 'つなぐ イベントカレンダー',
	eventUrl: (id) => `https://tsunagu.example/events/${id}`,
	labels: { cancelled: '中止', waitlisted: 'キャンセル待ち', reminder: '明日:' }
};

const iso = (date: string, time: string) => tokyoInstant(date, time)!.toISOString();

const baseEvent: FeedEvent = {
	id: '11111111-1111-4111-8111-111111111111',
	title: '子ども食堂「ときわ」; みんなで, ごはん',
	summary: '地域のみんなで夕ごはん。\n申込はお電話でも受け付けます。',
	startsAt: iso('2026-12-08', '17:00'),
	endsAt: iso('2026-12-08', '19:00'),
	allDay: false,
	rrule: null,
	venueName: '常盤平市民センター',
	venueAddress: '千葉県松戸市常盤平3-30',
	onlineUrl: null,
	status: 'published',
	sequence: 0,
	updatedAt: '2026-11-20T03:00:00.000Z'
};

const occurrence = (
	id: string,
	start: string,
	end: string,
	extra: Partial<FeedOccurrence> = {}
): FeedOccurrence => ({
	id,
	startsAt: start,
	endsAt: end,
	originalStartsAt: start,
	status: 'scheduled',
	sequence: 0,
	...extra
});

const vevents = (ics: string) =>
	Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === 'VEVENT');

describe('event .ics', () => {
	it('a one-off event: one VEVENT with its time, place, text and URL', () => {
		const ics = buildEventCalendar(
			{ ...baseEvent, sequence: 2 },
			[occurrence('o1', baseEvent.startsAt, baseEvent.endsAt, { sequence: 1 })],
			ctx
		);
		const [e, ...rest] = vevents(ics);
		expect(rest).toEqual([]);
		expect(e.uid).toBe(`event-${baseEvent.id}@tsunagu.example`);
		expect(e.start.toISOString()).toBe('2026-12-08T08:00:00.000Z');
		expect(e.end?.toISOString()).toBe('2026-12-08T10:00:00.000Z');
		expect(e.summary).toBe(baseEvent.title);
		expect(e.description).toBe(
			`${baseEvent.summary}\n\nhttps://tsunagu.example/events/${baseEvent.id}`
		);
		expect(e.location).toBe('常盤平市民センター 千葉県松戸市常盤平3-30');
		expect(String((e.url as unknown as { val: string }).val ?? e.url)).toBe(
			`https://tsunagu.example/events/${baseEvent.id}`
		);
		expect(e.status).toBe('CONFIRMED');
		// events.sequence + occurrence.sequence
		expect(e.sequence).toBe(3);
		expect(e.rrule).toBeUndefined();
		expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo');
	});

	it('a monthly series: RRULE, EXDATE for the cancelled date, RECURRENCE-ID for the moved one', () => {
		// 2nd Tuesday at 08:00 Tokyo, which is Monday 23:00 in UTC: the rule must be read in Tokyo time
		const series: FeedEvent = {
			...baseEvent,
			rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=4',
			startsAt: iso('2026-12-08', '08:00'),
			endsAt: iso('2026-12-08', '10:00'),
			sequence: 1
		};
		const occurrences = [
			occurrence('a', iso('2026-12-08', '08:00'), iso('2026-12-08', '10:00')),
			occurrence('b', iso('2027-01-12', '08:00'), iso('2027-01-12', '10:00'), {
				status: 'cancelled',
				sequence: 1
			}),
			// moved from Tuesday 9 Feb to Wednesday 10 Feb 14:00
			occurrence('c', iso('2027-02-10', '14:00'), iso('2027-02-10', '16:00'), {
				originalStartsAt: iso('2027-02-09', '08:00'),
				sequence: 2
			}),
			occurrence('d', iso('2027-03-09', '08:00'), iso('2027-03-09', '10:00'))
		];
		const ics = buildEventCalendar(series, occurrences, ctx);
		expect(ics).toMatch(/^RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=4\r$/m);
		expect(ics).toMatch(/^EXDATE;TZID=Asia\/Tokyo:20270112T080000\r$/m);
		expect(ics).toMatch(/^RECURRENCE-ID;TZID=Asia\/Tokyo:20270209T080000\r$/m);

		const [master] = vevents(ics);
		expect(master.uid).toBe(`event-${baseEvent.id}@tsunagu.example`);
		expect(master.rrule?.toString()).toContain('FREQ=MONTHLY');
		expect(master.sequence).toBe(1);
		const exdates = Object.values(master.exdate ?? {}).map((d) => d.toISOString());
		expect(exdates).toContain(iso('2027-01-12', '08:00'));
		const overrides = Object.values(master.recurrences ?? {});
		expect(overrides.length).toBeGreaterThan(0);
		const moved = overrides[0];
		expect(moved.uid).toBe(master.uid);
		expect((moved.recurrenceid as Date).toISOString()).toBe(iso('2027-02-09', '08:00'));
		expect((moved.start as Date).toISOString()).toBe(iso('2027-02-10', '14:00'));
		expect(moved.sequence).toBe(3);

		// what a calendar app shows: three dates, Tokyo Tuesdays at 08:00 except the moved one
		const shown = ical
			.expandRecurringEvent(master, { from: new Date('2026-11-01'), to: new Date('2027-12-31') })
			.map((i) => i.start.toISOString());
		expect(shown).toEqual([
			iso('2026-12-08', '08:00'),
			iso('2027-02-10', '14:00'),
			iso('2027-03-09', '08:00')
		]);
	});

	it('a cancelled event says STATUS:CANCELLED', () => {
		const ics = buildEventCalendar(
			{ ...baseEvent, status: 'cancelled', sequence: 4 },
			[occurrence('o1', baseEvent.startsAt, baseEvent.endsAt)],
			ctx
		);
		const [e] = vevents(ics);
		expect(e.status).toBe('CANCELLED');
		expect(e.summary).toBe(`【中止】${baseEvent.title}`);
		expect(e.sequence).toBe(4);
	});

	it('is the same, byte for byte, when built twice (stable UIDs, DTSTAMP from the data)', async () => {
		const occ = [occurrence('o1', baseEvent.startsAt, baseEvent.endsAt)];
		const first = buildEventCalendar(baseEvent, occ, ctx);
		await new Promise((r) => setTimeout(r, 1100));
		const second = buildEventCalendar(baseEvent, occ, ctx);
		expect(second).toBe(first);
		expect(vevents(first)[0].uid).toBe(vevents(second)[0].uid);
		expect(vevents(first)[0].dtstamp?.toISOString()).toBe(baseEvent.updatedAt);
	});
});

describe('occurrence feeds', () => {
	it('one VEVENT per occurrence with occurrence UIDs, cancelled and waitlisted marked', () => {
		const later = {
			...baseEvent,
			id: '22222222-2222-4222-8222-222222222222',
			title: '健康体操',
			sequence: 3
		};
		const ics = buildOccurrenceCalendar(
			[
				{ event: baseEvent, occurrence: occurrence('o-1', baseEvent.startsAt, baseEvent.endsAt) },
				{
					event: later,
					occurrence: occurrence('o-2', iso('2026-12-10', '10:00'), iso('2026-12-10', '11:00'), {
						status: 'cancelled',
						sequence: 2
					})
				},
				{
					event: later,
					occurrence: occurrence('o-3', iso('2026-12-17', '10:00'), iso('2026-12-17', '11:00')),
					waitlisted: true
				}
			],
			ctx
		);
		const byUid = new Map(vevents(ics).map((e) => [e.uid, e]));
		expect([...byUid.keys()].sort()).toEqual([
			'occurrence-o-1@tsunagu.example',
			'occurrence-o-2@tsunagu.example',
			'occurrence-o-3@tsunagu.example'
		]);
		const cancelled = byUid.get('occurrence-o-2@tsunagu.example')!;
		expect(cancelled.status).toBe('CANCELLED');
		expect(cancelled.sequence).toBe(5);
		expect(cancelled.summary).toBe('【中止】健康体操');
		const waiting = byUid.get('occurrence-o-3@tsunagu.example')!;
		expect(waiting.summary).toBe('【キャンセル待ち】健康体操');
		expect(waiting.status).not.toBe('CANCELLED');
		expect(waiting.start.toISOString()).toBe(iso('2026-12-17', '10:00'));
		// separate timed dates are written in UTC: no VTIMEZONE needed
		expect(ics).toMatch(/^DTSTART:20261217T010000Z\r$/m);
		expect(ics).not.toContain('BEGIN:VTIMEZONE');
	});

	it('keeps Japanese text intact through escaping and line folding', () => {
		const long = 'ながいタイトル、'.repeat(12) + '終わり';
		const event = {
			...baseEvent,
			title: long,
			summary: '改行あり\nセミコロン;カンマ,バックスラッシュ\\おわり'
		};
		const ics = buildOccurrenceCalendar(
			[{ event, occurrence: occurrence('o', event.startsAt, event.endsAt) }],
			ctx
		);
		// lines are folded (at most 75 octets), yet the text comes back whole
		for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		const [e] = vevents(ics);
		expect(e.summary).toBe(long);
		expect(e.description).toContain('改行あり\nセミコロン;カンマ,バックスラッシュ\\おわり');
		const parsed = ical.sync.parseICS(ics);
		expect(Object.values(parsed).filter((c) => c?.type === 'VCALENDAR')).toHaveLength(1);
		expect(ics).toContain('X-WR-CALNAME:つなぐ イベントカレンダー');
	});

	it('all-day events are whole Tokyo days (DATE values)', () => {
		const event = {
			...baseEvent,
			allDay: true,
			startsAt: iso('2026-12-08', '00:00'),
			endsAt: iso('2026-12-09', '00:00')
		};
		const ics = buildOccurrenceCalendar(
			[{ event, occurrence: occurrence('d', event.startsAt, event.endsAt) }],
			ctx
		);
		expect(ics).toMatch(/^DTSTART;VALUE=DATE:20261208\r$/m);
		expect(ics).toMatch(/^DTEND;VALUE=DATE:20261209\r$/m);
		const [e] = vevents(ics);
		expect(e.datetype).toBe('date');
	});

	it('online events give their URL as the location', () => {
		const event = {
			...baseEvent,
			venueName: null,
			venueAddress: null,
			onlineUrl: 'https://meet.example/abc'
		};
		const [e] = vevents(
			buildOccurrenceCalendar(
				[{ event, occurrence: occurrence('x', event.startsAt, event.endsAt) }],
				ctx
			)
		);
		expect(e.location).toBe('https://meet.example/abc');
	});
});

describe('a feed made again after a change', () => {
	const items = [
		{ event: baseEvent, occurrence: occurrence('o-1', baseEvent.startsAt, baseEvent.endsAt) },
		{
			event: { ...baseEvent, id: '33333333-3333-4333-8333-333333333333', allDay: true },
			occurrence: occurrence('o-2', iso('2026-12-09', '00:00'), iso('2026-12-10', '00:00'))
		}
	];

	it('renders only the dates that changed, and gives the bytes a first render gives', () => {
		const made = new Map<string, string>();
		const first = buildOccurrenceCalendar(items, ctx, made);
		expect(first).toBe(buildOccurrenceCalendar(items, ctx));
		expect(made.size).toBe(2);
		// the VTIMEZONE the all-day date names, once, before the events
		expect(first.split('BEGIN:VTIMEZONE')).toHaveLength(2);
		expect(first.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(first.indexOf('BEGIN:VEVENT'));
		expect(first.endsWith('END:VEVENT\r\nEND:VCALENDAR')).toBe(true);

		// one event renamed: one VEVENT more in the store, and the feed says the new name
		const renamed = [
			items[0],
			{
				...items[1],
				event: { ...items[1].event, title: '新しい名前', updatedAt: '2026-11-21T00:00:00.000Z' }
			}
		];
		const again = buildOccurrenceCalendar(renamed, ctx, made);
		expect(made.size).toBe(3);
		expect(again).toBe(buildOccurrenceCalendar(renamed, ctx));
		expect(vevents(again).map((e) => e.summary)).toContain('新しい名前');

		// what is kept for one site (its links, its UIDs) is not used for another
		const other = {
			...ctx,
			host: 'other.example',
			eventUrl: (id: string) => `https://other.example/e/${id}`
		};
		const elsewhere = buildOccurrenceCalendar(items, other, made);
		expect(made.size).toBe(5);
		expect(elsewhere).not.toContain('tsunagu.example');
	});
});

describe('a public feed from its dates and their versions', () => {
	const items: FeedItem[] = [
		{ event: baseEvent, occurrence: occurrence('o-1', baseEvent.startsAt, baseEvent.endsAt) },
		{
			event: { ...baseEvent, id: '33333333-3333-4333-8333-333333333333', allDay: true },
			occurrence: occurrence('o-2', iso('2026-12-09', '00:00'), iso('2026-12-10', '00:00'))
		}
	];
	const dates = (version: string): FeedDate[] =>
		items.map((i) => ({ id: i.occurrence.id, version, allDay: i.event.allDay }));
	/** a read of the dates by id, each at `version`, that records what it was asked */
	const reader = (source: FeedItem[], version = '1.1') => {
		const asked: string[][] = [];
		const read = async (ids: string[]): Promise<VersionedFeedItem[]> => {
			asked.push(ids);
			return source.filter((i) => ids.includes(i.occurrence.id)).map((item) => ({ version, item }));
		};
		return { asked, read };
	};
	/** the feed as text (buildDatedCalendar gives its UTF-8 bytes) */
	const datedText = async (...args: Parameters<typeof buildDatedCalendar>) =>
		new TextDecoder().decode(await buildDatedCalendar(...args));

	it('gives the bytes the same dates read in full give, and reads only what is not kept', async () => {
		const made = new Map<string, Uint8Array>();
		const first = reader(items);
		const feed = await datedText(dates('1.1'), first.read, ctx, made);
		expect(feed).toBe(buildOccurrenceCalendar(items, ctx));
		expect(first.asked).toEqual([['o-1', 'o-2']]);

		// the same versions again (another address, a new version of all events): nothing read
		const again = reader(items);
		expect(await datedText(dates('1.1'), again.read, ctx, made)).toBe(feed);
		expect(again.asked).toEqual([]);

		// the second date changed: only it is read, and the feed says what it says now
		const renamed = [items[0], { ...items[1], event: { ...items[1].event, title: '新しい名前' } }];
		const changed = reader(renamed, '2.1');
		const versions = [{ ...dates('1.1')[0] }, { ...dates('1.1')[1], version: '2.1' }];
		const after = await datedText(versions, changed.read, ctx, made);
		expect(changed.asked).toEqual([['o-2']]);
		expect(after).toBe(buildOccurrenceCalendar(renamed, ctx));
		expect(vevents(after).map((e) => e.summary)).toContain('新しい名前');
	});

	it('keeps what it read under the version it was read at, not the one asked for', async () => {
		const made = new Map<string, Uint8Array>();
		// the event was renamed between the read of the ids (1.1) and the read of the dates (2.1)
		const renamed = items.map((i) => ({ ...i, event: { ...i.event, title: '新しい名前' } }));
		const feed = await datedText(dates('1.1'), reader(renamed, '2.1').read, ctx, made);
		expect(feed).toBe(buildOccurrenceCalendar(renamed, ctx));
		expect([...made.keys()].every((key) => key.endsWith(' 2.1'))).toBe(true);
		// asked again at 2.1: nothing read; at 1.1: nothing kept under it, so read again
		const at2 = reader(renamed, '2.1');
		expect(await datedText(dates('2.1'), at2.read, ctx, made)).toBe(feed);
		expect(at2.asked).toEqual([]);
		const at1 = reader(items, '1.1');
		await datedText(dates('1.1'), at1.read, ctx, made);
		expect(at1.asked).toEqual([['o-1', 'o-2']]);
	});

	it('leaves out a date the read no longer gives, and names the time zone only for all-day dates', async () => {
		const gone = reader([items[0]]);
		const feed = await datedText(dates('1.1'), gone.read, ctx);
		expect(vevents(feed).map((e) => e.uid)).toEqual(['occurrence-o-1@tsunagu.example']);
		expect(feed).toBe(buildOccurrenceCalendar([items[0]], ctx));
		expect(feed).not.toContain('BEGIN:VTIMEZONE');
	});

	it('keeps what it made for one site from another', async () => {
		const made = new Map<string, Uint8Array>();
		await datedText(dates('1.1'), reader(items).read, ctx, made);
		const other = {
			...ctx,
			host: 'other.example',
			eventUrl: (id: string) => `https://other.example/e/${id}`
		};
		const elsewhere = reader(items);
		const feed = await datedText(dates('1.1'), elsewhere.read, other, made);
		expect(elsewhere.asked).toEqual([['o-1', 'o-2']]);
		expect(feed).not.toContain('tsunagu.example');
	});
});

describe('hostile text cannot forge events (one VEVENT per occurrence, whatever is typed)', () => {
	const one = (event: FeedEvent, name = ctx.name) =>
		buildOccurrenceCalendar(
			[{ event, occurrence: occurrence('o1', event.startsAt, event.endsAt) }],
			{ ...ctx, name }
		);

	it.each(HOSTILE_TEXTS.map((text) => [JSON.stringify(text), text]))(
		'in the calendar name: %s',
		(_, text) => {
			for (const parsed of parseTwice(one(baseEvent, `つなぐ (${text})`))) {
				expect(parsed.events.map((e) => e.uid)).toEqual(['occurrence-o1@tsunagu.example']);
				// one value holding the whole text (X-WR-CALNAME is TEXT; not every parser unescapes X- properties)
				const name = parsed.name?.replace(/\\([\\;,])/g, '$1');
				expect(name).toMatch(
					/^つなぐ \(x ?BEGIN:VEVENT ?UID:forged ?DTSTART:20261205T090000Z ?SUMMARY:避難指示 ?END:VEVENT ?X:\)$|^つなぐ \(nulbyte;comma,back\\slash\)$/
				);
			}
		}
	);

	it.each(HOSTILE_TEXTS.map((text) => [JSON.stringify(text), text]))(
		'in a title, place and summary: %s',
		(_, text) => {
			const event = {
				...baseEvent,
				title: text,
				venueName: text,
				venueAddress: text,
				summary: text
			};
			for (const ics of [
				one(event),
				buildEventCalendar(event, [occurrence('o1', event.startsAt, event.endsAt)], {
					...ctx,
					name: text
				})
			]) {
				for (const parsed of parseTwice(ics)) {
					expect(parsed.events).toHaveLength(1);
					expect(parsed.events[0].uid).not.toBe('forged');
					expect(parsed.events[0].summary).toBe(icalText(text));
				}
				// eslint-disable-next-line no-control-regex -- the control characters that must not get through
				expect(ics).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
			}
		}
	);

	it('icalText keeps line breaks as LF and drops other controls; oneLine flattens and escapes', () => {
		expect(icalText('a\r\nb\rc\u0000d\u0085e\tf')).toBe('a\nb\ncde\tf');
		expect(icalText(' a\r\nb;c,d\\e ', { oneLine: true })).toBe('a b\\;c\\,d\\\\e');
	});
});

describe('Content-Disposition', () => {
	it('names the file after the title, RFC 5987 encoded, with an ASCII fallback', () => {
		const header = contentDisposition('子ども食堂 "ときわ"/12月');
		expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+\.ics"; filename\*=UTF-8''/);
		const encoded = header.split("filename*=UTF-8''")[1];
		expect(encoded).not.toMatch(/[^A-Za-z0-9%._~-]/);
		expect(decodeURIComponent(encoded)).toBe('子ども食堂 ときわ 12月.ics');
		expect(header).not.toContain('/');
	});
});

describe('reminders (VALARM)', () => {
	const withReminder = { reminder: true };
	const triggers = (ics: string) =>
		parseTwice(ics).map((parsed) =>
			parsed.events.map((e) => ({ recurrenceId: e.recurrenceId, alarms: e.alarms }))
		);

	it('a one-off event reminds the day before at 18:00 Tokyo time (TRIGGER from its start)', () => {
		// 17:00 on the 8th: 18:00 on the 7th is 23 hours before
		const ics = buildEventCalendar(
			baseEvent,
			[occurrence('o1', baseEvent.startsAt, baseEvent.endsAt)],
			ctx,
			withReminder
		);
		expect(ics).toMatch(/^BEGIN:VALARM\r$/m);
		expect(ics).toMatch(/^ACTION:DISPLAY\r$/m);
		expect(ics).toMatch(/^TRIGGER:-PT23H\r$/m);
		for (const view of triggers(ics)) {
			expect(view).toEqual([
				{ recurrenceId: null, alarms: [{ action: 'DISPLAY', trigger: '-PT23H' }] }
			]);
		}
		// what the alarm says
		const [e] = vevents(ics);
		expect(e.alarms?.[0].description).toBe(`明日: ${baseEvent.title}`);
	});

	it('a series: one reminder on the rule, and the moved date its own from its new time', () => {
		const series: FeedEvent = {
			...baseEvent,
			rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=3',
			startsAt: iso('2026-12-08', '10:00'),
			endsAt: iso('2026-12-08', '12:00')
		};
		const occurrences = [
			occurrence('a', iso('2026-12-08', '10:00'), iso('2026-12-08', '12:00')),
			// moved to Wednesday 13 January at 14:00
			occurrence('b', iso('2027-01-13', '14:00'), iso('2027-01-13', '16:00'), {
				originalStartsAt: iso('2027-01-12', '10:00')
			}),
			occurrence('c', iso('2027-02-09', '10:00'), iso('2027-02-09', '12:00'))
		];
		const ics = buildEventCalendar(series, occurrences, ctx, withReminder);
		for (const view of triggers(ics)) {
			expect(view).toEqual([
				// 10:00 → 18:00 the day before is 16 hours earlier; 14:00 → 20 hours
				{ recurrenceId: null, alarms: [{ action: 'DISPLAY', trigger: '-PT16H' }] },
				{
					recurrenceId: iso('2027-01-12', '10:00'),
					alarms: [{ action: 'DISPLAY', trigger: '-PT20H' }]
				}
			]);
		}
	});

	it('an all-day event reminds at 18:00 the evening before (6 hours before midnight)', () => {
		const ics = buildEventCalendar(
			{
				...baseEvent,
				allDay: true,
				startsAt: iso('2026-12-08', '00:00'),
				endsAt: iso('2026-12-09', '00:00')
			},
			[occurrence('o1', iso('2026-12-08', '00:00'), iso('2026-12-09', '00:00'))],
			ctx,
			withReminder
		);
		for (const view of triggers(ics))
			expect(view[0].alarms).toEqual([{ action: 'DISPLAY', trigger: '-PT6H' }]);
	});

	it('none when the person asked for none, and none on cancelled events', () => {
		const occ = [occurrence('o1', baseEvent.startsAt, baseEvent.endsAt)];
		const without = buildEventCalendar(baseEvent, occ, ctx, { reminder: false });
		expect(without).not.toContain('BEGIN:VALARM');
		for (const view of triggers(without)) expect(view[0].alarms).toEqual([]);
		const cancelled = buildEventCalendar(
			{ ...baseEvent, status: 'cancelled' },
			occ,
			ctx,
			withReminder
		);
		expect(cancelled).not.toContain('BEGIN:VALARM');
	});
});
