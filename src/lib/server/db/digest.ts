// The digest of followed events: what the mail worker reads to write one
// (service role; public.mail_digest_events is callable by nobody else).
// Relative, type-only imports: the worker runs this outside SvelteKit.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { DigestEvent, DigestReason } from '../mail/digest';
import type { Database, Json } from './database.types';

type Db = SupabaseClient<Database>;

function fail(what: string, error: { message: string }): never {
	throw new Error(`${what}: ${error.message}`);
}

const KINDS = ['area', 'field', 'organization'] as const;

function reasonsFrom(value: Json): DigestReason[] {
	if (!Array.isArray(value)) return [];
	const reasons: DigestReason[] = [];
	for (const r of value) {
		if (!r || typeof r !== 'object' || Array.isArray(r)) continue;
		const kind = KINDS.find((k) => k === r.kind);
		if (kind && typeof r.ja === 'string' && typeof r.en === 'string')
			reasons.push({ kind, ja: r.ja, en: r.en });
	}
	return reasons;
}

/**
 * What a digest lists: the published events the member follows with a date in
 * [from, to), each once at its first such date; with `newSince`, only those
 * whose followed-event notice came in [newSince, newUntil) (the daily digest).
 */
export async function digestEvents(
	db: Db,
	userId: string,
	w: { from: string; to: string; newSince?: string | null; newUntil?: string | null }
): Promise<DigestEvent[]> {
	const { data, error } = await db.rpc('mail_digest_events', {
		p_user: userId,
		p_from: w.from,
		p_to: w.to,
		...(w.newSince ? { p_new_since: w.newSince, p_new_until: w.newUntil ?? 'infinity' } : {})
	});
	if (error) fail('mail_digest_events', error);
	return data.map((e) => ({
		eventId: e.event_id,
		title: e.title,
		startsAt: e.starts_at,
		endsAt: e.ends_at,
		allDay: e.all_day,
		datesInWindow: e.dates_in_window,
		venueName: e.venue_name || null,
		venueAddress: e.venue_address || null,
		onlineUrl: e.online_url || null,
		organizer: e.organizer || null,
		reasons: reasonsFrom(e.reasons)
	}));
}
