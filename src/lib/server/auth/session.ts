// Sessions as in the Lucia guide (lucia-auth.com/sessions): a random token in
// an HttpOnly cookie, only its SHA-256 in the database, a 30-day sliding
// expiry capped at 90 days from login. The rows are in db/sessions.ts, always
// through the service role; this module keeps the tokens and the cookie.
import type { Cookies } from '@sveltejs/kit';
import type { AppRole } from '$lib/auth/roles';
import { adminDb } from '$lib/server/db/client';
import {
	deleteSession,
	deleteUserSessions,
	insertSession,
	listUserSessions,
	validateSession,
	type AccountStatus
} from '$lib/server/db/sessions';
import { tokenHash } from '$lib/server/tokens';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_DAYS = 30;
export const SESSION_MAX_DAYS = 90;

export interface SessionUser {
	id: string;
	displayName: string;
	role: AppRole;
	/** whether the address is confirmed: until then the database refuses joining and posting */
	emailVerified: boolean;
}

export interface Session {
	id: string;
	expiresAt: Date;
}

export type { AccountStatus };

export type SessionValidationResult =
	| { session: Session; user: SessionUser; status: AccountStatus; refreshed: boolean }
	| { session: null; user: null; status: null; refreshed: false };

export async function createSession(
	token: string,
	userId: string,
	client: { userAgent: string | null; ip: string | null },
	now = new Date()
): Promise<Session> {
	const session = {
		id: tokenHash(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY),
		absoluteExpiresAt: new Date(now.getTime() + SESSION_MAX_DAYS * DAY),
		userAgent: client.userAgent?.slice(0, 512) ?? null,
		ip: client.ip?.slice(0, 64) ?? null
	};
	await insertSession(adminDb(), session);
	return { id: session.id, expiresAt: session.expiresAt };
}

export async function validateSessionToken(token: string): Promise<SessionValidationResult> {
	const valid = await validateSession(adminDb(), tokenHash(token));
	if (!valid) return { session: null, user: null, status: null, refreshed: false };
	return {
		session: { id: valid.sessionId, expiresAt: valid.expiresAt },
		user: valid.user,
		status: valid.status,
		refreshed: valid.refreshed
	};
}

export const invalidateSession = (sessionId: string) => deleteSession(adminDb(), sessionId);

export const invalidateUserSessions = (userId: string) => deleteUserSessions(adminDb(), userId);

export interface ActiveSession {
	current: boolean;
	userAgent: string | null;
	createdAt: string;
	lastSeenAt: string;
}

/** The person's sessions for /account; `currentId` marks the one of this request. */
export async function listActiveSessions(
	userId: string,
	currentId: string
): Promise<ActiveSession[]> {
	return (await listUserSessions(adminDb(), userId)).map(({ id, ...s }) => ({
		current: id === currentId,
		...s
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
