// In-app notifications (お知らせ). RLS shows a person only their own and lets
// them set read_at on their own. They are written by the database (triggers
// and functions), never through the API. A notice's thread, post or report is
// embedded as the person may see it: RLS gives null for what is gone or hidden.
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';
import { postPageOf } from '$lib/threads/paging';
import type { VoiceStatus } from '$lib/voices/types';

/** What events and organizations tell people (the kinds /notifications shows unless asked for more). */
export const EVENT_NOTIFICATION_KINDS = [
	'promoted',
	'event_changed',
	'event_cancelled',
	'occurrence_cancelled',
	// an organization one edits for was named as co-host of an event (to accept or decline on its page)
	'cohost_invited'
] as const;

/** What threads and moderation tell people (issue 10). */
export const THREAD_NOTIFICATION_KINDS = [
	// a new post in a thread one follows (started, wrote in, or chose to follow)
	'thread_reply',
	// one's @display name in a post (instead of thread_reply)
	'mention',
	// a coordinator hid one's post or thread; detail: the reason
	'post_hidden',
	// a report one filed was handled or dismissed; its status is reportStatus
	'report_handled'
] as const;

/** What follows tell people (issue 11). */
export const FOLLOW_NOTIFICATION_KINDS = [
	// a new event was published in an area, field or organization one follows (once per event)
	'new_followed_event'
] as const;

/** What practices tell people (issue 12). */
export const PRACTICE_NOTIFICATION_KINDS = [
	// one's practice was published by a coordinator
	'practice_published',
	// one's practice was returned; detail: the coordinator's comment
	'practice_returned',
	// someone opened a thread to try one's organization's practice (thread_id)
	'practice_inspired'
] as const;

/** What recognition tells people (issue 12). */
export const RECOGNITION_NOTIFICATION_KINDS = [
	// an award to oneself, one's organization or its practice
	'award_received',
	// one's nomination was awarded or closed (detail: the coordinators' note)
	'nomination_answered',
	// a thanks to oneself, one's organization or its practice
	'thanks_received'
] as const;

/** What records of held dates and 地域の声 tell people (issue 14). */
export const RECORD_NOTIFICATION_KINDS = [
	// a held date of one's event still has no record, three days after it ended
	'record_missing',
	// a public 声 raised at a forum one attended got its answer (detail: the outcome)
	'voice_answered'
] as const;

