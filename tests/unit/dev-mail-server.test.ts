// The development SMTP server (the mailbox of `npm run dev` and of the mail
// tests) outlives senders that go away in the middle of a message: a worker
// killed with -9 resets its connections, one per mail it was sending.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { listDevMail, startDevMailServer } from '$lib/server/mail/dev-store';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('takes mail again after three senders reset their connections mid-message', async () => {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'tsunagu-devmail-'));
	const server = await startDevMailServer(dir, {
		rcptDelayMs: (to) => (to === 'slow@x.test' ? 1000 : 0)
	});
	try {
		const port = Number(new URL(server.url).port);
		const senders = [0, 1, 2].map(() => net.connect(port, '127.0.0.1').on('error', () => {}));
		await wait(200);
		for (const line of ['EHLO x', 'MAIL FROM:<a@x.test>', 'RCPT TO:<slow@x.test>']) {
			for (const s of senders) s.write(`${line}\r\n`);
			await wait(100);
		}
		for (const s of senders) s.resetAndDestroy();
		await wait(1500);
		// the server still answers, and stores a whole message
		const replies: string[] = [];
		const ok = net.connect(port, '127.0.0.1');
		ok.on('data', (d) => replies.push(String(d)));
		await wait(200);
		for (const line of ['EHLO x', 'MAIL FROM:<a@x.test>', 'RCPT TO:<b@x.test>', 'DATA']) {
			ok.write(`${line}\r\n`);
			await wait(100);
		}
		ok.write('Subject: after the resets\r\n\r\nhello\r\n.\r\nQUIT\r\n');
		await wait(300);
		ok.destroy();
		expect(replies.join('')).toContain('354');
		const stored = await listDevMail(dir);
		expect(stored.map((m) => m.subject)).toEqual(['after the resets']);
	} finally {
		await server.close();
		await rm(dir, { recursive: true, force: true });
	}
});
