// Login and sign-up throttling, counted in the database so that it holds
// across server processes: 5 failures per email or 20 per IP in 15 minutes
// (login), 20 sign-ups per IP in 15 minutes. Checked before any argon2 work.
import { adminDb } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';

export type AttemptKind = 'login' | 'signup';

// A loopback client address is the machine itself or a reverse proxy whose
// ADDRESS_HEADER is not configured: every visitor would share it, so limiting
// it would lock everyone out. Per-IP limits skip it; per-email limits still apply.
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
export const countsPerIp = (ip: string) => !LOOPBACK.test(ip);

/** Seconds until the next attempt is allowed; 0 when allowed now. */
export async function retryAfterSeconds(kind: AttemptKind, email: string, ip: string) {
	const { data, error } = await adminDb().rpc('login_retry_after', {
		p_kind: kind,
		p_email: email.toLowerCase(),
		p_ip: countsPerIp(ip) ? ip : null
	} as { p_kind: string; p_email: string; p_ip: string });
	if (error) dbFailure(error);
	return Math.max(0, data ?? 0);
}

export async function recordAttempt(kind: AttemptKind, email: string, ip: string, succeeded: boolean) {
	const { error } = await adminDb().rpc('record_login_attempt', {
		p_kind: kind,
		p_email: email.toLowerCase(),
		p_ip: ip,
		p_succeeded: succeeded
	});
	if (error) dbFailure(error);
}
