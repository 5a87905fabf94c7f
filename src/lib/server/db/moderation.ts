// Reports (通報), moderation and suspensions. Members report what they see;
// coordinators work through the queue and act through functions that check
// the role themselves (security definer), close the item's open reports, tell
// the people concerned and append to the audit log, which nobody can change.
import type { Db } from '$lib/server/db/client';
import { dbFailure, refused, type Refusable } from '$lib/server/db/errors';
import {
	isModerationAction,
	isReportReason,
	type AuditEntry,
	type MyReport,
	type ReportItemKind,
	type ReportQueueItem,
	type ReportReason,
	type ReportTarget,
	type Suspension,
	type SuspensionDays
} from '$lib/moderation/types';
import { findThanks } from '$lib/server/db/thanks';
import { postPageOf } from '$lib/threads/paging';

export type {
	AuditEntry,
	MyReport,
	ReportQueueItem,
	ReportReason,
	ReportTarget,
	Suspension,
	SuspensionDays
};

export const REPORT_QUEUE_PAGE_SIZE = 50;
export const AUDIT_PAGE_SIZE = 50;
export const REPORT_DETAILS_MAX = 1000;
export const MODERATION_REASON_MAX = 500;

// ---------------------------------------------------------------------------
// Reporting (members)

export type ReportRefusal =
	'already_reported' | 'suspended' | 'bad_length' | 'not_found' | 'unverified';

/**
 * Reports a thread, post, event or organization. One report per person per
 * item ('already_reported'); 'other' needs details. 'not_found' when the
 * person cannot see the item.
 */
export async function reportItem(
	db: Db,
	target: ReportTarget,
	reason: ReportReason,
	details: string | null
): Promise<Refusable<{ id: string }, ReportRefusal>> {
	const { data, error } = await db
		.from('reports')
		.insert({
			thread_id: 'threadId' in target ? target.threadId : null,
			post_id: 'postId' in target ? target.postId : null,
			event_id: 'eventId' in target ? target.eventId : null,
			organization_id: 'organizationId' in target ? target.organizationId : null,
			thanks_id: 'thanksId' in target ? target.thanksId : null,
			reason,
			details: details?.trim() || null
		})
		.select('id')
		.single();
	if (error) {
		// the policy refuses what the person cannot see
		if (error.code === '42501' && !error.hint) return { ok: false, refusal: 'not_found' };
		return refused(error, [
			'already_reported',
			'suspended',
			'bad_length',
			'not_found',
			'unverified'
		]);
	}
	return { ok: true, id: data.id };
}

/** The person's reports on these items (to show 通報済み), by item id. */
export async function myReportsOn(
	db: Db,
	userId: string,
	itemIds: string[]
): Promise<Map<string, MyReport>> {
	if (itemIds.length === 0) return new Map();
	const list = itemIds.join(',');
	const { data, error } = await db
		.from('reports')
		.select(
			'id, thread_id, post_id, event_id, organization_id, thanks_id, reason, details, status, created_at, handled_at'
		)
		.eq('reporter_id', userId)
		.or(
			`thread_id.in.(${list}),post_id.in.(${list}),event_id.in.(${list}),organization_id.in.(${list}),thanks_id.in.(${list})`
		);
	if (error) dbFailure(error);
	const found = new Map<string, MyReport>();
	for (const r of data) {
		const item = r.thread_id ?? r.post_id ?? r.event_id ?? r.organization_id ?? r.thanks_id;
		if (item)
			found.set(item, {
				id: r.id,
				reason: r.reason,
				details: r.details,
				status: r.status,
				createdAt: r.created_at,
				handledAt: r.handled_at
			});
	}
	return found;
}

// ---------------------------------------------------------------------------
// The queue (coordinators)

const KINDS: readonly ReportItemKind[] = ['thread', 'post', 'event', 'organization', 'thanks'];
const isItemKind = (v: string): v is ReportItemKind => (KINDS as readonly string[]).includes(v);

/**
 * Open reports grouped by item: personal information (個人情報) first, then
 * oldest first; one more than the page tells whether there are more.
 * 'forbidden' for anybody but coordinators.
 */
