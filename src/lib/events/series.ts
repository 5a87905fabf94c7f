// A series as one card in lists (/events, areas, organizations, the home page):
// its next date and 「毎週土曜日 ほか7回」. And what /me and /coordinate list
// about events. Client-safe types: the db functions
// (src/lib/server/db/events.ts, the block at its end) return these shapes.
import { describeRrule } from '$lib/events/describe';
import type { EventStatus, OccurrenceCard, OrgRef, RegistrationStatus } from '$lib/events/types';
import { m } from '$lib/paraglide/messages';

/** further dates are counted up to this many (search_event_series) */
export const FURTHER_CAP = 100;

export interface SeriesInfo {
	/** the event's RRULE, null for a one-off */
	rrule: string | null;
	/** dates of the event after this one in the list's window (at most FURTHER_CAP) */
	further: number;
}

/** An event in a list: its next date, and how the series goes on. */
export type SeriesCard = OccurrenceCard & { series: SeriesInfo };

/** 「毎週土曜日 ほか7回」 / "Every Saturday, 7 more dates"; null for a one-off with nothing more. */
export function seriesLine(series: SeriesInfo, locale: string): string | null {
	const rule = describeRrule(series.rrule, locale);
	if (series.further === 0) return rule;
	const more =
		series.further >= FURTHER_CAP
			? m.event_series_more_many({ count: FURTHER_CAP }, { locale: lang(locale) })
			: m.event_series_more({ count: series.further }, { locale: lang(locale) });
	return rule ? m.event_series_line({ rule, more }, { locale: lang(locale) }) : more;
}

const lang = (locale: string) => (locale === 'en' ? ('en' as const) : ('ja' as const));

/** One of the signed-in person's registrations (/me, the home page). */
export interface MyRegistrationItem {
	id: string;
	status: Exclude<RegistrationStatus, 'cancelled'>;
	companions: number;
	/** place on the waiting list (1 = next), null when going */
	waitlistPosition: number | null;
	occurrence: { id: string; startsAt: string; endsAt: string; cancelled: boolean };
	event: {
		id: string;
		title: string;
		allDay: boolean;
		venueName: string | null;
		online: boolean;
		cancelled: boolean;
	};
}

/** An event as its organisers and coordinators see it in their lists (drafts included). */
export interface ManagedEvent {
	id: string;
	title: string;
	status: EventStatus;
	createdAt: string;
	/** when it was first published, null for a draft never published */
	publishedAt: string | null;
	/** its next date (not yet ended), null when none is left */
	nextStartsAt: string | null;
	organization: OrgRef | null;
	/** the organiser's display name when RLS shows it (coordinators) */
	organizerName: string | null;
}
