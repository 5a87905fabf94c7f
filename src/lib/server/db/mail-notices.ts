// What the worker reads to write the mails of notices about threads,
// moderation and invitations (service role). Imports are relative and
// type-only: the worker runs this outside SvelteKit (scripts/worker.ts).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

type Db = SupabaseClient<Database>;

function fail(what: string, error: { message: string }): never {
	throw new Error(`${what}: ${error.message}`);
}

export interface MailPostRow {
	id: string;
	threadId: string;
	position: number;
	body: string;
	authorId: string | null;
	createdAt: string;
	/** neither hidden nor deleted */
	visible: boolean;
}

const POST_COLUMNS = 'id, thread_id, position, body, author_id, created_at, hidden_at, deleted_at';

function toPost(p: {
	id: string;
	thread_id: string;
	position: number;
	body: string;
	author_id: string | null;
	created_at: string;
	hidden_at: string | null;
	deleted_at: string | null;
}): MailPostRow {
	return {
		id: p.id,
		threadId: p.thread_id,
		position: p.position,
		body: p.body,
		authorId: p.author_id,
		createdAt: p.created_at,
		visible: !p.hidden_at && !p.deleted_at
	};
}

/** A thread's title and whether people can see it (null when it is gone). */
export async function mailThread(db: Db, threadId: string) {
	const { data, error } = await db
		.from('threads')
		.select('id, title, hidden_at, deleted_at')
		.eq('id', threadId)
		.maybeSingle();
	if (error) fail('threads', error);
	if (!data) return null;
	return { id: data.id, title: data.title, visible: !data.hidden_at && !data.deleted_at };
}

export async function mailPost(db: Db, postId: string): Promise<MailPostRow | null> {
	const { data, error } = await db
		.from('posts')
		.select(POST_COLUMNS)
		.eq('id', postId)
		.maybeSingle();
	if (error) fail('posts', error);
	return data ? toPost(data) : null;
}

/** Display names by id (those whose profile is gone are absent). */
export async function mailNames(db: Db, ids: string[]): Promise<Map<string, string>> {
	const unique = [...new Set(ids)];
	if (!unique.length) return new Map();
	const { data, error } = await db.from('profiles').select('id, display_name').in('id', unique);
	if (error) fail('profiles', error);
	return new Map(data.map((p) => [p.id, p.display_name]));
}

/**
 * When the previous mail with this job key (not this job's) began: a thread's
 * replies mail lists what came since. Null when there was none.
 */
export async function mailPreviousAt(db: Db, jobKey: string, jobId: string) {
	const { data, error } = await db
		.from('mail_log')
		.select('created_at')
		.eq('job_key', jobKey)
		.neq('job_id', Number(jobId))
		.order('created_at', { ascending: false })
		.limit(1);
	if (error) fail('mail_log', error);
	return data[0]?.created_at ?? null;
}

/**
 * The posts a member was told of as replies in a thread (their 'thread_reply'
 * notices) since `since`, oldest first, at most `limit`, and how many notices there were in all.
 */
export async function mailThreadReplies(
	db: Db,
	userId: string,
	threadId: string,
	since: string,
	limit: number
) {
	const { data, error, count } = await db
		.from('notifications')
		.select(`created_at, post:posts(${POST_COLUMNS})`, { count: 'exact' })
		.eq('user_id', userId)
		.eq('thread_id', threadId)
		.eq('kind', 'thread_reply')
		.gt('created_at', since)
		.order('created_at')
		.limit(limit);
	if (error) fail('notifications', error);
	return {
		posts: data.flatMap((n) => (n.post ? [toPost(n.post)] : [])),
		total: count ?? data.length
	};
}

/** One notice (moderation mails are written from it). */
export async function mailNotification(db: Db, id: string) {
	const { data, error } = await db
		.from('notifications')
		.select('id, user_id, kind, thread_id, post_id, report_id, detail')
		.eq('id', id)
		.maybeSingle();
	if (error) fail('notifications', error);
	if (!data) return null;
	return {
		id: data.id,
		userId: data.user_id,
		kind: data.kind,
		threadId: data.thread_id,
		postId: data.post_id,
		reportId: data.report_id,
		detail: data.detail
	};
}

/** A report's outcome and what it was about, as its reporter knew it (not the coordinators' note). */
export async function mailReport(db: Db, reportId: string) {
	const { data, error } = await db
		.from('reports')
		.select(
			'status, thread_id, post_id, event_id, organization_id, thread:threads(title), post:posts(thread:threads!posts_thread_id_fkey(title)), event:events(title), organization:organizations(name)'
		)
		.eq('id', reportId)
		.maybeSingle();
	if (error) fail('reports', error);
	if (!data) return null;
	const reported = data.post_id
		? data.post?.thread
			? { kind: 'post' as const, title: data.post.thread.title }
			: null
		: data.thread_id
			? data.thread
				? { kind: 'thread' as const, title: data.thread.title }
				: null
			: data.event_id
				? data.event
					? { kind: 'event' as const, title: data.event.title }
					: null
				: data.organization
					? { kind: 'organization' as const, name: data.organization.name }
					: null;
	return { status: data.status, reported };
}

/** An invitation into an organization by email, with the organization (null when gone). */
export async function mailOrganizationInvitation(db: Db, id: string) {
	const { data, error } = await db
		.from('organization_invitations')
		.select(
			'id, role, invitee_id, created_by, expires_at, accepted_at, organization:organizations(name, slug)'
		)
		.eq('id', id)
		.maybeSingle();
	if (error) fail('organization_invitations', error);
	if (!data || !data.organization) return null;
	return {
		id: data.id,
		role: data.role,
		inviteeId: data.invitee_id,
		createdBy: data.created_by,
		expiresAt: data.expires_at,
		open: !data.accepted_at && new Date(data.expires_at).getTime() > Date.now(),
		organization: data.organization
	};
}

/** A request that an organization co-host an event (null when withdrawn). */
export async function mailCohostRequest(db: Db, eventId: string, organizationId: string) {
	const { data, error } = await db
		.from('event_cohosts')
		.select('accepted_at, invited_by, organization:organizations(name, slug)')
		.eq('event_id', eventId)
		.eq('organization_id', organizationId)
		.maybeSingle();
	if (error) fail('event_cohosts', error);
	if (!data || !data.organization) return null;
	return {
		open: !data.accepted_at,
		invitedBy: data.invited_by,
		organization: data.organization
	};
}

/** Whether a member is an owner or editor of an organization (who answers a co-host request). */
export async function mailIsOrganizationEditor(db: Db, userId: string, organizationId: string) {
	const { data, error } = await db
		.from('organization_members')
		.select('role')
		.eq('organization_id', organizationId)
		.eq('user_id', userId)
		.maybeSingle();
	if (error) fail('organization_members', error);
	return data?.role === 'owner' || data?.role === 'editor';
}
