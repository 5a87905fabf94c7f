// SvelteKit's origin check refuses cross-site form posts to every action, for
// every form content type; and every page carries the security headers.
import { expect, test } from '@playwright/test';
import { formActions } from './form-actions';

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
		'/notifications?/markAllRead'
	]) {
		expect(actions).toContain(expected);
	}
	for (const action of actions) {
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

test('security headers on pages', async ({ request }) => {
	for (const path of ['/', '/login', '/en/signup']) {
		const response = await request.get(path);
		const headers = response.headers();
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		const csp = headers['content-security-policy'];
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
	}
});