export async function reportQueue(
	db: Db,
	page = 1
): Promise<Refusable<{ items: ReportQueueItem[]; hasMore: boolean }, 'forbidden' | 'sign_in'>> {
	const offset = (Math.max(1, Math.floor(page)) - 1) * REPORT_QUEUE_PAGE_SIZE;
	const { data, error } = await db.rpc('report_queue', {
		p_limit: REPORT_QUEUE_PAGE_SIZE + 1,
		p_offset: offset
	});
	if (error) return refused(error, ['forbidden', 'sign_in']);
	// the generated types of a function's table cannot say which columns may be null
	const items = data.slice(0, REPORT_QUEUE_PAGE_SIZE).flatMap((r): ReportQueueItem[] =>
		isItemKind(r.item_kind)
			? [
					{
						kind: r.item_kind,
						itemId: r.item_id,
						threadId: r.thread_id ?? null,
						postId: r.post_id ?? null,
						eventId: r.event_id ?? null,
						organizationId: r.organization_id ?? null,
						thanksId: r.thanks_id ?? null,
						postPosition: r.post_position ?? null,
						title: r.title ?? null,
						body: r.body ?? null,
						authorId: r.author_id ?? null,
						authorName: r.author_name ?? null,
						hidden: r.item_hidden,
						deleted: r.item_deleted,
						threadLocked: r.thread_locked,
						reporters: r.reporters,
						personalInfo: r.personal_info,
						reasons: r.reasons.filter(isReportReason),
						details: r.details,
						reportIds: r.report_ids,
						firstReportedAt: r.first_reported_at
					}
				]
			: []
	);
	return { ok: true, items, hasMore: data.length > REPORT_QUEUE_PAGE_SIZE };
}

export interface AuthorPost {
	id: string;
	threadId: string;
	threadTitle: string | null;
	position: number;
	page: number;
	body: string;
	createdAt: string;
	hidden: boolean;
	deleted: boolean;
}

/**
 * A person's most recent posts, for the context of a report. RLS shows
 * coordinators all of them (hidden and deleted too); others see only what
 * shows anyway.
 */
export async function authorRecentPosts(
	db: Db,
	authorId: string,
	limit = 5
): Promise<AuthorPost[]> {
	return (await authorsRecentPosts(db, [authorId], limit)).get(authorId) ?? [];
}

/** The latest posts (newest first, up to `limit`) of each of these authors, in one request. */
export async function authorsRecentPosts(
	db: Db,
	authorIds: string[],
	limit = 5
): Promise<Map<string, AuthorPost[]>> {
	const byAuthor = new Map<string, AuthorPost[]>(authorIds.map((id) => [id, []]));
	if (authorIds.length === 0) return byAuthor;
	const { data, error } = await db
		.rpc('recent_posts_by_authors', { p_authors: authorIds, p_limit: limit })
		.select(
			'id, author_id, thread_id, position, body, created_at, hidden_at, deleted_at, thread:threads!posts_thread_id_fkey(title)'
		)
		.order('created_at', { ascending: false })
		.order('id');
	if (error) dbFailure(error);
	for (const p of data) {
		if (p.author_id)
			byAuthor.get(p.author_id)?.push({
				id: p.id,
				threadId: p.thread_id,
				threadTitle: p.thread?.title ?? null,
				position: p.position,
				page: postPageOf(p.position),
				body: p.body,
				createdAt: p.created_at,
				hidden: p.hidden_at !== null,
				deleted: p.deleted_at !== null
			});
	}
	return byAuthor;
}

// ---------------------------------------------------------------------------
// Actions (coordinators). Each refuses anybody else ('forbidden'), needs an
// existing item ('not_found') and, for hiding and suspending, a reason of 1
// to 500 characters ('bad_length'). Doing what is already done changes nothing.

export type ModerationRefusal = 'forbidden' | 'not_found' | 'bad_length' | 'sign_in';
const MODERATION_REFUSALS: readonly ModerationRefusal[] = [
	'forbidden',
	'not_found',
	'bad_length',
	'sign_in'
];

async function act(
	call: PromiseLike<{ error: { message: string; code?: string; hint?: string | null } | null }>
): Promise<Refusable<object, ModerationRefusal>> {
	const { error } = await call;
	if (error) return refused(error, MODERATION_REFUSALS);
	return { ok: true };
}

