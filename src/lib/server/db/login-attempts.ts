// Login and sign-up attempts, counted in Postgres so that the limits hold
// across server processes. Service role only (adminDb): anon and members can
// neither read login_attempts nor call these functions. The rules are in
// src/lib/server/auth/throttle.ts and the migration 20261202100000.
import { dbFailure } from '$lib/server/db/errors';
import type { Db } from '$lib/server/db/client';

/** What is counted: logins and sign-ups, and the requests that send an account mail. */
export type AttemptKind = 'login' | 'signup' | 'password_reset' | 'verify_resend' | 'email_change';

export interface Throttle {
	/** Seconds until this client may try again; 0 when allowed now. */
	retryAfter: number;
	/** Seconds to wait before checking the password (many failures for this email); 0 for none. */
	delaySeconds: number;
}

/**
 * What the next attempt of `client` (an address key) for `email` must do.
 * `perIp`: whether the address is limited as a whole (false for loopback).
 */
export async function loginThrottle(
	db: Db,
	kind: 'login' | 'signup',
	email: string,
	client: string,
	perIp: boolean
): Promise<Throttle> {
	const { data, error } = await db
		.rpc('login_throttle', {
			p_kind: kind,
			p_email: email.toLowerCase(),
			p_ip: client,
			p_per_ip: perIp
		})
		.single();
	if (error) dbFailure(error);
	return {
		retryAfter: Math.max(0, data.retry_after ?? 0),
		delaySeconds: Math.max(0, data.delay_seconds ?? 0)
	};
}

export async function recordLoginAttempt(
	db: Db,
	kind: AttemptKind,
	email: string,
	client: string,
	succeeded: boolean
) {
	const { error } = await db.rpc('record_login_attempt', {
		p_kind: kind,
		p_email: email.toLowerCase(),
		p_ip: client,
		p_succeeded: succeeded
	});
	if (error) dbFailure(error);
}
