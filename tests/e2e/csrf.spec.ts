// SvelteKit's origin check refuses cross-site form posts to every action, for
// every form content type; and every page carries the security headers.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const ROUTES = path.resolve('src/routes');

/** The action names returned by `export function <name>` somewhere under src/lib/server. */
async function sharedActions(name: string): Promise<string[]> {
	const dir = path.resolve('src/lib/server');
	for (const entry of await readdir(dir, { recursive: true })) {
		if (!entry.endsWith('.ts')) continue;
		const source = await readFile(path.join(dir, entry), 'utf8');
		const start = source.indexOf(`export function ${name}(`);
		if (start < 0) continue;
		const body = source.slice(start, source.indexOf('\n}\n', start));
		return [...body.matchAll(/^\t\t(\w+): async/gm)].map((m) => m[1]);
	}
	throw new Error(`shared actions ${name} not found`);
}

/** Every form action: route path + action name, found in +page.server.ts files. */
async function formActions(): Promise<string[]> {
	const found: string[] = [];
	async function walk(dir: string) {
		for (const entry of await readdir(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) await walk(full);
			else if (entry.name === '+page.server.ts') {
				const source = await readFile(full, 'utf8');
				const block = source.match(/export const actions[^=]*=\s*\{([\s\S]*)\};?\s*$/);
				if (!block) continue;
				const names = [...block[1].matchAll(/^\t(\w+):/gm)].map((m) => m[1]);
				// actions spread in from a shared module, e.g. ...rowActions('areas')
				for (const spread of block[1].matchAll(/^\t\.\.\.(\w+)\(/gm)) names.push(...(await sharedActions(spread[1])));
				const route = path
					.relative(ROUTES, dir)
					.split(path.sep)
					.filter((s) => !/^\(.*\)$/.test(s))
					.map((s) => s.replace(/^\[.*\]$/, 'x'))
					.join('/');
				for (const name of names) found.push(`/${route}${name === 'default' ? '' : `?/${name}`}`);
			}
		}
	}
	await walk(ROUTES);
	return found;
}

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
