// The origin check (SvelteKit's rule, in hooks.server.ts) refuses cross-site
// form posts to every action, for every form content type, but the one-click
// unsubscribe POST (RFC 8058), which its signed link alone authorises; and
// every page carries the security headers.
import { expect, test } from '@playwright/test';
import { signUnsubscribe } from '$lib/server/mail/unsubscribe';
import { createTestUser, serviceClient, testEnv } from '../support/db';
import { formActions } from './form-actions';

/** The one action that takes cross-site posts (mail providers post without an Origin). */
const ONE_CLICK = '/unsubscribe';

const CONTENT_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=----x',
	'text/plain',
	'APPLICATION/X-WWW-FORM-URLENCODED',
	'Multipart/Form-Data; boundary=----x',
	'TEXT/PLAIN;charset=UTF-8'
];

test('cross-origin posts to every form action get 403', async ({ request }) => {
	const actions = await formActions();
	for (const expected of [
		'/login',
		'/signup',
		'/logout',
		'/account?/displayName',
		'/account?/password',
		'/account?/logoutEverywhere',
		'/orgs/new',
		'/orgs/x/members?/inviteLink',
		'/events/x?/join',
		'/events/x/edit?/cancel',
		'/events/x/attendees?/addGuest',
		'/admin/areas?/move',
		'/admin/fields?/retire',
		'/notifications?/markAllRead',
		ONE_CLICK
	]) {
		expect(actions).toContain(expected);
	}
	for (const action of actions.filter((a) => a !== ONE_CLICK)) {
		for (const type of CONTENT_TYPES) {
			const body = type.toLowerCase().startsWith('multipart')
				? '------x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.example\r\n------x--\r\n'
				: 'email=a%40b.example&password=x';
			const response = await request.post(action, {
				headers: { origin: 'https://evil.example', 'content-type': type },
				data: body,
				maxRedirects: 0
			});
			expect(response.status(), `${action} ${type}`).toBe(403);
		}
	}
});

test('the one-click unsubscribe POST is the one exception: from anywhere, but only with a valid link', async ({
	request
}) => {
	const member = await createTestUser('よそから 止める');
	for (const [path, origin] of [
		[ONE_CLICK, 'https://evil.example'],
		[`${ONE_CLICK}?t=forged`, 'https://evil.example'],
		['/en/unsubscribe?t=forged', null]
	] as const) {
		const response = await request.post(path, {
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				...(origin ? { origin } : {})
			},
			data: 'List-Unsubscribe=One-Click',
			maxRedirects: 0
		});
		expect(response.status(), path).toBe(400);
	}
	const token = signUnsubscribe(testEnv().jwtSecret, member.id, 'reminders');
	const response = await request.post(`${ONE_CLICK}?t=${token}`, {
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: 'https://mail.example'
		},
		data: 'List-Unsubscribe=One-Click',
		maxRedirects: 0
	});
	expect(response.status()).toBe(200);
	const { data } = await serviceClient()
		.from('notification_preferences')
		.select('reminders, confirmations')
		.eq('user_id', member.id)
		.single();
	expect(data).toEqual({ reminders: false, confirmations: null });
	// and it opens nothing else: another page of the site from another origin is still refused
	const other = await request.post('/unsubscribe/extra', {
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: 'https://evil.example'
		},
		data: 'List-Unsubscribe=One-Click',
		maxRedirects: 0
	});
	expect(other.status()).toBe(403);
});

test('security headers on pages', async ({ request }) => {
	for (const path of ['/', '/login', '/en/signup']) {
		const response = await request.get(path);
		const headers = response.headers();
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		const csp = headers['content-security-policy'];
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
		if (path === '/') {
			// not hydrated (csr = false): no script at all, so no nonce for one either
			expect(csp).toMatch(/script-src 'self';/);
			expect(await response.text()).not.toContain('<script');
		} else expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	}
});
