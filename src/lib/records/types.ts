// A held date's record (開催記録): the shapes pages show, and the kinds of
// participant a headcount is kept by (the order of the form and the reports).
// (the enum participant_kind; src/lib/server/db/records.ts checks that they agree)
export const PARTICIPANT_KINDS = [
	'resident',
	'neighbourhood',
	'commissioner',
	'volunteer',
	'council',
	'care_centre',
	'business',
	'government',
	'professional',
	'student',
	'other'
] as const;

export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const RECORD_LIMITS = {
	forumName: 200,
	venue: 200,
	agenda: 2000,
	summary: 2000,
	minutes: 20000,
	materials: 10,
	people: 100000
} as const;

export interface Headcount {
	kind: ParticipantKind;
	people: number;
	firstTime: number;
}

export interface OccurrenceRecord {
	occurrenceId: string;
	eventId: string;
	forumName: string;
	venue: string;
	agenda: string;
	summary: string;
	materials: string[];
	/** registrations marked as attended, with their companions */
	registeredAttended: number;
	walkIns: number;
	attendance: number;
	isPublic: boolean;
	headcounts: Headcount[];
	updatedAt: string;
}

/** A record as the event page lists it. */
export interface RecordItem {
	occurrenceId: string;
	startsAt: string;
	endsAt: string;
	attendance: number;
	summary: string;
	isPublic: boolean;
}
