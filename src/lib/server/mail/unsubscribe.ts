// One-click unsubscribe (RFC 8058): every mail a member can turn off carries a
// link /unsubscribe?t=<token> naming the member and the kind, signed with a
// key derived from the server's secret (SUPABASE_JWT_SECRET), and the headers
// List-Unsubscribe / List-Unsubscribe-Post. The token cannot be made for
// another member or another kind without the secret; it does not expire (it
// can only turn one kind of mail off, and mails are kept for years).
// Relative imports, node:crypto only: the worker and the app both use it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { siteUrl, type MailLocale } from './layout';
import { isPreferenceKind, type PreferenceKind } from './preferences';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/** A key of its own for these links, so that nothing else signed with the secret passes for one. */
const keyOf = (secret: string) =>
	createHmac('sha256', secret).update('tsunagu:unsubscribe:v1').digest();

const signature = (secret: string, userId: string, kind: PreferenceKind) =>
	createHmac('sha256', keyOf(secret)).update(`${userId}:${kind}`).digest('base64url');

/** The token of a member and a kind: `<user id>.<kind>.<signature>`. */
export function signUnsubscribe(secret: string, userId: string, kind: PreferenceKind): string {
	if (!UUID.test(userId)) throw new Error('not a user id');
	return `${userId}.${kind}.${signature(secret, userId, kind)}`;
}

/** Who and what a token names, or null when it is not one we signed. */
export function verifyUnsubscribe(
	secret: string,
	token: string | null | undefined
): { userId: string; kind: PreferenceKind } | null {
	if (typeof token !== 'string' || token.length > 200) return null;
	const parts = token.split('.');
	if (parts.length !== 3) return null;
	const [userId, kind, given] = parts;
	if (!UUID.test(userId) || !isPreferenceKind(kind) || !SIGNATURE.test(given)) return null;
	const expected = Buffer.from(signature(secret, userId, kind));
	return timingSafeEqual(Buffer.from(given), expected) ? { userId, kind } : null;
}

export interface Unsubscribe {
	/** the page that asks, and takes the one-click POST */
	url: string;
	headers: { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': string };
}

/** The link and headers for a mail of `kind` to a member (in their language). */
export function unsubscribeFor(
	env: { origin: string; jwtSecret: string },
	userId: string,
	kind: PreferenceKind,
	locale: MailLocale = 'ja'
): Unsubscribe {
	const token = signUnsubscribe(env.jwtSecret, userId, kind);
	const url = siteUrl(env.origin, locale, `/unsubscribe?t=${encodeURIComponent(token)}`);
	return {
		url,
		headers: {
			'List-Unsubscribe': `<${url}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		}
	};
}
