// The one-time message after an action (Post/Redirect/Get): set with the
// redirect, read once by the page it is for, never by another.
import { isRedirect, type Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { redirectWithFlash, takeFlash } from '$lib/server/events/flash';

/** Cookies as a browser would keep them for one path, enough for these functions. */
function jar() {
	const values = new Map<string, { value: string; options: object }>();
	const cookies: Pick<Cookies, 'get' | 'set' | 'delete'> = {
		get: (name) => values.get(name)?.value,
		set: (name, value, options) => void values.set(name, { value, options }),
		delete: (name) => void values.delete(name)
	};
	// the three methods the flash functions use
	return { cookies: cookies as Cookies, values };
}

const page = new URL('https://tsunagu.example/events/abc');

describe('flash messages', () => {
	it('redirect with 303 to the page and its anchor, the message in an HttpOnly cookie for that page', () => {
		const { cookies, values } = jar();
		let thrown: unknown;
		try {
			redirectWithFlash(
				cookies,
				new URL('https://tsunagu.example/events/abc?/join'),
				'/events/abc',
				{
					text: '参加を申し込みました。',
					ok: true,
					target: 'occurrence-1'
				}
			);
		} catch (e) {
			thrown = e;
		}
		expect(isRedirect(thrown)).toBe(true);
		if (!isRedirect(thrown)) return;
		expect(thrown.status).toBe(303);
		expect(thrown.location).toBe('/events/abc#occurrence-1');
		const cookie = values.get('tsunagu_flash');
		expect(cookie?.options).toMatchObject({
			path: '/events/abc',
			httpOnly: true,
			sameSite: 'lax',
			secure: true
		});

		expect(takeFlash(cookies, page)).toEqual({
			text: '参加を申し込みました。',
			ok: true,
			target: 'occurrence-1'
		});
		// once only: reloading shows nothing
		expect(takeFlash(cookies, page)).toBeNull();
	});

	it('keep the search of the page (an attendee list of one date)', () => {
		const { cookies } = jar();
		try {
			redirectWithFlash(
				cookies,
				page,
				'/events/abc/attendees',
				{ text: '出欠を記録しました。', ok: true, target: 'attendee-9' },
				'?occurrence=o1'
			);
		} catch (e) {
			expect(isRedirect(e) && e.location).toBe('/events/abc/attendees?occurrence=o1#attendee-9');
		}
	});

	it('are left alone by another page, and ignored when forged or broken', () => {
		const { cookies, values } = jar();
		try {
			redirectWithFlash(cookies, page, '/events/abc', { text: 'x', ok: true, target: 'join' });
		} catch {
			// the redirect
		}
		expect(takeFlash(cookies, new URL('https://tsunagu.example/events/abc/attendees'))).toBeNull();
		expect(values.has('tsunagu_flash')).toBe(true);

		for (const forged of [
			'not json',
			JSON.stringify({ text: 'x', ok: true, target: '"><script>', path: '/events/abc' }),
			JSON.stringify({ text: 1, ok: true, target: 'join', path: '/events/abc' })
		]) {
			values.set('tsunagu_flash', { value: forged, options: {} });
			expect(takeFlash(cookies, page), forged).toBeNull();
			expect(values.has('tsunagu_flash')).toBe(false);
		}
	});
});
