// The development mailbox: without SMTP_URL, `npm run dev` and the test stack
// start a local SMTP server (smtp-server) that writes every message it accepts
// as an .eml file into a folder (TSUNAGU_MAIL_DIR, by default .local/mail);
// /dev/mail and the tests read them back with mailparser. Never on a deployed site.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface DevMailServer {
	url: string;
	dir: string;
	close(): Promise<void>;
}

/**
 * Starts the local SMTP server on 127.0.0.1 (port 0: any free one). `failFor`
 * (tests) refuses every message to those addresses as a real server would: with
 * the reply code it returns (451: try later; 550: no such mailbox, for good),
 * 550 for `true`; `rcptDelayMs` (tests) answers each recipient (or those it
 * gives a delay) late, before any message is stored.
 */
export async function startDevMailServer(
	dir: string,
	opts: {
		port?: number;
		failFor?: (to: string) => boolean | number;
		rcptDelayMs?: number | ((to: string) => number);
	} = {}
): Promise<DevMailServer> {
	await mkdir(dir, { recursive: true });
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			const fail = opts.failFor?.(address.address);
			if (fail) {
				const code = fail === true ? 550 : fail;
				const err = new Error(
					code >= 500 ? 'mailbox unavailable (test)' : 'try again later (test)'
				) as Error & { responseCode: number };
				err.responseCode = code;
				return callback(err);
			}
			// tests: a slow server, so that a worker can be killed in the middle of a batch
			const delay =
				typeof opts.rcptDelayMs === 'function'
					? opts.rcptDelayMs(address.address)
					: (opts.rcptDelayMs ?? 0);
			if (delay) setTimeout(() => callback(), delay);
			else callback();
		},
		onData(stream, _session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const name = `${Date.now()}-${randomUUID()}.eml`;
				writeFile(path.join(dir, name), Buffer.concat(chunks)).then(
					() => callback(),
					(e: Error) => callback(e)
				);
			});
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			// a sender that goes away in the middle of a message (a worker killed, a
			// dropped connection) is its own to retry, never a crash of this process
			server.on('error', (e: Error & { code?: string }) => {
				if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE')
					console.error(JSON.stringify({ event: 'dev_mail_error', error: e.message }));
			});
			resolve();
		});
	});
	const address = server.server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `smtp://127.0.0.1:${port}`,
		dir,
		close: () => new Promise<void>((r) => server.close(() => r()))
	};
}

export interface StoredMail {
	id: string;
	to: string;
	subject: string;
	date: string;
	messageId: string;
	/** every header field as it came (lower-case names; the last of repeated ones) */
	headers: Record<string, string>;
	text: string;
	html: string | null;
	attachments: { filename: string; contentType: string; content: string }[];
}

function toStored(id: string, mail: ParsedMail): StoredMail {
	const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
	return {
		id,
		to,
		subject: mail.subject ?? '',
		date: (mail.date ?? new Date()).toISOString(),
		messageId: mail.messageId ?? '',
		headers: Object.fromEntries(
			mail.headerLines.map((h) => [
				h.key.toLowerCase(),
				h.line
					.slice(h.line.indexOf(':') + 1)
					.replace(/\r?\n[ \t]+/g, ' ')
					.trim()
			])
		),
		text: mail.text ?? '',
		html: typeof mail.html === 'string' ? mail.html : null,
		attachments: mail.attachments.map((a) => ({
			filename: a.filename ?? '',
			contentType: a.contentType,
			content: a.content.toString('utf8')
		}))
	};
}

const ID = /^[0-9]+-[0-9a-f-]{36}$/;

/** Every stored message, newest first. */
export async function listDevMail(dir: string): Promise<StoredMail[]> {
	const names = await readdir(dir).catch(() => [] as string[]);
	const ids = names.filter((n) => n.endsWith('.eml')).map((n) => n.slice(0, -4));
	const mails = await Promise.all(ids.map((id) => readDevMail(dir, id)));
	return mails.filter((x): x is StoredMail => !!x).sort((a, b) => (a.id < b.id ? 1 : -1));
}

export async function readDevMail(dir: string, id: string): Promise<StoredMail | null> {
	if (!ID.test(id)) return null;
	const raw = await readFile(path.join(dir, `${id}.eml`)).catch(() => null);
	return raw ? toStored(id, await simpleParser(raw)) : null;
}
