// Threads (話題): the lists, one thread, starting one, an event's comment
// thread, following, the answer of a question, and who takes part. Every call
// goes through the client it is given, so RLS decides: hidden and deleted
// threads show only to their author and coordinators, an event's thread only
// with its event. Posts are in posts.ts; reports and moderation in moderation.ts.
import type { Db } from '$lib/server/db/client';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import { threadPageOf, type ThreadPage, type ThreadPageJson } from '$lib/server/db/posts';
import type { PersonRef, ThreadCard, ThreadDetail } from '$lib/threads/types';

export type { PersonRef, ThreadCard, ThreadDetail };

export const THREAD_PAGE_SIZE = 20;
/** a list says "1000 or more" beyond this (count_threads) */
export const THREAD_COUNT_CAP = 1000;
export const TITLE_MAX = 120;

/**
 * A thread card: one computed field, thread_card (JSON built in SQL), since
 * PostgREST spends CPU on every item of a select list (the embeds this
 * replaced cost it 3 ms per request; migration 20261212000000_wide_reads).
 */
// (PostgREST 12.0 orders a function's rows only by selected columns: hence the two beside it)
const CARD_SELECT = 'card:thread_card, last_posted_at, id' as const;
const HEAD_SELECT = `${CARD_SELECT}, hidden_at, hidden_reason, deleted_at` as const;

/** thread_card, as the SQL function writes it. */
type CardRow = {
	id: string;
	title: string;
	is_question: boolean;
	solved_post_id: string | null;
	locked_at: string | null;
	created_at: string;
	last_posted_at: string;
	reply_count: number;
	post_count: number;
	author_id: string | null;
	/** as author_names names people: null when the author is gone or writes nothing that shows */
	author_name: string | null;
	area: ThreadCard['area'];
	organization: ThreadCard['organization'];
	event: ThreadCard['event'];
	fields: ThreadCard['fields'];
};

/** The card of a row read with CARD_SELECT (RLS showed the row: never null). */
const cardOf = (row: { card: unknown }) => row.card as CardRow;

const toCard = (t: CardRow): ThreadCard => {
	return {
		id: t.id,
		title: t.title,
		isQuestion: t.is_question,
		solved: t.solved_post_id !== null,
		locked: t.locked_at !== null,
		createdAt: t.created_at,
		lastPostedAt: t.last_posted_at,
		replyCount: t.reply_count,
		postCount: t.post_count,
		author:
			t.author_id && t.author_name !== null
				? { id: t.author_id, displayName: t.author_name }
				: null,
		area: t.area,
		organization: t.organization,
		event: t.event,
		fields: t.fields
	};
};

/**
 * The display names of people who wrote something that shows (author_names:
 * writing in public names one there, listed profile or not). One call for a
 * whole list.
 */
export async function authorNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
	const unique = [...new Set(ids.filter((id): id is string => id !== null))];
	if (unique.length === 0) return new Map();
	const { data, error } = await db.rpc('author_names', { p_ids: unique });
	if (error) dbFailure(error);
	return new Map(data.map((p) => [p.user_id, p.display_name]));
}

// ---------------------------------------------------------------------------
// Lists

export interface ThreadFilters {
	/** text in the title or first post (Japanese substrings: 食堂 finds 子ども食堂) */
	q?: string;
	areaId?: string;
	fieldId?: string;
	organizationId?: string;
	/** only threads without a reply that shows */
	unanswered?: boolean;
}

const filterArgs = (f: ThreadFilters) => ({
	p_q: f.q?.trim() || undefined,
	p_area: f.areaId,
	p_field: f.fieldId,
	p_organization: f.organizationId,
	p_unanswered: f.unanswered ?? false
});

async function searchThreads(db: Db, filters: ThreadFilters, limit: number, offset: number) {
	const { data, error } = await db
		.rpc('search_threads', { ...filterArgs(filters), p_limit: limit, p_offset: offset })
		.select(CARD_SELECT)
		.order('last_posted_at', { ascending: false })
		.order('id', { ascending: false });
	if (error) dbFailure(error);
	return data.map((row) => toCard(cardOf(row)));
}

/**
 * /threads: threads that show to everybody, newest activity first, 20 a page
 * (the database applies the limit: search_threads); the total is counted up
 * to THREAD_COUNT_CAP.
 */
