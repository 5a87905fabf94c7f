// 地域の声 (migration 20261214000000_voices): what residents raised at a held
// date's forum, and where it went. Everyone reads public 声 of visible
// events; the event's organisers and coordinators read and write all of them
// (RLS). A 声 and its fields are written by save_voice, a step by move_voice;
// the database checks the path and keeps the history (voice_history).
import type { Db } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/database.types';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import type { Voice, VoiceDestination, VoiceItem, VoiceStatus, VoiceStep } from '$lib/voices/types';

export type { Voice, VoiceItem };

// the statuses and destinations the pages offer are the database's, in both directions
type DbStatus = Database['public']['Enums']['voice_status'];
type DbDestination = Database['public']['Enums']['voice_destination'];
const sameStatuses: [DbStatus, VoiceStatus] extends [VoiceStatus, DbStatus] ? true : never = true;
const sameDestinations: [DbDestination, VoiceDestination] extends [VoiceDestination, DbDestination]
	? true
	: never = true;
void sameStatuses;
void sameDestinations;

export const VOICE_PAGE_SIZE = 20;

// created_at: PostgREST orders a function's rows only by selected columns
const ITEM_SELECT = `id, body, status, status_on, raised_on, created_at, is_public, answer, occurrence_id, taken_to, taken_to_name,
	area:areas(slug, name_ja, name_en),
	fields:voice_fields(field:fields(slug, name_ja, name_en, sort_order)),
	event:events!voices_event_id_fkey(id, title)`;

type ItemRow = {
	id: string;
	body: string;
	status: VoiceStatus;
	status_on: string;
	raised_on: string;
	is_public: boolean;
	answer: string;
	occurrence_id: string;
	taken_to: VoiceDestination | null;
	taken_to_name: string | null;
	area: { slug: string; name_ja: string; name_en: string } | null;
	fields: { field: { slug: string; name_ja: string; name_en: string; sort_order: number } }[];
	event: { id: string; title: string };
};

function toItem(r: ItemRow): VoiceItem {
	return {
		id: r.id,
		body: r.body,
		status: r.status,
		statusOn: r.status_on,
		raisedOn: r.raised_on,
		isPublic: r.is_public,
		answer: r.answer,
		area: r.area,
		fields: r.fields
			.map((f) => f.field)
			.sort((a, b) => a.sort_order - b.sort_order)
			.map(({ slug, name_ja, name_en }) => ({ slug, name_ja, name_en })),
		event: r.event,
		occurrenceId: r.occurrence_id,
		takenTo: r.taken_to,
		takenToName: r.taken_to_name
	};
}

export interface VoiceFilters {
	areaId?: string;
	fieldId?: string;
	status?: VoiceStatus;
	/** the forum's day, from (inclusive) and to (exclusive), YYYY-MM-DD */
	from?: string;
	to?: string;
	q?: string;
	/** only public ones (/voices), even for those who may read the others */
	publicOnly?: boolean;
}

/** 声 newest forum first, 20 a page, with how many match. */
export async function listVoices(
	db: Db,
	filters: VoiceFilters,
	page: number
): Promise<{ voices: VoiceItem[]; total: number }> {
	const from = (page - 1) * VOICE_PAGE_SIZE;
	let query = db
		.rpc(
			'find_voices',
			{
				p_area: filters.areaId,
				p_field: filters.fieldId,
				p_status: filters.status,
				p_from: filters.from,
				p_to: filters.to,
				p_q: filters.q || undefined
			},
			{ count: 'exact' }
		)
		.select(ITEM_SELECT);
	if (filters.publicOnly) query = query.eq('is_public', true);
	const { data, error, count } = await query
		.order('raised_on', { ascending: false })
		.order('created_at', { ascending: false })
		.order('id')
		.range(from, from + VOICE_PAGE_SIZE - 1);
	if (error) dbFailure(error);
	return { voices: data.map(toItem), total: count ?? 0 };
}

/** The 声 of a held date's record the reader may see, in the order they were written. */
export async function recordVoices(db: Db, occurrenceId: string): Promise<VoiceItem[]> {
	const { data, error } = await db
		.from('voices')
		.select(ITEM_SELECT)
		.eq('occurrence_id', occurrenceId)
		.order('created_at')
		.order('id');
	if (error) dbFailure(error);
	return data.map(toItem);
}

