// npm run dev: the local stack (PostgreSQL, migrations, seed, PostgREST,
// gateway) and the SvelteKit dev server. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { assertPortFree, InUseError } from './lib/ports.ts';
import { startJobsBeside, type JobsBeside } from './lib/jobs.ts';
import { UPLOAD_BODY_SIZE_LIMIT } from './lib/limits.ts';
import { bin, superviseChild } from './lib/run.ts';
import { defaultPorts, LOCAL_DIR, startStack, type Stack } from './lib/stack.ts';

const ports = defaultPorts();
let stack: Stack | null = null;
try {
	await assertPortFree(ports.devPort, 'dev server', 'TSUNAGU_DEV_PORT');
	if (process.env.SUPABASE_URL) {
		console.log(
			`Using the Supabase project at ${process.env.SUPABASE_URL}; starting nothing locally.`
		);
	} else {
		stack = await startStack({
			dir: LOCAL_DIR,
			dbPort: ports.dbPort,
			apiPort: ports.apiPort,
			seed: true,
			log: (line) => console.log(line)
		});
		console.log(`Local Supabase API: ${stack.env.SUPABASE_URL}  (npm run stack:status for keys)`);
	}
} catch (e) {
	console.error(e instanceof InUseError ? e.message : e);
	process.exit(1);
}

// the worker and, without SMTP_URL, the local mailbox (/dev/mail)
let jobs: JobsBeside | null = null;
try {
	jobs = await startJobsBeside(
		{
			...process.env,
			...stack?.env,
			ORIGIN: process.env.ORIGIN ?? `http://localhost:${ports.devPort}`
		},
		{ devMailbox: true }
	);
} catch (e) {
	console.error(e);
	await stack?.stop();
	process.exit(1);
}

const vite = spawn(
	bin('vite'),
	['dev', '--port', String(ports.devPort), '--strictPort', '--host', '127.0.0.1'],
	{
		stdio: 'inherit',
		env: {
			BODY_SIZE_LIMIT: UPLOAD_BODY_SIZE_LIMIT,
			...process.env,
			...stack?.env,
			...jobs.env
		}
	}
);

superviseChild(vite, async () => {
	await jobs?.stop();
	await stack?.stop();
});
