// What event pages and components show, as plain types that client code may
// import (never $lib/server). The db functions (src/lib/server/db/events.ts,
// registrations.ts) return these shapes; TypeScript checks that they fit.
import type { EventKind } from '$lib/events/kinds';

export type EventStatus = 'draft' | 'published' | 'cancelled';
export type OccurrenceStatus = 'scheduled' | 'cancelled';
export type RegistrationStatus = 'going' | 'waitlisted' | 'cancelled';

/** An area or field as events carry it (both names: see localName). */
export interface AreaRef {
	id: string;
	slug: string;
	name_ja: string;
	name_en: string;
}
export interface FieldRef extends AreaRef {
	color: string;
}
export interface OrgRef {
	id: string;
	slug: string;
	name: string;
}

/** One date of an event in lists, calendars and the home page. */
export interface OccurrenceCard {
	id: string;
	startsAt: string;
	endsAt: string;
	cancelled: boolean;
	goingCount: number;
	sequence: number;
	/** places a newcomer could take: none while anybody waits; null without a limit */
	seatsLeft: number | null;
	event: {
		id: string;
		title: string;
		kind: EventKind;
		summary: string;
		allDay: boolean;
		capacity: number | null;
		venueName: string | null;
		venueAddress: string | null;
		onlineUrl: string | null;
		/** 参加費 as the organiser wrote it; null when not said */
		fee: string | null;
		/** the organiser takes registrations by phone at this number (「電話でも申し込めます」) */
		contactPhone: string | null;
		cancelReason: string | null;
		sequence: number;
		area: AreaRef | null;
		organization: OrgRef | null;
		fields: FieldRef[];
	};
}

/** The event form as organisers fill it in (checked by eventSchema in src/lib/server/events/forms.ts). */
export type EventFormValues = {
	title: string;
	kind: string;
	summary: string;
	body: string;
	date: string;
	allDay: boolean;
	startTime: string;
	endDate: string;
	endTime: string;
	repeat: 'none' | 'weekly' | 'monthly';
	repeatEnd: 'count' | 'until';
	repeatCount: string;
	repeatUntil: string;
	/** a place of the directory (/places), or '' */
	placeId: string;
	venueName: string;
	venueAddress: string;
	onlineUrl: string;
	areaId: string;
	fieldIds: string[];
	organizationId: string;
	cohostIds: string[];
	capacity: string;
	registrationOpens: string;
	registrationCloses: string;
	waitlist: boolean;
	audienceNote: string;
	accessibility: string;
	contactName: string;
	contactPhone: string;
	contactEmail: string;
	fee: string;
	belongings: string;
	howToApply: string;
	deadlineNote: string;
};

/** An event as the iCalendar feeds write it (src/lib/server/events/ical.ts). */
export interface FeedEvent {
	id: string;
	title: string;
	summary: string;
	startsAt: string;
	endsAt: string;
	allDay: boolean;
	/** RFC 5545 RRULE without DTSTART (Tokyo wall-clock days), null for a one-off */
	rrule: string | null;
	venueName: string | null;
	venueAddress: string | null;
	onlineUrl: string | null;
	status: EventStatus;
	sequence: number;
	updatedAt: string;
}

export interface FeedOccurrence {
	id: string;
	startsAt: string;
	endsAt: string;
	/** where the series rule put it (RECURRENCE-ID) */
	originalStartsAt: string;
	status: OccurrenceStatus;
	sequence: number;
}

export interface FeedItem {
	event: FeedEvent;
	occurrence: FeedOccurrence;
	/** the member is on the waiting list (personal feed) */
	waitlisted?: boolean;
}

/** A public feed's date before it is read in full (feed_dates). */
export interface FeedDate {
	id: string;
	/** changes when what its VEVENT is written from changes: what a kept VEVENT is keyed by */
	version: string;
	/** the event is all day (the feed then names Asia/Tokyo's VTIMEZONE) */
	allDay: boolean;
}

/** A public feed's date read in full, with the version it was read at (feed_items). */
export interface VersionedFeedItem {
	version: string;
	item: FeedItem;
}
