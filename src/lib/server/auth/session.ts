// Sessions as in the Lucia guide (lucia-auth.com/sessions): a random token in
// an HttpOnly cookie, only its SHA-256 in the database, a 30-day sliding
// expiry capped at 90 days from login.
import type { Cookies } from '@sveltejs/kit';
import { adminDb } from '$lib/server/db/client';
import { tokenHash } from '$lib/server/tokens';
import type { AppRole } from '$lib/auth/roles';
import { dbFailure } from '$lib/server/db/errors';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_DAYS = 30;
export const SESSION_MAX_DAYS = 90;

export interface SessionUser {
	id: string;
	displayName: string;
	role: AppRole;
}

export interface Session {
	id: string;
	expiresAt: Date;
}

export type SessionValidationResult =
	| { session: Session; user: SessionUser; refreshed: boolean }
	| { session: null; user: null; refreshed: false };

export async function createSession(
	token: string,
	userId: string,
	client: { userAgent: string | null; ip: string | null },
	now = new Date()
): Promise<Session> {
	const session = {
		id: tokenHash(token),
		user_id: userId,
		expires_at: new Date(now.getTime() + SESSION_DAYS * DAY).toISOString(),
		absolute_expires_at: new Date(now.getTime() + SESSION_MAX_DAYS * DAY).toISOString(),
		user_agent: client.userAgent?.slice(0, 512) ?? null,
		ip: client.ip?.slice(0, 64) ?? null
	};
	const { error } = await adminDb().from('sessions').insert(session);
	if (error) dbFailure(error);
	return { id: session.id, expiresAt: new Date(session.expires_at) };
}

export async function validateSessionToken(token: string): Promise<SessionValidationResult> {
	const { data, error } = await adminDb()
		.rpc('validate_session', { p_id: tokenHash(token) })
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return { session: null, user: null, refreshed: false };
	return {
		session: { id: data.session_id, expiresAt: new Date(data.expires_at) },
		user: { id: data.user_id, displayName: data.display_name, role: data.role },
		refreshed: data.refreshed
	};
}

export async function invalidateSession(sessionId: string) {
	const { error } = await adminDb().from('sessions').delete().eq('id', sessionId);
	if (error) dbFailure(error);
}

export async function invalidateUserSessions(userId: string) {
	const { error } = await adminDb().from('sessions').delete().eq('user_id', userId);
	if (error) dbFailure(error);
}

export interface ActiveSession {
	current: boolean;
	userAgent: string | null;
	createdAt: string;
	lastSeenAt: string;
}

export async function listUserSessions(
	userId: string,
	currentId: string
): Promise<ActiveSession[]> {
	const { data, error } = await adminDb()
		.from('sessions')
		.select('id, user_agent, created_at, last_seen_at')
		.eq('user_id', userId)
		.gt('expires_at', new Date().toISOString())
		.order('last_seen_at', { ascending: false });
	if (error) dbFailure(error);
	return data.map((s) => ({
		current: s.id === currentId,
		userAgent: s.user_agent,
		createdAt: s.created_at,
		lastSeenAt: s.last_seen_at
	}));
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `__Host-` cookies must be Secure; plain http works only on localhost. */
export function sessionCookieName(url: URL) {
	return LOCAL_HOSTS.has(url.hostname) ? 'tsunagu_session' : '__Host-tsunagu_session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(sessionCookieName(url), token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: !LOCAL_HOSTS.has(url.hostname),
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(sessionCookieName(url), {
		httpOnly: true,
		sameSite: 'lax',
		secure: !LOCAL_HOSTS.has(url.hostname),
		path: '/'
	});
}
