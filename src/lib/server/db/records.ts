// Records of held dates (開催記録) and their headcounts (migration
// 20261213000000_occurrence_records). Everyone reads a public record of a
// visible event; the event's organisers and coordinators read and write all
// of its records (RLS). Saving is one function (save_occurrence_record), so
// that a record and its headcounts are written together or not at all.
import type { Db } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/database.types';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import {
	PARTICIPANT_KINDS,
	type Headcount,
	type OccurrenceRecord,
	type ParticipantKind,
	type RecordItem
} from '$lib/records/types';

export type { OccurrenceRecord, RecordItem };

// the kinds the form offers are the database's, in both directions
type DbKind = Database['public']['Enums']['participant_kind'];
const sameKinds: [DbKind, ParticipantKind] extends [ParticipantKind, DbKind] ? true : never = true;
void sameKinds;

const RECORD_SELECT =
	'occurrence_id, event_id, forum_name, venue, agenda, summary, materials, registered_attended, walk_ins, attendance, is_public, updated_at, headcounts:occurrence_record_headcounts(kind, people, first_time)';

const KIND_ORDER = new Map<string, number>(PARTICIPANT_KINDS.map((k, i) => [k, i]));

/** A date's record with its minutes' Markdown source (for the form and the record's page); null when there is none or RLS hides it. */
export async function findRecord(
	db: Db,
	occurrenceId: string
): Promise<(OccurrenceRecord & { minutes: string }) | null> {
	const { data, error } = await db
		.from('occurrence_records')
		.select(`${RECORD_SELECT}, minutes`)
		.eq('occurrence_id', occurrenceId)
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	const headcounts: Headcount[] = data.headcounts
		.map((h) => ({ kind: h.kind, people: h.people, firstTime: h.first_time }))
		.sort((a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0));
	return {
		occurrenceId: data.occurrence_id,
		eventId: data.event_id,
		forumName: data.forum_name,
		venue: data.venue,
		agenda: data.agenda,
		summary: data.summary,
		minutes: data.minutes,
		materials: data.materials,
		registeredAttended: data.registered_attended,
		walkIns: data.walk_ins,
		// generated (never null; the generated types cannot say so)
		attendance: data.attendance ?? data.registered_attended + data.walk_ins,
		isPublic: data.is_public,
		headcounts,
		updatedAt: data.updated_at
	};
}

/** The records of an event's dates the reader may see, latest date first. */
export async function listEventRecords(db: Db, eventId: string, limit = 5): Promise<RecordItem[]> {
	const { data, error } = await db
		.from('occurrence_records')
		.select(
			'occurrence_id, attendance, registered_attended, walk_ins, summary, is_public, occurrence:event_occurrences!inner(starts_at, ends_at)'
		)
		.eq('event_id', eventId)
		.order('occurrence(starts_at)', { ascending: false })
		.limit(limit);
	if (error) dbFailure(error);
	return data.map((r) => ({
		occurrenceId: r.occurrence_id,
		startsAt: r.occurrence.starts_at,
		endsAt: r.occurrence.ends_at,
		attendance: r.attendance ?? r.registered_attended + r.walk_ins,
		summary: r.summary,
		isPublic: r.is_public
	}));
}

/**
 * People marked as attended on a date (with companions), as a record counts
 * them (private.occurrence_attended): what a new record starts from. 0 for
 * anybody who does not manage the date's event.
 */
export async function countAttended(db: Db, occurrenceId: string): Promise<number> {
	const { data, error } = await db.rpc('occurrence_attendance', { p_occurrence: occurrenceId });
	if (error) dbFailure(error);
	return data;
}

/** Which of these dates have a record the reader may see. */
export async function recordedAmong(db: Db, occurrenceIds: string[]): Promise<Set<string>> {
	if (occurrenceIds.length === 0) return new Set();
	const { data, error } = await db
		.from('occurrence_records')
		.select('occurrence_id')
		.in('occurrence_id', occurrenceIds);
	if (error) dbFailure(error);
	return new Set(data.map((r) => r.occurrence_id));
}

export interface RecordInput {
	forumName: string;
	venue: string;
	agenda: string;
	summary: string;
	minutes: string;
	materials: string[];
	walkIns: number;
	isPublic: boolean;
	headcounts: Headcount[];
}

export type RecordRefusal =
	'not_found' | 'forbidden' | 'not_held' | 'date_cancelled' | 'headcount_over';

/** Writes a date's record and its headcounts together; the attendance it counts, or why not. */
export async function saveRecord(
	db: Db,
	occurrenceId: string,
	input: RecordInput
): Promise<Refusable<{ attendance: number }, RecordRefusal>> {
	const { data, error } = await db.rpc('save_occurrence_record', {
		p_occurrence: occurrenceId,
		p_record: {
			forum_name: input.forumName,
			venue: input.venue,
			agenda: input.agenda,
			summary: input.summary,
			minutes: input.minutes,
			materials: input.materials,
			walk_ins: input.walkIns,
			is_public: input.isPublic
		},
		p_headcounts: input.headcounts.map((h) => ({
			kind: h.kind,
			people: h.people,
			first_time: h.firstTime
		}))
	});
	if (error)
		return refused(error, [
			'not_found',
			'forbidden',
			'not_held',
			'date_cancelled',
			'headcount_over'
		]);
	return { ok: true, attendance: data };
}

/**
 * Deletes a date's record (its headcounts go with it); `deleted` false when
 * there was none to delete. A record that holds 声 is refused (record_has_voices).
 */
export async function deleteRecord(
	db: Db,
	occurrenceId: string
): Promise<Refusable<{ deleted: boolean }, 'record_has_voices'>> {
	const { data, error } = await db
		.from('occurrence_records')
		.delete()
		.eq('occurrence_id', occurrenceId)
		.select('occurrence_id');
	if (error) return refused(error, ['record_has_voices']);
	return { ok: true, deleted: data.length > 0 };
}
