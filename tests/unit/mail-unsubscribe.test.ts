// One-click unsubscribe links (RFC 8058) and what decides which mails carry
// them: the token names exactly one member and one kind and cannot be made or
// changed without the secret; the CSRF rule lets only that POST in from other
// sites; which SMTP failures count as a bounce.
import { describe, expect, it } from 'vitest';
import { asBrowserFormPost, forbiddenCrossSite } from '$lib/server/http/csrf';
import { PREFERENCE_KINDS, preferenceOf } from '$lib/server/mail/preferences';
import { isPermanentFailure } from '$lib/server/mail/transport';
import { signUnsubscribe, unsubscribeFor, verifyUnsubscribe } from '$lib/server/mail/unsubscribe';

const SECRET = 'a-test-secret-that-is-long-enough-000000';
const ME = 'aaaaaaaa-1111-4111-8111-11111111111b';
const YOU = '22222222-2222-4222-8222-222222222222';

describe('unsubscribe tokens', () => {
	it('name the member and the kind they were made for, for every kind', () => {
		for (const kind of PREFERENCE_KINDS) {
			const token = signUnsubscribe(SECRET, ME, kind);
			expect(token).toMatch(/^[0-9a-f-]{36}\.[a-z_]+\.[A-Za-z0-9_-]{43}$/);
			expect(verifyUnsubscribe(SECRET, token)).toEqual({ userId: ME, kind });
		}
	});

	it('differ per member and per kind', () => {
		const a = signUnsubscribe(SECRET, ME, 'confirmations').split('.')[2];
		expect(signUnsubscribe(SECRET, YOU, 'confirmations').split('.')[2]).not.toBe(a);
		expect(signUnsubscribe(SECRET, ME, 'digest').split('.')[2]).not.toBe(a);
	});

	it('cannot be moved to another member or kind, altered, or made with another secret', () => {
		const token = signUnsubscribe(SECRET, ME, 'confirmations');
		const [, , sig] = token.split('.');
		const flip = (s: string, i: number) =>
			s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
		const refused = [
			`${YOU}.confirmations.${sig}`,
			`${ME}.digest.${sig}`,
			`${ME}.reminders.${sig}`,
			...Array.from({ length: sig.length }, (_, i) => `${ME}.confirmations.${flip(sig, i)}`),
			signUnsubscribe('another-secret', ME, 'confirmations'),
			`${ME.toUpperCase()}.confirmations.${sig}`,
			`${ME}.confirmations.${sig}.extra`,
			`${ME}.confirmations`,
			`${ME}.unknown_kind.${sig}`,
			`${ME}.confirmations.${sig}=`,
			'',
			'x'.repeat(500)
		];
		for (const t of refused) expect(verifyUnsubscribe(SECRET, t), t).toBeNull();
		expect(verifyUnsubscribe(SECRET, null)).toBeNull();
		expect(verifyUnsubscribe(SECRET, undefined)).toBeNull();
		expect(() => signUnsubscribe(SECRET, 'not-an-id', 'confirmations')).toThrow();
	});

	it('come as a link in the member’s language and the RFC 8058 headers', () => {
		const ja = unsubscribeFor(
			{ origin: 'https://tsunagu.example/', jwtSecret: SECRET },
			ME,
			'mentions'
		);
		const token = signUnsubscribe(SECRET, ME, 'mentions');
		expect(ja.url).toBe(`https://tsunagu.example/unsubscribe?t=${token}`);
		expect(ja.headers).toEqual({
			'List-Unsubscribe': `<${ja.url}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		});
		const en = unsubscribeFor(
			{ origin: 'https://tsunagu.example', jwtSecret: SECRET },
			ME,
			'mentions',
			'en'
		);
		expect(en.url).toBe(`https://tsunagu.example/en/unsubscribe?t=${token}`);
	});
});

describe('which mails a member can turn off', () => {
	it('every notice kind maps to its preference; account mails to none', () => {
		expect(preferenceOf('registered')).toBe('confirmations');
		expect(preferenceOf('waitlisted')).toBe('confirmations');
		for (const k of [
			'event_changed',
			'event_cancelled',
			'occurrence_changed',
			'occurrence_cancelled'
		] as const)
			expect(preferenceOf(k)).toBe('changes_cancellations');
		expect(preferenceOf('promoted')).toBe('promotions');
		expect(preferenceOf('reminder')).toBe('reminders');
		expect(preferenceOf('thread_reply')).toBe('thread_replies');
		expect(preferenceOf('mention')).toBe('mentions');
		expect(preferenceOf('moderation')).toBe('moderation');
		expect(preferenceOf('invitation')).toBe('invitations');
		expect(preferenceOf('digest')).toBe('digest');
		for (const k of [
			'verify_email',
			'password_reset',
			'signup_existing',
			'email_change_confirm',
			'email_change_notice'
		] as const)
			expect(preferenceOf(k)).toBeNull();
	});
});

describe('bounces', () => {
	const smtpError = (responseCode: number, command: string) =>
		Object.assign(new Error('x'), { responseCode, command });
	it('a 5xx reply to RCPT TO or DATA is permanent; anything else is retried', () => {
		expect(isPermanentFailure(smtpError(550, 'RCPT TO'))).toBe(true);
		expect(isPermanentFailure(smtpError(554, 'DATA'))).toBe(true);
		expect(isPermanentFailure(smtpError(451, 'RCPT TO'))).toBe(false);
		expect(isPermanentFailure(smtpError(452, 'DATA'))).toBe(false);
		expect(isPermanentFailure(smtpError(535, 'AUTH PLAIN'))).toBe(false);
		expect(isPermanentFailure(smtpError(550, 'MAIL FROM'))).toBe(false);
		expect(isPermanentFailure(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(
			false
		);
		expect(isPermanentFailure(null)).toBe(false);
	});
});

describe('the CSRF origin check', () => {
	const url = new URL('https://tsunagu.example/unsubscribe?t=x');
	const post = (path: string, headers: Record<string, string>, method = 'POST') =>
		new Request(new URL(path, url), { method, headers, body: 'a=b' });
	const form = { 'content-type': 'application/x-www-form-urlencoded' };

	it('refuses cross-site and origin-less form posts, as SvelteKit does', () => {
		for (const type of [
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
			'TEXT/PLAIN;charset=UTF-8',
			'application/x-sveltekit-formdata'
		]) {
			for (const origin of [{ origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
				const r = post('/account?/password', { 'content-type': type, ...origin });
				expect(forbiddenCrossSite(r, new URL(r.url)), `${type} ${JSON.stringify(origin)}`).toBe(
					true
				);
			}
		}
		for (const method of ['PUT', 'PATCH', 'DELETE']) {
			const r = post('/events/x', { ...form, origin: 'https://evil.example' }, method);
			expect(forbiddenCrossSite(r, new URL(r.url))).toBe(true);
		}
		// the unsubscribe path does not open the rest of the site
		for (const path of [
			'/unsubscribe/x',
			'/en/unsubscribe/extra',
			'/account/unsubscribe',
			'/unsubscribe2'
		]) {
			const r = post(path, form);
			expect(forbiddenCrossSite(r, new URL(r.url)), path).toBe(true);
		}
	});

	it('lets same-origin posts, non-form bodies and the one-click unsubscribe POST through', () => {
		const same = post('/account?/password', { ...form, origin: 'https://tsunagu.example' });
		expect(forbiddenCrossSite(same, new URL(same.url))).toBe(false);
		const json = post('/api', {
			'content-type': 'application/json',
			origin: 'https://evil.example'
		});
		expect(forbiddenCrossSite(json, new URL(json.url))).toBe(false);
		for (const path of ['/unsubscribe?t=x', '/en/unsubscribe?t=x']) {
			for (const origin of [{}, { origin: 'https://mail.example' }] as Record<string, string>[]) {
				const r = post(path, { ...form, ...origin });
				expect(forbiddenCrossSite(r, new URL(r.url)), path).toBe(false);
			}
		}
		const put = post('/unsubscribe?t=x', form, 'PUT');
		expect(forbiddenCrossSite(put, new URL(put.url))).toBe(true);
	});
});

describe('the one-click POST of a mail provider', () => {
	it('is answered as a browser form post (HTML), never as use:enhance JSON', async () => {
		const url = new URL('https://tsunagu.example/unsubscribe?t=x');
		const provider = new Request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click'
		});
		const seen = asBrowserFormPost(provider, url);
		expect(seen.headers.get('accept')).toBe('text/html');
		expect(await seen.text()).toBe('List-Unsubscribe=One-Click');
		const enhanced = new Request(url, {
			method: 'POST',
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
			body: 'List-Unsubscribe=One-Click'
		});
		expect(asBrowserFormPost(enhanced, url)).toBe(enhanced);
		const other = new Request('https://tsunagu.example/login', { method: 'POST', body: 'a=b' });
		expect(asBrowserFormPost(other, new URL(other.url))).toBe(other);
	});
});
