// The worker and the development mailbox beside `npm run dev` and `npm start`.
// Without SMTP_URL a local SMTP server (smtp-server) keeps every message as a
// file in .local/mail (shown at /dev/mail in development). Without
// DATABASE_URL (a hosted project whose connection string was not given) no
// worker starts and a line says so: mail then waits in the queue.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
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
	opts: { devMailbox: boolean }
): Promise<JobsBeside> {
	let mailbox: DevMailServer | null = null;
	let smtpUrl = env.SMTP_URL;
	const extra: Record<string, string> = {};
	if (!smtpUrl && !opts.devMailbox) {
		console.log('SMTP_URL is not set: no job worker runs here (mail waits in the queue).');
		return { env: extra, stop: async () => {} };
	}
	if (!smtpUrl) {
		mailbox = await startDevMailServer(path.join(LOCAL_DIR, 'mail'));
		smtpUrl = mailbox.url;
		extra.TSUNAGU_MAIL_DIR = mailbox.dir;
		console.log(
			`Local SMTP server ${mailbox.url}: mail is kept in ${path.relative(ROOT, mailbox.dir)}`
		);
	}
	let worker: ChildProcess | null = null;
	if (env.DATABASE_URL) {
		worker = spawn(
			process.execPath,
			[path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/worker.ts'],
			{
				cwd: ROOT,
				stdio: 'inherit',
				env: { ...env, SMTP_URL: smtpUrl }
			}
		);
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
