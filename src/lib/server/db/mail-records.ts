// What the worker reads to write the mails of record and 声 notices (service
// role): a held date still without a record (to its organisers) and a 声
// answered (to the forum's attendees). Imports are relative and type-only:
// the worker runs this outside SvelteKit (scripts/worker.ts).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

type Db = SupabaseClient<Database>;

function fail(what: string, error: { message: string }): never {
	throw new Error(`${what}: ${error.message}`);
}

export interface MailRecordNotice {
	userId: string;
	kind: 'record_missing' | 'voice_answered';
	event: { id: string; title: string; allDay: boolean };
	occurrence: { id: string; startsAt: string; endsAt: string };
	/** voice_answered: the 声 with its answer */
	voice: { id: string; body: string; status: string; answer: string } | null;
}

/**
 * One notice with what its mail says, or null when there is nothing left to
 * say: the record was written meanwhile, or the 声 is gone, no longer public,
 * or no longer answered.
 */
export async function mailRecordNotice(db: Db, id: string): Promise<MailRecordNotice | null> {
	const { data, error } = await db
		.from('notifications')
		.select(
			'user_id, kind, detail, event:events(id, title, all_day, status), occurrence:event_occurrences(id, starts_at, ends_at), voice:voices(id, body, status, answer, is_public)'
		)
		.eq('id', id)
		.maybeSingle();
	if (error) fail('notifications', error);
	if (!data || !data.event || !data.occurrence) return null;
	const kind = data.kind;
	if (kind !== 'record_missing' && kind !== 'voice_answered') return null;
	const base: Omit<MailRecordNotice, 'voice'> = {
		userId: data.user_id,
		kind,
		event: { id: data.event.id, title: data.event.title, allDay: data.event.all_day },
		occurrence: {
			id: data.occurrence.id,
			startsAt: data.occurrence.starts_at,
			endsAt: data.occurrence.ends_at
		}
	};
	if (kind === 'record_missing') {
		const record = await db
			.from('occurrence_records')
			.select('occurrence_id')
			.eq('occurrence_id', data.occurrence.id)
			.maybeSingle();
		if (record.error) fail('occurrence_records', record.error);
		if (record.data || data.event.status !== 'published') return null;
		return { ...base, voice: null };
	}
	const v = data.voice;
	if (!v || !v.is_public || v.status !== data.detail) return null;
	return { ...base, voice: { id: v.id, body: v.body, status: v.status, answer: v.answer } };
}
