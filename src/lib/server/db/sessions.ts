// Sessions: one row per login, keyed by the SHA-256 of the cookie's token.
// Service role only (adminDb): the cookie side is src/lib/server/auth/session.ts.
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';
import type { AppRole } from '$lib/auth/roles';
import type { Suspension } from '$lib/moderation/types';
import type { Membership } from '$lib/orgs/types';
import { toSuspension, type SuspensionRow } from '$lib/server/db/moderation';

export interface NewSession {
	/** the token's hash */
	id: string;
	userId: string;
	expiresAt: Date;
	absoluteExpiresAt: Date;
	userAgent: string | null;
	ip: string | null;
}

export async function insertSession(db: Db, session: NewSession): Promise<void> {
	const { error } = await db.from('sessions').insert({
		id: session.id,
		user_id: session.userId,
		expires_at: session.expiresAt.toISOString(),
		absolute_expires_at: session.absoluteExpiresAt.toISOString(),
		user_agent: session.userAgent,
		ip: session.ip
	});
	if (error) dbFailure(error);
}

export interface ValidSession {
	sessionId: string;
	expiresAt: Date;
	/** whether the expiry was moved on (the cookie must be set again) */
	refreshed: boolean;
	user: { id: string; displayName: string; role: AppRole; emailVerified: boolean };
	status: AccountStatus;
}

/**
 * What signed-in pages decide with, read with the session (one request,
 * validate_session): the bell's count, the suspension in force (the banner,
 * and what the thread and comment forms offer) and the person's organizations,
 * as of the request's start.
 */
export interface AccountStatus {
	unreadNotifications: number;
	suspension: Suspension | null;
	/** the organizations the person belongs to (as listMemberships reads them) */
	memberships: Membership[];
}

/**
 * The session with this id and its person, its expiry slid forward when due;
 * null when there is none or it has expired (validate_session deletes those).
 * The person's unread notifications and suspension in force come with it.
 */
export async function validateSession(db: Db, id: string): Promise<ValidSession | null> {
	const { data, error } = await db.rpc('validate_session', { p_id: id }).maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	return {
		sessionId: data.session_id,
		expiresAt: new Date(data.expires_at),
		refreshed: data.refreshed,
		user: {
			id: data.user_id,
			displayName: data.display_name,
			role: data.role,
			emailVerified: data.email_verified
		},
		status: {
			unreadNotifications: data.unread_notifications,
			suspension: suspensionOf(data),
			memberships: membershipsOf(data)
		}
	};
}

/** validate_session's suspension in force (the keys of a suspensions row), or null */
const suspensionOf = (row: { suspension: unknown }) =>
	row.suspension ? toSuspension(row.suspension as SuspensionRow) : null;

/** validate_session's memberships (role, id, slug, name), by the organization's name */
const membershipsOf = (row: { memberships: unknown }) => row.memberships as Membership[];

export async function deleteSession(db: Db, id: string): Promise<void> {
	const { error } = await db.from('sessions').delete().eq('id', id);
	if (error) dbFailure(error);
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
	const { error } = await db.from('sessions').delete().eq('user_id', userId);
	if (error) dbFailure(error);
}

export interface SessionSummary {
	id: string;
	userAgent: string | null;
	createdAt: string;
	lastSeenAt: string;
}

/** The person's sessions that have not expired, most recently used first. */
export async function listUserSessions(db: Db, userId: string): Promise<SessionSummary[]> {
	const { data, error } = await db
		.from('sessions')
		.select('id, user_agent, created_at, last_seen_at')
		.eq('user_id', userId)
		.gt('expires_at', new Date().toISOString())
		.order('last_seen_at', { ascending: false });
	if (error) dbFailure(error);
	return data.map((s) => ({
		id: s.id,
		userAgent: s.user_agent,
		createdAt: s.created_at,
		lastSeenAt: s.last_seen_at
	}));
}
