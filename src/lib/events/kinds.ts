import { m } from '$lib/paraglide/messages';

export const EVENT_KINDS = ['forum', 'salon', 'workshop', 'meeting', 'volunteer', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const isEventKind = (v: unknown): v is EventKind =>
	typeof v === 'string' && (EVENT_KINDS as readonly string[]).includes(v);

const LABELS: Record<EventKind, () => string> = {
	forum: m.event_kind_forum,
	salon: m.event_kind_salon,
	workshop: m.event_kind_workshop,
	meeting: m.event_kind_meeting,
	volunteer: m.event_kind_volunteer,
	other: m.event_kind_other
};
export const eventKindLabel = (kind: EventKind) => LABELS[kind]();
