// 発表会 programmes: coordinators choose published practices for an event, in
// order, each with its presenter, a paragraph and an optional time, and print
// it. Coordinators write (policies); everybody reads a public programme.
import type { Db } from '$lib/server/db/client';
import { heldIds, withHeld } from '$lib/server/db/held';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';

export interface ProgrammeItem {
	position: number;
	practiceId: string;
	/** null when the practice no longer shows */
	practiceTitle: string | null;
	organizationName: string | null;
	/** HH:mm, or null */
	startsAt: string | null;
	presenter: string;
	paragraph: string;
}

export interface Programme {
	id: string;
	title: string;
	isPublic: boolean;
	event: {
		id: string;
		title: string;
		startsAt: string;
		endsAt: string;
		venueName: string | null;
	} | null;
	eventId: string;
	items: ProgrammeItem[];
}

export interface ProgrammeSummary {
	id: string;
	title: string;
	isPublic: boolean;
	eventTitle: string | null;
	eventStartsAt: string | null;
	itemCount: number;
}

/** Every programme the reader may see, newest first (coordinators: all). */
export async function listProgrammes(db: Db, limit = 50): Promise<ProgrammeSummary[]> {
	const { data, error } = await db
		.from('programmes')
		.select('id, title, is_public, event:events(title, starts_at), programme_items(count)')
		.order('created_at', { ascending: false })
		.limit(limit);
	if (error) dbFailure(error);
	return data.map((r) => ({
		id: r.id,
		title: r.title,
		isPublic: r.is_public,
		eventTitle: r.event?.title ?? null,
		eventStartsAt: r.event?.starts_at ?? null,
		itemCount: r.programme_items[0]?.count ?? 0
	}));
}

/** One programme with its items in order, or null when the reader may not see it. */
export async function findProgramme(db: Db, id: string): Promise<Programme | null> {
	const { data, error } = await db
		.from('programmes')
		.select(
			`id, title, is_public, event_id,
			event:events(id, title, starts_at, ends_at, venue_name),
			programme_items(position, practice_id, starts_at, presenter, paragraph,
				practice:practices(title, organization:organizations!practices_lead_organization_id_fkey(name)))`
		)
		.eq('id', id)
		.order('position', { referencedTable: 'programme_items' })
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	return {
		id: data.id,
		title: data.title,
		isPublic: data.is_public,
		eventId: data.event_id,
		event: data.event && {
			id: data.event.id,
			title: data.event.title,
			startsAt: data.event.starts_at,
			endsAt: data.event.ends_at,
			venueName: data.event.venue_name
		},
		items: data.programme_items.map((i) => ({
			position: i.position,
			practiceId: i.practice_id,
			practiceTitle: i.practice?.title ?? null,
			organizationName: i.practice?.organization?.name ?? null,
			startsAt: i.starts_at ? i.starts_at.slice(0, 5) : null,
			presenter: i.presenter,
			paragraph: i.paragraph
		}))
	};
}

export interface ProgrammeInput {
	eventId: string;
	title: string;
	isPublic: boolean;
	items: { practiceId: string; presenter: string; paragraph: string; startsAt: string | null }[];
}

export type ProgrammeRefusal = 'forbidden' | 'not_found' | 'not_published' | 'bad_length';

/** Saves a programme (new when `id` is null) and its items in the order given (coordinators). */
export async function saveProgramme(
	db: Db,
	id: string | null,
	input: ProgrammeInput
): Promise<Refusable<{ id: string }, ProgrammeRefusal>> {
	const { data, error } = await db.rpc('save_programme', {
		p_programme: id ?? undefined,
		p_event: input.eventId,
		p_title: input.title,
		p_public: input.isPublic,
		p_items: input.items.map((i) => ({
			practice_id: i.practiceId,
			presenter: i.presenter,
			paragraph: i.paragraph,
			starts_at: i.startsAt ?? ''
		}))
	});
	if (error) {
		// an event or practice that does not exist, or RLS hiding the programme
		if (error.code === '23503') return { ok: false, refusal: 'not_found' };
		if (error.code === '42501' && !error.hint) return { ok: false, refusal: 'forbidden' };
		return refused(error, ['forbidden', 'not_found', 'not_published', 'bad_length']);
	}
	return { ok: true, id: data };
}

/** Deletes a programme (coordinators); false when there was none they may delete. */
export async function deleteProgramme(db: Db, id: string): Promise<boolean> {
	const { data, error } = await db.from('programmes').delete().eq('id', id).select('id');
	if (error) dbFailure(error);
	return data.length > 0;
}

export interface PracticeOption {
	id: string;
	title: string;
	summary: string;
	organizationName: string | null;
}

/** Published practices to choose from (award and programme forms), by title. */
export async function publishedPracticeOptions(
	db: Db,
	limit = 500,
	/** practices a form holds now: listed wherever they sort */
	include: readonly string[] = []
): Promise<PracticeOption[]> {
	const select =
		'id, title, summary, organization:organizations!practices_lead_organization_id_fkey(name)';
	const wanted = heldIds(include);
	const [listed, included] = await Promise.all([
		db.from('practices').select(select).eq('status', 'published').order('title').limit(limit),
		wanted.length
			? db.from('practices').select(select).eq('status', 'published').in('id', wanted)
			: null
	]);
	if (listed.error) dbFailure(listed.error);
	if (included?.error) dbFailure(included.error);
	return withHeld(listed.data, included?.data).map((p) => ({
		id: p.id,
		title: p.title,
		summary: p.summary,
		organizationName: p.organization?.name ?? null
	}));
}

/** Events to choose from for an award or a programme (the 発表会), latest first. */
export async function eventOptions(
	db: Db,
	limit = 200,
	now = new Date(),
	/** events a form holds now: listed however far back */
	include: readonly string[] = []
): Promise<{ id: string; title: string; startsAt: string }[]> {
	// the latest first, from half a year ahead: a 発表会 already held or coming soon
	const horizon = new Date(now.getTime() + 183 * 86400_000).toISOString();
	const wanted = heldIds(include);
	const [listed, included] = await Promise.all([
		db
			.from('events')
			.select('id, title, starts_at')
			.neq('status', 'draft')
			.lte('starts_at', horizon)
			.order('starts_at', { ascending: false })
			.limit(limit),
		wanted.length
			? db.from('events').select('id, title, starts_at').neq('status', 'draft').in('id', wanted)
			: null
	]);
	if (listed.error) dbFailure(listed.error);
	if (included?.error) dbFailure(included.error);
	return withHeld(listed.data, included?.data).map((e) => ({
		id: e.id,
		title: e.title,
		startsAt: e.starts_at
	}));
}
