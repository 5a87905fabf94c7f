// In-app notifications (お知らせ). RLS shows a person only their own and lets
// them set read_at on their own.
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';

export const NOTIFICATION_KINDS = [
	'promoted',
	'event_changed',
	'event_cancelled',
	'occurrence_cancelled',
	// an organization one edits for was named as co-host of an event (to accept or decline on its page)
	'cohost_invited'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_PAGE_SIZE = 50;

export interface NotificationItem {
	id: string;
	kind: NotificationKind;
	eventId: string | null;
	/** null when the event is gone or no longer visible */
	eventTitle: string | null;
	occurrence: { startsAt: string; endsAt: string } | null;
	/** the organization a co-host request is for; null when gone or hidden */
	organization: { slug: string; name: string } | null;
	allDay: boolean;
	createdAt: string;
	read: boolean;
}

const isKind = (v: string): v is NotificationKind =>
	(NOTIFICATION_KINDS as readonly string[]).includes(v);

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

/** Newest first, one page at a time. */
export async function listNotifications(db: Db, userId: string, page: number) {
	const from = (page - 1) * NOTIFICATION_PAGE_SIZE;
	const { data, error, count } = await db
		.from('notifications')
		.select(
			`id, kind, event_id, created_at, read_at,
			event:events(title, all_day),
			occurrence:event_occurrences(starts_at, ends_at),
			organization:organizations(slug, name)`,
			{ count: 'exact' }
		)
		.eq('user_id', userId)
		.order('created_at', { ascending: false })
		.order('id', { ascending: false })
		.range(from, from + NOTIFICATION_PAGE_SIZE - 1);
	if (error) dbFailure(error);
	const items = data.flatMap((n): NotificationItem[] =>
		isKind(n.kind)
			? [
					{
						id: n.id,
						kind: n.kind,
						eventId: n.event_id,
						eventTitle: n.event?.title ?? null,
						occurrence: n.occurrence
							? { startsAt: n.occurrence.starts_at, endsAt: n.occurrence.ends_at }
							: null,
						organization: n.organization,
						allDay: n.event?.all_day ?? false,
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