/** Hides a thread: others see it no more, its author sees why (and is told); its reports close. */
export const hideThread = (db: Db, threadId: string, reason: string) =>
	act(db.rpc('hide_thread', { p_thread: threadId, p_reason: reason }));

export const restoreThread = (db: Db, threadId: string, reason = '') =>
	act(db.rpc('restore_thread', { p_thread: threadId, p_reason: reason }));

/** Locks a thread: no new replies or edits; its reports close. */
export const lockThread = (db: Db, threadId: string, reason = '') =>
	act(db.rpc('lock_thread', { p_thread: threadId, p_reason: reason }));

export const unlockThread = (db: Db, threadId: string, reason = '') =>
	act(db.rpc('unlock_thread', { p_thread: threadId, p_reason: reason }));

/** Hides a post: 「モデレーターにより非表示」 for others; its author sees why (and is told); its reports close. */
export const hidePost = (db: Db, postId: string, reason: string) =>
	act(db.rpc('hide_post', { p_post: postId, p_reason: reason }));

export const restorePost = (db: Db, postId: string, reason = '') =>
	act(db.rpc('restore_post', { p_post: postId, p_reason: reason }));

/** Closes a report and the other open reports on its item as dismissed; reporters are told. */
export const dismissReport = (db: Db, reportId: string, note = '') =>
	act(db.rpc('dismiss_report', { p_report: reportId, p_note: note }));

/** Closes them as handled, for what was acted on elsewhere (an event, an organization). */
export const handleReport = (db: Db, reportId: string, note = '') =>
	act(db.rpc('handle_report', { p_report: reportId, p_note: note }));

/**
 * Suspends a member for 1, 7 or 30 days, or until lifted (null), replacing a
 * suspension in force. With a report, that report's item's open reports
 * close as handled. Coordinators and admins are not suspended ('forbidden').
 */
export async function suspendMember(
	db: Db,
	userId: string,
	days: SuspensionDays,
	reason: string,
	reportId: string | null = null
): Promise<Refusable<{ until: string | null }, ModerationRefusal>> {
	const { data, error } = await db.rpc('suspend_member', {
		p_user: userId,
		// null: until lifted (the generated type cannot say that the argument may be null)
		p_days: days ?? undefined,
		p_reason: reason,
		p_report: reportId ?? undefined
	});
	if (error) return refused(error, MODERATION_REFUSALS);
	return { ok: true, until: data ?? null };
}

/** Lifts the suspension in force ('not_found' when there is none). */
export const liftSuspension = (db: Db, userId: string, reason = '') =>
	act(db.rpc('lift_suspension', { p_user: userId, p_reason: reason }));

// ---------------------------------------------------------------------------
// Suspensions

/**
 * The suspension in force for this person, or null. RLS shows a member their
 * own (why and until when) and coordinators everybody's.
 */
export async function activeSuspension(
	db: Db,
	userId: string,
	now = new Date()
): Promise<Suspension | null> {
	const { data, error } = await db
		.from('suspensions')
		.select('id, user_id, starts_at, until, reason')
		.eq('user_id', userId)
		.is('lifted_at', null)
		.lte('starts_at', now.toISOString())
		.or(`until.is.null,until.gt.${now.toISOString()}`)
		.order('starts_at', { ascending: false })
		.limit(1)
		.maybeSingle();
	if (error) dbFailure(error);
	return data && toSuspension(data);
}

/** A suspensions row (or validate_session's `suspension`, the same keys) as the app names it. */
export interface SuspensionRow {
	id: string;
	user_id: string;
	starts_at: string;
	until: string | null;
	reason: string;
}

export const toSuspension = (row: SuspensionRow): Suspension => ({
	id: row.id,
	userId: row.user_id,
	startsAt: row.starts_at,
	until: row.until,
	reason: row.reason
});

/** The signed-in person's own suspension in force, or null (`db` acts as them). */
export const mySuspension = (db: Db, userId: string, now = new Date()) =>
	activeSuspension(db, userId, now);

// ---------------------------------------------------------------------------
// The audit log (coordinators; RLS gives everybody else nothing)

/**
 * Moderation actions, newest first, 50 a page, all or those of one moderator
 * or about one member; one more than the page tells whether there are more.
 * Names and thread titles are looked up for the page (the log keeps plain ids:
 * it outlives what it names).
 */
