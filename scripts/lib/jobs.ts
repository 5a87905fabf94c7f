// The worker and the development mailbox beside `npm run dev`, `npm start`
// and the e2e tests (`npm test`). Without SMTP_URL a local SMTP server
// (smtp-server) keeps every message as a file in .local/mail, or the folder
// given (shown at /dev/mail). Without DATABASE_URL (a hosted project whose
// connection string was not given) no worker starts and a line says so: mail
// then waits in the queue.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { startDevMailServer, type DevMailServer } from '../../src/lib/server/mail/dev-store.ts';
import { killAndWait } from './run.ts';
import { LOCAL_DIR, ROOT } from './stack.ts';

export interface JobsBeside {
	/** what the web server needs to know (TSUNAGU_MAIL_DIR for /dev/mail) */
	env: Record<string, string>;
	stop(): Promise<void>;
}

export async function startJobsBeside(
	env: NodeJS.ProcessEnv,
	/** mailDir: the development mailbox's folder (default .local/mail) */
	opts: { devMailbox: boolean; mailDir?: string }
): Promise<JobsBeside> {
	let mailbox: DevMailServer | null = null;
	let smtpUrl = env.SMTP_URL;
	const extra: Record<string, string> = {};
	if (!smtpUrl && !opts.devMailbox) {
		console.log('SMTP_URL is not set: no job worker runs here (mail waits in the queue).');
		return { env: extra, stop: async () => {} };
	}
	if (!smtpUrl) {
		mailbox = await startDevMailServer(opts.mailDir ?? path.join(LOCAL_DIR, 'mail'));
		smtpUrl = mailbox.url;
		extra.TSUNAGU_MAIL_DIR = mailbox.dir;
		console.log(
			`Local SMTP server ${mailbox.url}: mail is kept in ${path.relative(ROOT, mailbox.dir)}`
		);
	}
	let worker: ChildProcess | null = null;
	if (env.DATABASE_URL) {
		// tsx as a loader (one process), as the tests and the benchmark run theirs: its
		// CLI would run the worker in a second process of its own
		worker = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
			cwd: ROOT,
			stdio: 'inherit',
			env: { ...env, SMTP_URL: smtpUrl }
		});
	} else {
		console.log('DATABASE_URL is not set: no job worker runs here (mail waits in the queue).');
	}
	return {
		env: extra,
		async stop() {
			if (worker) await killAndWait(worker);
			await mailbox?.close();
		}
	};
}

/**
 * The e2e run's queue (npm test, on its throw-away stack): mail settings as
 * short as in the integration tests (a change mail after 3 seconds, not a
 * minute), and none of the jobs the integration tests left queued (they ran
 * their own workers and mailboxes; mailing their test users again would only
 * slow the e2e run). Returns how many jobs were dropped.
 */
export async function prepareTestQueue(databaseUrl: string) {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		await client.query(`update private.mail_settings set change_delay = interval '3 seconds'`);
		const { rows } = await client.query<{ n: number }>(
			`select count(*)::int as n from graphile_worker.complete_jobs(
				array(select id from graphile_worker.jobs where locked_at is null))`
		);
		return rows[0]?.n ?? 0;
	} finally {
		await client.end();
	}
}