export async function listThreads(
	db: Db,
	filters: ThreadFilters,
	page = 1
): Promise<{ threads: ThreadCard[]; total: number; totalCapped: boolean }> {
	const offset = (Math.max(1, Math.floor(page)) - 1) * THREAD_PAGE_SIZE;
	const [threads, counted] = await Promise.all([
		searchThreads(db, filters, THREAD_PAGE_SIZE, offset),
		db.rpc('count_threads', { ...filterArgs(filters), p_cap: THREAD_COUNT_CAP })
	]);
	if (counted.error) dbFailure(counted.error);
	return { threads, total: counted.data, totalCapped: counted.data >= THREAD_COUNT_CAP };
}

/** The latest threads of an area, a field or an organization (their pages), newest activity first. */
export async function latestThreads(
	db: Db,
	scope: { areaId: string } | { fieldId: string } | { organizationId: string },
	limit = 5
): Promise<ThreadCard[]> {
	return searchThreads(db, scope, limit, 0);
}

/**
 * A thread as home_sections writes it (db/home.ts): a card's own columns
 * without what it names or embeds, the area as its id.
 */
export type ActiveThreadJson = Omit<
	CardRow,
	'author_id' | 'author_name' | 'area' | 'organization' | 'event' | 'fields'
> & { area_id: string | null };

/**
 * One of the home page's active threads (home_sections walks them with
 * search_threads, through threads_activity_idx): the area as its id, for the
 * page to name from the areas it has; no author names, organization, event or fields.
 */
export const activeThreadOf = (
	t: ActiveThreadJson
): Omit<ThreadCard, 'area'> & { areaId: string | null } => ({
	id: t.id,
	title: t.title,
	isQuestion: t.is_question,
	solved: t.solved_post_id !== null,
	locked: t.locked_at !== null,
	createdAt: t.created_at,
	lastPostedAt: t.last_posted_at,
	replyCount: t.reply_count,
	postCount: t.post_count,
	author: null,
	areaId: t.area_id,
	organization: null,
	event: null,
	fields: []
});

// ---------------------------------------------------------------------------
// One thread

/** What ties a thread to practices (RLS hides a practice the viewer may not see). */
export interface ThreadPracticeLinks {
	/** the practice whose comment thread this is */
	commentsOf: { id: string; title: string } | null;
	/** the practice this thread was opened from (「〇〇の実践事例から」) */
	inspiredBy: { id: string; title: string } | null;
}

const PRACTICES_SELECT =
	'commentsOf:practices!threads_practice_id_fkey(id, title), inspiredBy:practices!threads_inspired_by_practice_id_fkey(id, title)' as const;

/**
 * The thread, or null when there is none or RLS hides it, with the practices it is tied to
 * (its page names them), in one request. `viewerId`: the signed-in person (whether they follow
 * it), or null. An item's comment thread is read with its comments (readItemComments).
 */
export async function getThread(
	db: Db,
	id: string,
	viewerId: string | null
): Promise<(ThreadDetail & { practices: ThreadPracticeLinks }) | null> {
	// a signed-in viewer's フォロー comes with the thread (visitors have none to read)
	const { row, following } = viewerId
		? await db
				.from('threads')
				.select(`${HEAD_SELECT}, ${PRACTICES_SELECT}, thread_follows(following)`)
				.eq('id', id)
				.eq('thread_follows.user_id', viewerId)
				.maybeSingle()
				.then(({ data, error }) => {
					if (error) dbFailure(error);
					return { row: data, following: data?.thread_follows[0]?.following ?? false };
				})
		: await db
				.from('threads')
				.select(`${HEAD_SELECT}, ${PRACTICES_SELECT}`)
				.eq('id', id)
				.maybeSingle()
				.then(({ data, error }) => {
					if (error) dbFailure(error);
					return { row: data, following: null };
				});
	return (
		row && {
			...threadDetailOf(row, following),
			practices: { commentsOf: row.commentsOf ?? null, inspiredBy: row.inspiredBy ?? null }
		}
	);
}

/** A thread's head row (HEAD_SELECT, or item_comments' `thread`) as its page shows it. */
function threadDetailOf(
	row: {
		card: unknown;
		hidden_at: string | null;
		hidden_reason: string | null;
		deleted_at: string | null;
	},
	following: boolean | null
): ThreadDetail {
	const t = cardOf(row);
	return {
		...toCard(t),
		authorId: t.author_id,
		solvedPostId: t.solved_post_id,
		lockedAt: t.locked_at,
		hiddenAt: row.hidden_at,
		hiddenReason: row.hidden_reason,
		deletedAt: row.deleted_at,
		following
	};
}