export async function listAudit(
	db: Db,
	filters: { moderatorId?: string; memberId?: string; page?: number }
): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
	const offset = (Math.max(1, Math.floor(filters.page ?? 1)) - 1) * AUDIT_PAGE_SIZE;
	let query = db
		.from('moderation_log')
		.select(
			'id, moderator_id, action, member_id, thread_id, post_id, event_id, organization_id, thanks_id, report_id, reason, until, created_at'
		);
	if (filters.moderatorId) query = query.eq('moderator_id', filters.moderatorId);
	if (filters.memberId) query = query.eq('member_id', filters.memberId);
	const { data, error } = await query
		.order('created_at', { ascending: false })
		.order('id', { ascending: false })
		.range(offset, offset + AUDIT_PAGE_SIZE);
	if (error) dbFailure(error);
	const rows = data.slice(0, AUDIT_PAGE_SIZE);

	const people = [
		...new Set(
			rows.flatMap((r) => (r.member_id ? [r.moderator_id, r.member_id] : [r.moderator_id]))
		)
	];
	const threadIds = [...new Set(rows.flatMap((r) => (r.thread_id ? [r.thread_id] : [])))];
	const postIds = [...new Set(rows.flatMap((r) => (r.post_id ? [r.post_id] : [])))];
	const [profiles, threads, posts] = await Promise.all([
		people.length ? db.from('profiles').select('id, display_name').in('id', people) : null,
		threadIds.length ? db.from('threads').select('id, title').in('id', threadIds) : null,
		postIds.length ? db.from('posts').select('id, position').in('id', postIds) : null
	]);
	if (profiles?.error) dbFailure(profiles.error);
	if (threads?.error) dbFailure(threads.error);
	if (posts?.error) dbFailure(posts.error);
	const name = new Map((profiles?.data ?? []).map((p) => [p.id, p.display_name]));
	const title = new Map((threads?.data ?? []).map((t) => [t.id, t.title]));
	const position = new Map((posts?.data ?? []).map((p) => [p.id, p.position]));

	const entries = rows.flatMap((r): AuditEntry[] =>
		isModerationAction(r.action)
			? [
					{
						id: r.id,
						action: r.action,
						moderator: { id: r.moderator_id, displayName: name.get(r.moderator_id) ?? null },
						member: r.member_id
							? { id: r.member_id, displayName: name.get(r.member_id) ?? null }
							: null,
						threadId: r.thread_id,
						threadTitle: r.thread_id ? (title.get(r.thread_id) ?? null) : null,
						postId: r.post_id,
						postPosition: r.post_id ? (position.get(r.post_id) ?? null) : null,
						eventId: r.event_id,
						organizationId: r.organization_id,
						thanksId: r.thanks_id,
						reportId: r.report_id,
						reason: r.reason,
						until: r.until,
						createdAt: r.created_at
					}
				]
			: []
	);
	return { entries, hasMore: data.length > AUDIT_PAGE_SIZE };
}

// ---------------------------------------------------------------------------
// What a report is about, as the reporter sees it (/report), and counts

/** A reported item: what the report page shows and where the reporter lands afterwards. */
export interface ReportedItem {
	kind: ReportItemKind;
	id: string;
	/** the thread's title, the post's thread's title, the event's title or the organization's name */
	title: string | null;
	/** the text as written (Markdown or plain): shown escaped, cut to its first lines */
	text: string;
	authorId: string | null;
	/** the thread of a thread or post */
	threadId: string | null;
	/** the event whose comment thread holds the thread or post */
	eventId: string | null;
	postPosition: number | null;
	/** an organization's address */
	slug: string | null;
	/** a thanks's recipient page (not localized) */
	recipientPath: string | null;
}

