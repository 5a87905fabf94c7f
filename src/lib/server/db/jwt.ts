import { SignJWT } from 'jose';

/** Lifetime of a per-request user token; PostgREST allows ~30 s of clock leeway. */
export const USER_TOKEN_SECONDS = 300;

/** A short-lived token that makes PostgREST run as `authenticated` with auth.uid() = userId. */
export function mintUserToken(userId: string, secret: string, now = Date.now()): Promise<string> {
	const iat = Math.floor(now / 1000);
	return new SignJWT({ role: 'authenticated' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(userId)
		.setAudience('authenticated')
		.setIssuedAt(iat)
		.setExpirationTime(iat + USER_TOKEN_SECONDS)
		.sign(new TextEncoder().encode(secret));
}
