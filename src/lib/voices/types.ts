// 地域の声 (what residents raised at a forum): the statuses and destinations
// (the enums voice_status and voice_destination; src/lib/server/db/voices.ts
// checks that they agree), the path a 声 takes, and the shapes pages show.

export const VOICE_STATUSES = [
	'received',
	'considering',
	'answered',
	'reflected',
	'declined'
] as const;
export type VoiceStatus = (typeof VOICE_STATUSES)[number];

/** The outcomes: each carries the answer's text, and tells the forum's attendees. */
export const VOICE_OUTCOMES = [
	'answered',
	'reflected',
	'declined'
] as const satisfies VoiceStatus[];

export const VOICE_DESTINATIONS = [
	'area_council',
	'care_meeting',
	'department',
	'organization'
] as const;
export type VoiceDestination = (typeof VOICE_DESTINATIONS)[number];

export const VOICE_LIMITS = { body: 2000, note: 1000, takenToName: 200, answer: 4000 } as const;

export const isVoiceStatus = (v: unknown): v is VoiceStatus =>
	typeof v === 'string' && (VOICE_STATUSES as readonly string[]).includes(v);
export const isVoiceDestination = (v: unknown): v is VoiceDestination =>
	typeof v === 'string' && (VOICE_DESTINATIONS as readonly string[]).includes(v);
export const isOutcome = (s: VoiceStatus) => (VOICE_OUTCOMES as readonly string[]).includes(s);

/**
 * The steps that need no reason: 受付 → 検討中 → 回答あり / 反映 / 見送り, and
 * from an answer to its reflection (private.voice_step_on_path says the same).
 */
const ON_PATH: Record<VoiceStatus, readonly VoiceStatus[]> = {
	received: ['considering'],
	considering: ['answered', 'reflected', 'declined'],
	answered: ['reflected'],
	reflected: [],
	declined: []
};

/** True when moving from one status to the other follows the path (no reason needed). */
export const isOnPath = (from: VoiceStatus, to: VoiceStatus) => ON_PATH[from].includes(to);

/** The statuses a form offers after `from`: the path's next steps first, then the rest (with a reason). */
export function nextStatuses(from: VoiceStatus): { onPath: VoiceStatus[]; offPath: VoiceStatus[] } {
	const onPath = [...ON_PATH[from]];
	const offPath = VOICE_STATUSES.filter((s) => s !== from && !onPath.includes(s));
	return { onPath, offPath };
}

export interface VoiceNamed {
	slug: string;
	name_ja: string;
	name_en: string;
}

/** A 声 as lists show it. */
export interface VoiceItem {
	id: string;
	body: string;
	status: VoiceStatus;
	statusOn: string;
	raisedOn: string;
	isPublic: boolean;
	answer: string;
	area: VoiceNamed | null;
	fields: VoiceNamed[];
	event: { id: string; title: string };
	occurrenceId: string;
	takenTo: VoiceDestination | null;
	takenToName: string | null;
}

export interface VoiceStep {
	status: VoiceStatus;
	statusOn: string;
	note: string | null;
	takenTo: VoiceDestination | null;
	takenToName: string | null;
	answer: string;
	changedAt: string;
}

/** A 声 with its path, for its page. */
export interface Voice extends VoiceItem {
	areaId: string | null;
	fieldIds: string[];
	statusNote: string | null;
	thread: { id: string; title: string } | null;
	practice: { id: string; title: string } | null;
	history: VoiceStep[];
	/** the date of the forum it was raised at */
	occurrence: { startsAt: string; endsAt: string; allDay: boolean };
	/** the forum's record is readable by the viewer (public, or theirs to manage) */
	recordReadable: boolean;
}
