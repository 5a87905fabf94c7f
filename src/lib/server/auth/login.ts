// Starting a session after sign-up or login, shared by those routes.
import type { RequestEvent } from '@sveltejs/kit';
import { newToken } from '$lib/server/tokens';
import { createSession, setSessionCookie } from './session';

export function clientInfo(event: RequestEvent) {
	return {
		userAgent: event.request.headers.get('user-agent'),
		ip: event.getClientAddress()
	};
}

/** A new token at every login (no session fixation). */
export async function startSession(event: RequestEvent, userId: string) {
	const token = newToken();
	const session = await createSession(token, userId, clientInfo(event));
	setSessionCookie(event.cookies, event.url, token, session.expiresAt);
	return session;
}