/** The item as the viewer may see it (RLS), or null. */
export async function findReportedItem(db: Db, target: ReportTarget): Promise<ReportedItem | null> {
	const base = {
		threadId: null,
		eventId: null,
		postPosition: null,
		slug: null,
		recipientPath: null
	};
	if ('postId' in target) {
		const { data, error } = await db
			.from('posts')
			.select(
				'id, thread_id, position, body, author_id, thread:threads!posts_thread_id_fkey(title, event_id)'
			)
			.eq('id', target.postId)
			.maybeSingle();
		if (error) dbFailure(error);
		if (!data) return null;
		return {
			...base,
			kind: 'post',
			id: data.id,
			title: data.thread?.title ?? null,
			text: data.body,
			authorId: data.author_id,
			threadId: data.thread_id,
			eventId: data.thread?.event_id ?? null,
			postPosition: data.position
		};
	}
	if ('threadId' in target) {
		const [thread, first] = await Promise.all([
			db
				.from('threads')
				.select('id, title, event_id, author_id')
				.eq('id', target.threadId)
				.maybeSingle(),
			db
				.from('posts')
				.select('body')
				.eq('thread_id', target.threadId)
				.eq('position', 1)
				.maybeSingle()
		]);
		if (thread.error) dbFailure(thread.error);
		if (first.error) dbFailure(first.error);
		if (!thread.data) return null;
		return {
			...base,
			kind: 'thread',
			id: thread.data.id,
			title: thread.data.title,
			text: first.data?.body ?? '',
			authorId: thread.data.author_id,
			threadId: thread.data.id,
			eventId: thread.data.event_id
		};
	}
	if ('eventId' in target) {
		const { data, error } = await db
			.from('events')
			.select('id, title, summary, organizer_id')
			.eq('id', target.eventId)
			.maybeSingle();
		if (error) dbFailure(error);
		if (!data) return null;
		return {
			...base,
			kind: 'event',
			id: data.id,
			title: data.title,
			text: data.summary ?? '',
			authorId: data.organizer_id,
			eventId: data.id
		};
	}
	if ('thanksId' in target) {
		const thanks = await findThanks(db, target.thanksId);
		if (!thanks) return null;
		return {
			...base,
			kind: 'thanks',
			id: thanks.id,
			title: thanks.recipient.name,
			text: thanks.message ?? '',
			authorId: thanks.thankerId,
			recipientPath: thanks.recipient.path
		};
	}
	const { data, error } = await db
		.from('organizations')
		.select('id, slug, name, description, created_by')
		.eq('id', target.organizationId)
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	return {
		...base,
		kind: 'organization',
		id: data.id,
		title: data.name,
		text: data.description,
		authorId: data.created_by,
		slug: data.slug
	};
}

/** Open reports (each person's report counts), for /coordinate: one head-only count. */
export async function countOpenReports(db: Db): Promise<number> {
	const { count, error } = await db
		.from('reports')
		.select('id', { count: 'exact', head: true })
		.eq('status', 'open');
	if (error) dbFailure(error);
	return count ?? 0;
}

/** The suspensions in force of these people (coordinators see everybody's), by user id: one query. */
export async function activeSuspensions(
	db: Db,
	userIds: string[],
	now = new Date()
): Promise<Map<string, Suspension>> {
	if (userIds.length === 0) return new Map();
	const { data, error } = await db
		.from('suspensions')
		.select('id, user_id, starts_at, until, reason')
		.in('user_id', [...new Set(userIds)])
		.is('lifted_at', null)
		.lte('starts_at', now.toISOString())
		.or(`until.is.null,until.gt.${now.toISOString()}`)
		.order('starts_at', { ascending: false });
	if (error) dbFailure(error);
	const found = new Map<string, Suspension>();
	for (const s of data)
		if (!found.has(s.user_id))
			found.set(s.user_id, {
				id: s.id,
				userId: s.user_id,
				startsAt: s.starts_at,
				until: s.until,
				reason: s.reason
			});
	return found;
}

/** Organizations' addresses by id, for links from the queue and the audit log. */
export async function organizationSlugs(db: Db, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const { data, error } = await db
		.from('organizations')
		.select('id, slug')
		.in('id', [...new Set(ids)]);
	if (error) dbFailure(error);
	return new Map(data.map((o) => [o.id, o.slug]));
}

/** A member's display name as coordinators see it (any member), or null (/coordinate/moderate?member=). */
export async function findMember(
	db: Db,
	userId: string
): Promise<{ id: string; displayName: string } | null> {
	const { data, error } = await db.rpc('author_names', { p_ids: [userId] });
	if (error) dbFailure(error);
	const found = data.at(0);
	return found ? { id: found.user_id, displayName: found.display_name } : null;
}