/** What item_comments returns (the generated types call a jsonb result `Json`). */
type ItemCommentsJson = {
	thread: {
		card: unknown;
		hidden_at: string | null;
		hidden_reason: string | null;
		deleted_at: string | null;
		/** only for the signed in */
		following?: boolean;
	};
	page: ThreadPageJson;
} | null;

/**
 * An item's comments in one request (item_comments): its comment thread as
 * getThread reads it (null while nobody has commented, or when the reader may
 * not see it), and its last page as readThreadPage reads it.
 */
export async function readItemComments(
	db: Db,
	key: { eventId: string } | { practiceId: string },
	opts: { last: number; mentions: number }
): Promise<{ thread: ThreadDetail; page: ThreadPage } | null> {
	const { data, error } = await db.rpc('item_comments', {
		p_event: 'eventId' in key ? key.eventId : undefined,
		p_practice: 'practiceId' in key ? key.practiceId : undefined,
		p_last: opts.last,
		p_mentions: opts.mentions
	});
	if (error) dbFailure(error);
	const json: unknown = data;
	const result = json as ItemCommentsJson;
	if (!result) return null;
	return {
		thread: threadDetailOf(result.thread, result.thread.following ?? null),
		page: threadPageOf(result.page)
	};
}

export interface NewThread {
	title: string;
	/** the first post: Markdown as written, and the sanitised HTML rendered from it */
	body: string;
	bodyHtml: string;
	areaId: string | null;
	organizationId: string | null;
	fieldIds: string[];
	isQuestion: boolean;
}

export type CreateThreadRefusal =
	| 'sign_in'
	| 'bad_length'
	| 'thread_rate'
	| 'post_rate'
	| 'too_many_links'
	| 'suspended'
	| 'unverified';

/** Starts a thread with its first post, in one transaction (create_thread). */
export async function createThread(
	db: Db,
	input: NewThread
): Promise<Refusable<{ id: string }, CreateThreadRefusal>> {
	const { data, error } = await db.rpc('create_thread', {
		p_title: input.title,
		p_body: input.body,
		p_body_html: input.bodyHtml,
		// null: none (the generated type cannot say that the argument may be null)
		p_area: input.areaId ?? undefined,
		p_organization: input.organizationId ?? undefined,
		p_field_ids: input.fieldIds,
		p_is_question: input.isQuestion
	});
	if (error)
		return refused(error, [
			'sign_in',
			'bad_length',
			'thread_rate',
			'post_rate',
			'too_many_links',
			'suspended',
			'unverified'
		]);
	return { ok: true, id: data };
}

/**
 * An event's comment thread, made now if it has none (before its first
 * comment): 'not_found' for a draft or an event the person cannot see.
 */
export async function getOrCreateEventThread(
	db: Db,
	eventId: string
): Promise<Refusable<{ id: string }, 'not_found' | 'sign_in' | 'suspended' | 'unverified'>> {
	const { data, error } = await db.rpc('event_thread', { p_event: eventId });
	if (error) return refused(error, ['not_found', 'sign_in', 'suspended', 'unverified']);
	return { ok: true, id: data };
}

/**
 * Marks a reply as the answer (解決) of a question, or unmarks it (null):
 * the thread's author or a coordinator.
 */
export async function markSolved(
	db: Db,
	threadId: string,
	postId: string | null
): Promise<Refusable<object, 'not_found' | 'forbidden' | 'sign_in'>> {
	const { error } = await db.rpc('mark_solved', {
		p_thread: threadId,
		// null unmarks (the generated type cannot say that the argument may be null)
		p_post: postId ?? undefined
	});
	if (error) return refused(error, ['not_found', 'forbidden', 'sign_in']);
	return { ok: true };
}

/**
 * Follows or stops following a thread (フォロー). Writing in a thread follows
 * it; stopping sticks (later posts do not follow it again).
 */
export async function setFollowing(
	db: Db,
	threadId: string,
	following: boolean
): Promise<Refusable<object, 'not_found' | 'sign_in'>> {
	const { error } = await db.rpc('set_thread_following', {
		p_thread: threadId,
		p_following: following
	});
	if (error) return refused(error, ['not_found', 'sign_in']);
	return { ok: true };
}

/** The people taking part in a thread (its author and those with a post that shows), for @mentions. */
export async function threadParticipants(db: Db, threadId: string): Promise<PersonRef[]> {
	const { data, error } = await db.rpc('thread_participants', { p_thread: threadId });
	if (error) dbFailure(error);
	return data.map((p) => ({ id: p.user_id, displayName: p.display_name }));
}
