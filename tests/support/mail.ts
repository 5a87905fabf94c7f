// Mail in tests: the real development SMTP server (a folder of .eml files read
// with mailparser), real worker processes (scripts/worker.ts, which a test may
// SIGKILL) and the mail settings made short. Needs the stack's env.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { listDevMail, startDevMailServer, type StoredMail } from '$lib/server/mail/dev-store';
import { testEnv } from './db';

export const ORIGIN = 'https://tsunagu.test';

export async function startMailbox(
	opts: {
		failFor?: (to: string) => boolean | number;
		rcptDelayMs?: number | ((to: string) => number);
	} = {}
) {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'tsunagu-mail-'));
	const server = await startDevMailServer(dir, opts);
	return {
		...server,
		list: () => listDevMail(dir),
		async close() {
			await server.close();
			await rm(dir, { recursive: true, force: true });
		}
	};
}
export type Mailbox = Awaited<ReturnType<typeof startMailbox>>;

/** Runs SQL as the database owner (settings, the queue's state). */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
	const client = new pg.Client({ connectionString: testEnv().databaseUrl });
	await client.connect();
	try {
		return (await client.query<T>(text, values)).rows;
	} finally {
		await client.end();
	}
}

export async function mailSettings(s: { changeDelaySeconds: number; maxAttempts: number }) {
	await sql(
		'update private.mail_settings set change_delay = make_interval(secs => $1), max_attempts = $2',
		[s.changeDelaySeconds, s.maxAttempts]
	);
}

/** A worker process; `origin`: the site its links point at (default ORIGIN). */
export function startWorkerProcess(smtpUrl: string, origin = ORIGIN) {
	const env = testEnv();
	const child = spawn(
		process.execPath,
		// tsx as a loader, not its CLI: the CLI runs the script in a child process,
		// which a SIGKILL of the CLI would leave running
		['--import', 'tsx', 'scripts/worker.ts'],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				SMTP_URL: smtpUrl,
				MAIL_FROM: 'つなぐ <no-reply@tsunagu.test>',
				ORIGIN: origin,
				DATABASE_URL: env.databaseUrl,
				TSUNAGU_WORKER_POLL_MS: '200',
				TSUNAGU_WORKER_STALE_SECONDS: '3'
			}
		}
	);
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const started = new Promise<void>((resolve, reject) => {
		child.stdout?.on('data', () => output.includes('worker_started') && resolve());
		child.once('exit', (code) => reject(new Error(`worker exited ${code}:\n${output}`)));
	});
	return { child, started, output: () => output };
}

export async function stopWorkerProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill(signal);
	await exited;
}

/** Waits until `until` holds for the mails to these addresses (or times out with what came). */
/**
 * The e2e run's mailbox: scripts/test.ts starts it, with a worker, beside the
 * built app (the app's /dev/mail shows the same folder). Mail links point at
 * the app (e2eOrigin).
 */
export function e2eMailbox() {
	const dir = process.env.TSUNAGU_MAIL_DIR;
	if (!dir) throw new Error('TSUNAGU_MAIL_DIR is not set: run e2e through `npm test -- e2e`');
	return { dir, list: () => listDevMail(dir) };
}

export const e2eOrigin = () => `http://127.0.0.1:${process.env.TSUNAGU_E2E_PORT}`;

export async function waitForMail(
	box: { list(): Promise<StoredMail[]> },
	until: (mails: StoredMail[]) => boolean,
	timeoutMs = 30_000
) {
	const deadline = Date.now() + timeoutMs;
	let mails: StoredMail[] = [];
	while (Date.now() < deadline) {
		mails = await box.list();
		if (until(mails)) return mails;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(
		`mail did not arrive in time; got:\n${mails.map((m) => `${m.to}: ${m.subject}`).join('\n')}`
	);
}

/**
 * Completes the mail jobs earlier test files left queued (their notices made
 * them while no worker ran; their users are not this file's). A file calls it
 * before starting its worker, so that `queueIdle` waits for its own jobs only
 * and not for a backlog of hundreds. Returns how many were dropped.
 */
export async function dropLeftoverMail() {
	const [row] = await sql<{ n: number }>(
		`select count(*)::int as n from graphile_worker.complete_jobs(
			array(select id from graphile_worker.jobs where locked_at is null and task_identifier = 'send_mail'))`
	);
	return row?.n ?? 0;
}

/**
 * No queued or running jobs due within the next 30 seconds (the queue is idle
 * for a test; the replies of other test files wait 5 minutes and are not its concern).
 */
export async function queueIdle(timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const [row] = await sql<{ n: string }>(
			`select count(*) as n from graphile_worker.jobs where task_identifier = 'send_mail' and attempts < max_attempts and run_at < now() + interval '30 seconds'`
		);
		if (row?.n === '0') return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error('the job queue did not become idle');
}

export const mailsTo = (mails: StoredMail[], email: string) =>
	mails.filter((m) => m.to.includes(email));
