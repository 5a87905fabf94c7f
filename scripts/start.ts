// npm start: the production server (adapter-node build). With SUPABASE_URL,
// SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY and SUPABASE_JWT_SECRET set it
// serves that Supabase project and starts nothing else (never any seed);
// otherwise it starts the local stack first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { assertPortFree, InUseError } from './lib/ports.ts';
import { startJobsBeside } from './lib/jobs.ts';
import { UPLOAD_BODY_SIZE_LIMIT } from './lib/limits.ts';
import { superviseChild } from './lib/run.ts';
import { defaultPorts, LOCAL_DIR, ROOT, startStack, type Stack } from './lib/stack.ts';

const REQUIRED = [
	'SUPABASE_URL',
	'SUPABASE_ANON_KEY',
	'SUPABASE_SERVICE_ROLE_KEY',
	'SUPABASE_JWT_SECRET'
];
const ports = defaultPorts();
const entry = path.join(ROOT, 'build/index.js');
if (!existsSync(entry)) {
	console.error('No production build found: run `npm run build` first.');
	process.exit(1);
}

let stack: Stack | null = null;
try {
	await assertPortFree(ports.appPort, 'production server', 'PORT');
	if (process.env.SUPABASE_URL) {
		const missing = REQUIRED.filter((k) => !process.env[k]);
		if (missing.length) {
			console.error(`SUPABASE_URL is set, but these are missing: ${missing.join(', ')}`);
			process.exit(1);
		}
	} else {
		stack = await startStack({
			dir: LOCAL_DIR,
			dbPort: ports.dbPort,
			apiPort: ports.apiPort,
			seed: true,
			log: (line) => console.log(line)
		});
	}
} catch (e) {
	console.error(e instanceof InUseError ? e.message : e);
	process.exit(1);
}

const serverEnv = {
	...process.env,
	...stack?.env,
	PORT: String(ports.appPort),
	// photo uploads (one photo of up to 10 MB with its form); a deployment sets its own
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? UPLOAD_BODY_SIZE_LIMIT,
	// adapter-node assumes https unless told; locally we serve plain http
	...(stack && !process.env.ORIGIN ? { ORIGIN: `http://localhost:${ports.appPort}` } : {})
};
// the worker (mail, reminders) beside the server; `npm run worker` runs it alone
// a deployment (SUPABASE_URL set) sends through its SMTP_URL, never a local mailbox
const jobs = await startJobsBeside(serverEnv, { devMailbox: !!stack });
const server = spawn(process.execPath, [entry], {
	stdio: 'inherit',
	env: { ...serverEnv, ...jobs.env }
});
console.log(`Tsunagu on http://localhost:${ports.appPort}`);
superviseChild(server, async () => {
	await jobs.stop();
	await stack?.stop();
});