/** A 声 with its path; null when there is none or RLS hides it. */
export async function findVoice(db: Db, id: string): Promise<Voice | null> {
	const { data, error } = await db
		.from('voices')
		.select(
			`${ITEM_SELECT}, area_id, status_note,
			field_ids:voice_fields(field_id),
			thread:threads(id, title),
			practice:practices(id, title),
			record:occurrence_records(is_public),
			occurrence:event_occurrences!voices_occurrence_date_fkey(starts_at, ends_at, event:events(all_day)),
			history:voice_history(status, status_on, note, taken_to, taken_to_name, answer, changed_at, id)`
		)
		.eq('id', id)
		.order('id', { referencedTable: 'voice_history' })
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	const row = data;
	const history: VoiceStep[] = row.history.map((h) => ({
		status: h.status,
		statusOn: h.status_on,
		note: h.note,
		takenTo: h.taken_to,
		takenToName: h.taken_to_name,
		answer: h.answer,
		changedAt: h.changed_at
	}));
	return {
		...toItem(row),
		areaId: row.area_id,
		fieldIds: row.field_ids.map((f) => f.field_id),
		statusNote: row.status_note,
		thread: row.thread,
		practice: row.practice,
		history,
		occurrence: {
			startsAt: row.occurrence.starts_at,
			endsAt: row.occurrence.ends_at,
			allDay: row.occurrence.event?.all_day ?? false
		},
		recordReadable: row.record !== null
	};
}

export interface VoiceInput {
	body: string;
	areaId: string | null;
	fieldIds: string[];
	isPublic: boolean;
	/** for an edit: the thread or practice that took it up */
	threadId?: string | null;
	practiceId?: string | null;
}

export type VoiceRefusal = 'not_found' | 'forbidden' | 'no_record';

/** Adds a 声 to a held date's record (`voiceId` null) or edits one; its id, or why not. */
export async function saveVoice(
	db: Db,
	target: { voiceId: string } | { occurrenceId: string },
	input: VoiceInput
): Promise<Refusable<{ id: string }, VoiceRefusal>> {
	const { data, error } = await db.rpc('save_voice', {
		p_voice: 'voiceId' in target ? target.voiceId : undefined,
		p_occurrence: 'occurrenceId' in target ? target.occurrenceId : undefined,
		p_data: {
			body: input.body,
			area_id: input.areaId ?? '',
			is_public: input.isPublic,
			field_ids: input.fieldIds,
			thread_id: input.threadId ?? '',
			practice_id: input.practiceId ?? ''
		}
	});
	if (error) return refused(error, ['not_found', 'forbidden', 'no_record']);
	return { ok: true, id: data };
}

export interface VoiceStepInput {
	status: VoiceStatus;
	/** YYYY-MM-DD */
	statusOn: string;
	note: string | null;
	takenTo: VoiceDestination | null;
	takenToName: string | null;
	answer: string;
}

export type MoveRefusal =
	'not_found' | 'forbidden' | 'voice_needs_reason' | 'voice_needs_answer' | 'voice_bad_date';

/** Moves a 声 a step (or records where it went, or its answer); the database checks the path. */
export async function moveVoice(
	db: Db,
	voiceId: string,
	step: VoiceStepInput
): Promise<Refusable<object, MoveRefusal>> {
	const { error } = await db.rpc('move_voice', {
		p_voice: voiceId,
		p_status: step.status,
		p_status_on: step.statusOn,
		p_note: step.note ?? undefined,
		p_taken_to: step.takenTo ?? undefined,
		p_taken_to_name: step.takenToName ?? undefined,
		p_answer: step.answer
	});
	if (error)
		return refused(error, [
			'not_found',
			'forbidden',
			'voice_needs_reason',
			'voice_needs_answer',
			'voice_bad_date'
		]);
	return { ok: true };
}

/** Deletes a 声 (its history goes with it); false when there was none to delete. */
export async function deleteVoice(db: Db, voiceId: string): Promise<boolean> {
	const { data, error } = await db.from('voices').delete().eq('id', voiceId).select('id');
	if (error) dbFailure(error);
	return data.length > 0;
}

/** 声 still waiting for an answer (受付 or 検討中) that the reader may see: the coordinators' first page. */
export async function countOpenVoices(db: Db): Promise<number> {
	const { count, error } = await db
		.from('voices')
		.select('*', { count: 'exact', head: true })
		.in('status', ['received', 'considering']);
	if (error) dbFailure(error);
	return count ?? 0;
}

/** Whether a date's record holds any 声 (such a record is not deleted). */
export async function recordHasVoices(db: Db, occurrenceId: string): Promise<boolean> {
	const { count, error } = await db
		.from('voices')
		.select('*', { count: 'exact', head: true })
		.eq('occurrence_id', occurrenceId);
	if (error) dbFailure(error);
	return (count ?? 0) > 0;
}
