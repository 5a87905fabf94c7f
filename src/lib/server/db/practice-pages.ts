// The reading side of practices beyond db/practices.ts: a practice's comment
// thread (read with getThread, db/threads.ts, by { practiceId }), 「うちでもやってみたい」 (threads it inspired), the practice a thread
// belongs to or came from, and the next dates of its linked events. Schema:
// supabase/migrations/20261209050000_practice_threads.sql. RLS decides as
// everywhere: a practice's thread shows only with its practice.
import type { Db } from '$lib/server/db/client';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import type { AreaRef } from '$lib/events/types';
import type { PracticePhoto } from '$lib/practices/types';

/**
 * A published practice's comment thread, made now if it has none (before its
 * first comment): 'not_found' for a practice that is not published.
 */
export async function getOrCreatePracticeThread(
	db: Db,
	practiceId: string
): Promise<Refusable<{ id: string }, 'not_found' | 'sign_in' | 'suspended' | 'unverified'>> {
	const { data, error } = await db.rpc('practice_thread', { p_practice: practiceId });
	if (error) return refused(error, ['not_found', 'sign_in', 'suspended', 'unverified']);
	return { ok: true, id: data };
}

export interface InspireInput {
	practiceId: string;
	title: string;
	/** the Markdown of the first post as stored (the reader's message and the link to the practice) */
	body: string;
	bodyHtml: string;
	areaId: string | null;
	fieldIds: string[];
}

export type InspireRefusal =
	| 'sign_in'
	| 'not_found'
	| 'bad_length'
	| 'thread_rate'
	| 'post_rate'
	| 'too_many_links'
	| 'suspended'
	| 'unverified';

/**
 * 「うちでもやってみたい」: opens a thread in the reader's area with the
 * practice's fields, linked to the practice, and tells the lead organization's
 * owners and editors (inspire_thread, one transaction).
 */
export async function inspireThread(
	db: Db,
	input: InspireInput
): Promise<Refusable<{ id: string }, InspireRefusal>> {
	const { data, error } = await db.rpc('inspire_thread', {
		p_practice: input.practiceId,
		p_title: input.title,
		p_body: input.body,
		p_body_html: input.bodyHtml,
		// null: no area (the generated type cannot say that the argument may be null)
		p_area: input.areaId ?? undefined,
		p_field_ids: input.fieldIds
	});
	if (error)
		return refused(error, [
			'sign_in',
			'not_found',
			'bad_length',
			'thread_rate',
			'post_rate',
			'too_many_links',
			'suspended',
			'unverified'
		]);
	return { ok: true, id: data };
}

export interface InspiredThread {
	id: string;
	title: string;
	createdAt: string;
	replyCount: number;
	area: AreaRef | null;
}

/** The threads a practice inspired, newest first (threads_inspired_by_idx); RLS hides hidden ones. */
export async function threadsInspiredBy(
	db: Db,
	practiceId: string,
	limit = 10
): Promise<InspiredThread[]> {
	const { data, error } = await db
		.from('threads')
		.select('id, title, created_at, reply_count, area:areas(id, slug, name_ja, name_en)')
		.eq('inspired_by_practice_id', practiceId)
		.is('hidden_at', null)
		.is('deleted_at', null)
		.order('created_at', { ascending: false })
		.limit(limit);
	if (error) dbFailure(error);
	return data.map((t) => ({
		id: t.id,
		title: t.title,
		createdAt: t.created_at,
		replyCount: t.reply_count,
		area: t.area
	}));
}

/**
 * The next date (not yet ended, not cancelled) of each of these events, by
 * event id: a practice page puts an event with one among the upcoming ones.
 * One query through event_occurrences_event_idx.
 */
export async function nextDatesOf(
	db: Db,
	eventIds: string[],
	now = new Date()
): Promise<Map<string, { startsAt: string; endsAt: string }>> {
	if (eventIds.length === 0) return new Map();
	const { data, error } = await db
		.from('event_occurrences')
		.select('event_id, starts_at, ends_at')
		.in('event_id', eventIds)
		.eq('status', 'scheduled')
		.gt('ends_at', now.toISOString())
		.order('starts_at')
		.limit(500);
	if (error) dbFailure(error);
	const next = new Map<string, { startsAt: string; endsAt: string }>();
	for (const o of data)
		if (!next.has(o.event_id)) next.set(o.event_id, { startsAt: o.starts_at, endsAt: o.ends_at });
	return next;
}

/** A featured practice as the home page shows it (its areas as ids, named from the page's areas). */
export interface HomePractice {
	id: string;
	title: string;
	summary: string;
	leadOrganization: { name: string };
	cover: PracticePhoto | null;
	areaIds: string[];
}

/** A featured practice as home_sections writes it (db/home.ts). */
export interface HomePracticeJson {
	id: string;
	title: string;
	summary: string;
	lead: { name: string } | null;
	/** the cover alone (position 1) */
	cover: PracticePhoto | null;
	area_ids: string[];
}

export const homePracticeOf = (p: HomePracticeJson): HomePractice => ({
	id: p.id,
	title: p.title,
	summary: p.summary,
	leadOrganization: { name: p.lead?.name ?? '' },
	cover: p.cover,
	areaIds: p.area_ids
});
