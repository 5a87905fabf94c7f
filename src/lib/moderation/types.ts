// Reports, moderation actions and suspensions as pages see them (client-safe).

export const REPORT_REASONS = ['spam', 'harassment', 'personal_info', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const isReportReason = (v: unknown): v is ReportReason =>
	typeof v === 'string' && (REPORT_REASONS as readonly string[]).includes(v);

export type ReportStatus = 'open' | 'handled' | 'dismissed';
export type ReportItemKind = 'thread' | 'post' | 'event' | 'organization' | 'thanks';
export const REPORT_ITEM_KINDS: readonly ReportItemKind[] = [
	'thread',
	'post',
	'event',
	'organization',
	'thanks'
];

/** What a report is about: exactly one item. */
export type ReportTarget =
	| { threadId: string }
	| { postId: string }
	| { eventId: string }
	| { organizationId: string }
	/** a thanks message (ありがとう) */
	| { thanksId: string };

/** Suspension lengths a coordinator chooses from (days; null: until lifted). */
export const SUSPENSION_DAYS = [1, 7, 30, null] as const;
export type SuspensionDays = (typeof SUSPENSION_DAYS)[number];

export const MODERATION_ACTIONS = [
	'hide_thread',
	'restore_thread',
	'lock_thread',
	'unlock_thread',
	'hide_post',
	'restore_post',
	'suspend',
	'lift_suspension',
	'dismiss_report',
	'handle_report',
	'hide_thanks',
	'restore_thanks'
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
export const isModerationAction = (v: unknown): v is ModerationAction =>
	typeof v === 'string' && (MODERATION_ACTIONS as readonly string[]).includes(v);

/** One reported item in the coordinators' queue, with every open report on it. */
export interface ReportQueueItem {
	kind: ReportItemKind;
	itemId: string;
	/** the thread of a reported thread or post */
	threadId: string | null;
	postId: string | null;
	eventId: string | null;
	organizationId: string | null;
	thanksId: string | null;
	/** a reported post's position (for its link) */
	postPosition: number | null;
	/** the thread's title, the event's title or the organization's name */
	title: string | null;
	/** the reported text: the post, the thread's first post, the event's summary and body, the organization's description */
	body: string | null;
	authorId: string | null;
	authorName: string | null;
	hidden: boolean;
	deleted: boolean;
	threadLocked: boolean;
	/** how many people reported it */
	reporters: number;
	personalInfo: boolean;
	reasons: ReportReason[];
	/** what the reporters wrote, oldest first */
	details: string[];
	reportIds: string[];
	firstReportedAt: string;
}

/** A report as its reporter sees it. */
export interface MyReport {
	id: string;
	reason: ReportReason;
	details: string | null;
	status: ReportStatus;
	createdAt: string;
	handledAt: string | null;
}

/** One row of the audit log (/coordinate/audit). */
export interface AuditEntry {
	id: string;
	action: ModerationAction;
	moderator: { id: string; displayName: string | null };
	member: { id: string; displayName: string | null } | null;
	threadId: string | null;
	/** the thread's title, when it still exists */
	threadTitle: string | null;
	postId: string | null;
	/** the post's position, when it still exists (for its link) */
	postPosition: number | null;
	eventId: string | null;
	organizationId: string | null;
	thanksId: string | null;
	reportId: string | null;
	reason: string | null;
	/** a suspension's end (null: indefinite, or not a suspension) */
	until: string | null;
	createdAt: string;
}

/** A suspension in force, as the member and coordinators see it. */
export interface Suspension {
	id: string;
	userId: string;
	startsAt: string;
	/** null: until lifted */
	until: string | null;
	reason: string;
}