export const NOTIFICATION_KINDS = [
	...EVENT_NOTIFICATION_KINDS,
	...THREAD_NOTIFICATION_KINDS,
	...FOLLOW_NOTIFICATION_KINDS,
	...PRACTICE_NOTIFICATION_KINDS,
	...RECOGNITION_NOTIFICATION_KINDS,
	...RECORD_NOTIFICATION_KINDS
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type EventNotificationKind = (typeof EVENT_NOTIFICATION_KINDS)[number];
export const NOTIFICATION_PAGE_SIZE = 50;

export interface NotificationItem<K extends NotificationKind = NotificationKind> {
	id: string;
	kind: K;
	eventId: string | null;
	/** null when the event is gone or no longer visible */
	eventTitle: string | null;
	occurrence: { startsAt: string; endsAt: string } | null;
	occurrenceId: string | null;
	/** the event's first date (a series: its first occurrence); null when not visible */
	eventStartsAt: string | null;
	eventEndsAt: string | null;
	/** the organization a co-host request is for; null when gone or hidden */
	organization: { slug: string; name: string } | null;
	allDay: boolean;
	/** the thread of a reply, mention or hidden post */
	threadId: string | null;
	/** null when the thread is gone or hidden from the person */
	threadTitle: string | null;
	postId: string | null;
	/** where the post is: link with postHref(threadId, postPosition, postId) ($lib/threads/paging) */
	postPosition: number | null;
	/** the page of the thread the post is on (postPageOf(postPosition)) */
	postPage: number | null;
	reportId: string | null;
	/** a handled report: 'handled' (acted on) or 'dismissed' */
	reportStatus: 'open' | 'handled' | 'dismissed' | null;
	/** words for the person: why their post or thread was hidden */
	detail: string | null;
	/** the practice of a practice notice */
	practiceId: string | null;
	/** null when the practice is gone or no longer visible to the person */
	practiceTitle: string | null;
	/** an award received or that answered one's nomination: its id and name (null when gone) */
	award: { id: string; name: string } | null;
	/** the thanks received, with its message (null when gone or hidden) */
	thanks: { message: string | null } | null;
	nominationId: string | null;
	/** the 声 of voice_answered (null when gone or no longer public) */
	voice: { id: string; body: string; status: VoiceStatus } | null;
	/** who wrote the reply or mention (null when unknown or not a post) */
	actorName: string | null;
	createdAt: string;
	read: boolean;
}

const isKind = <K extends NotificationKind>(v: string, kinds: readonly K[]): v is K =>
	(kinds as readonly string[]).includes(v);

/** The unread count for the header bell: one head-only count query. */
export async function countUnread(db: Db, userId: string): Promise<number> {
	const { count, error } = await db
		.from('notifications')
		.select('*', { count: 'exact', head: true })
		.eq('user_id', userId)
		.is('read_at', null);
	if (error) dbFailure(error);
	return count ?? 0;
}

/**
 * Newest first, one page at a time, of the given kinds: by default those of
 * events and organizations (what /notifications showed before threads);
 * pass NOTIFICATION_KINDS for every kind.
 */
export async function listNotifications<K extends NotificationKind = EventNotificationKind>(
	db: Db,
	userId: string,
	page: number,
	kinds: readonly K[] = EVENT_NOTIFICATION_KINDS as readonly NotificationKind[] as readonly K[]
) {
	const from = (page - 1) * NOTIFICATION_PAGE_SIZE;
	const { data, error, count } = await db
		.from('notifications')
		.select(
			`id, kind, event_id, occurrence_id, thread_id, post_id, report_id, practice_id, detail, created_at, read_at,
			event:events(title, all_day, starts_at, ends_at),
			occurrence:event_occurrences(starts_at, ends_at),
			organization:organizations(slug, name),
			thread:threads(title),
			post:posts(position, author_id),
			report:reports(status),
			nomination_id,
			award:awards(id, name),
			thanks:thanks(message),
			practice:practices(title),
			voice:voices(id, body, status)`,
			{ count: 'exact' }
		)
		.eq('user_id', userId)
		.in('kind', [...kinds])
		.order('created_at', { ascending: false })
		.order('id', { ascending: false })
		.range(from, from + NOTIFICATION_PAGE_SIZE - 1);
	if (error) dbFailure(error);
	// who wrote the replies and mentions: author_names names people who wrote what shows
	const writers = [...new Set(data.flatMap((n) => (n.post?.author_id ? [n.post.author_id] : [])))];
	const names = new Map<string, string>();
	if (writers.length) {
		const found = await db.rpc('author_names', { p_ids: writers });
		if (found.error) dbFailure(found.error);
		for (const p of found.data) names.set(p.user_id, p.display_name);
	}
	const items = data.flatMap((n): NotificationItem<K>[] =>
		isKind(n.kind, kinds)
			? [
					{
						id: n.id,
						kind: n.kind,
						eventId: n.event_id,
						eventTitle: n.event?.title ?? null,
						eventStartsAt: n.event?.starts_at ?? null,
						eventEndsAt: n.event?.ends_at ?? null,
						occurrence: n.occurrence
							? { startsAt: n.occurrence.starts_at, endsAt: n.occurrence.ends_at }
							: null,
						occurrenceId: n.occurrence_id,
						organization: n.organization,
						allDay: n.event?.all_day ?? false,
						threadId: n.thread_id,
						threadTitle: n.thread?.title ?? null,
						postId: n.post_id,
						postPosition: n.post?.position ?? null,
						postPage: n.post ? postPageOf(n.post.position) : null,
						reportId: n.report_id,
						reportStatus: n.report?.status ?? null,
						detail: n.detail,
						practiceId: n.practice_id,
						practiceTitle: n.practice?.title ?? null,
						award: n.award,
						thanks: n.thanks,
						nominationId: n.nomination_id,
						voice: n.voice,
						actorName: n.post?.author_id ? (names.get(n.post.author_id) ?? null) : null,
						createdAt: n.created_at,
						read: n.read_at !== null
					}
				]
			: []
	);
	return { items, total: count ?? 0 };
}

/** Marks every unread notification of the person read; returns how many changed. */
export async function markAllRead(db: Db, userId: string): Promise<number> {
	const { data, error } = await db
		.from('notifications')
		.update({ read_at: new Date().toISOString() })
		.eq('user_id', userId)
		.is('read_at', null)
		.select('id');
	if (error) dbFailure(error);
	return data.length;
}
