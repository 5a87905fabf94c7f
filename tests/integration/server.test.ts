// The production build (node build) as a city runs it: behind HTTPS it sends
// HSTS, and when the database API hangs, every page answers within seconds
// with the friendly error page and 503, signed in or not.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/ports';
import { startApp as startServer, stopApp as stop } from '../support/app';
import { testEnv } from '../support/db';

describe('behind HTTPS', () => {
	let server: Awaited<ReturnType<typeof startServer>>;
	beforeAll(async () => {
		// a deployment: no development mailbox (only the local launchers and the e2e run set it)
		server = await startServer({
			...testEnv(),
			ORIGIN: 'https://tsunagu.test',
			TSUNAGU_MAIL_DIR: ''
		});
	});
	afterAll(() => stop(server?.child));

	it('pages carry Strict-Transport-Security', async () => {
		const response = await fetch(`${server.base}/`);
		expect(response.status).toBe(200);
		expect(response.headers.get('strict-transport-security')).toBe(
			'max-age=31536000; includeSubDomains'
		);
	});

	it('has no /dev/mail (404), the list nor a message', async () => {
		for (const p of ['/dev/mail', '/dev/mail/1765000000000-00000000-0000-4000-8000-000000000000']) {
			const response = await fetch(`${server.base}${p}`);
			expect(response.status, p).toBe(404);
		}
	});
});

describe('when the database API never answers', () => {
	const TIMEOUT_MS = 1500;
	let hung: net.Server;
	const sockets = new Set<net.Socket>();
	let server: Awaited<ReturnType<typeof startServer>>;

	beforeAll(async () => {
		// accepts connections, reads the request, never writes a byte
		hung = net.createServer((socket) => {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		});
		const apiPort = await freePort();
		await new Promise<void>((resolve) => hung.listen(apiPort, '127.0.0.1', resolve));
		const env = testEnv();
		server = await startServer({
			SUPABASE_URL: `http://127.0.0.1:${apiPort}`,
			SUPABASE_ANON_KEY: env.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
			SUPABASE_JWT_SECRET: env.jwtSecret,
			TSUNAGU_DB_TIMEOUT_MS: String(TIMEOUT_MS),
			ORIGIN: 'http://127.0.0.1'
		});
	});
	afterAll(async () => {
		await stop(server?.child);
		for (const socket of sockets) socket.destroy();
		await new Promise((resolve) => hung?.close(resolve));
	});

	it.each([
		['/', {}],
		['/events', {}],
		['/orgs?q=食堂', {}],
		['/calendar.ics', {}],
		// a signed-in person's session is checked against the database first
		['/', { cookie: 'tsunagu_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }],
		['/events', { cookie: 'tsunagu_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }]
	])('GET %s %j: 503 with the friendly page, in seconds', async (path, headers) => {
		const started = Date.now();
		const response = await fetch(`${server.base}${path}`, {
			headers: { accept: 'text/html', ...headers },
			signal: AbortSignal.timeout(20_000)
		});
		const elapsed = Date.now() - started;
		expect(response.status).toBe(503);
		const html = await response.text();
		expect(html).toContain('問題が発生しました。時間をおいてもう一度お試しください。');
		expect(html).toContain('トップページへ戻る');
		expect(html).not.toContain('Internal Error');
		expect(html).not.toContain('AbortError');
		// a few calls in sequence at most, never a hang
		expect(elapsed).toBeLessThan(TIMEOUT_MS * 6);
	});
});
