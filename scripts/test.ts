// npm test: lint and type check, then one throw-away stack (random ports,
// temp dir) for the whole run; the app is built against it, then vitest (unit
// + integration) and Playwright (e2e against the built app, with the
// development mailbox and a worker beside it as `npm start` has locally).
// The benchmark's smoke run (bench/run.ts --smoke: its own stack, size S, 2-second
// measurements) runs beside vitest once the app is built, so that the harness
// cannot rot; its numbers mean nothing on a machine this busy.
// `npm test -- unit|integration|e2e` runs one part (without lint, check and the smoke run).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { prepareTestQueue, startJobsBeside, type JobsBeside } from './lib/jobs.ts';
import { startThrowawayStack } from './lib/throwaway.ts';
import { freePort } from './lib/ports.ts';
import { bin, onShutdown, run } from './lib/run.ts';

// `npm test -- e2e tests/e2e/auth.spec.ts`: other arguments go to the runners as filters
const PARTS = ['unit', 'integration', 'e2e'];
const parts = process.argv.slice(2).filter((a) => PARTS.includes(a));
const filters = process.argv.slice(2).filter((a) => !PARTS.includes(a));
const want = (part: string) => parts.length === 0 || parts.includes(part);

const results: Record<string, number> = {};
// lint (Prettier, then ESLint with type information) runs beside the rest and
// is awaited at the end: it takes minutes of mostly one core, while the
// integration tests mostly wait on the database; the type check (svelte-check
// covers routes, server code, scripts and tests) runs first, on its own. One
// `svelte-kit sync` first: the build's own sync then writes nothing new
// (SvelteKit writes its generated files only when they change).
let linting: Promise<number> | null = null;
let benchSmoke: Promise<number> | null = null;
if (parts.length === 0 && filters.length === 0) {
	await run('npm', ['run', '--silent', 'sync']);
	// type-aware ESLint holds every program in memory: about 3.5 GB here, near Node's default limit
	linting = run('sh', ['-c', `${bin('prettier')} --check . && ${bin('eslint')} .`], {
		NODE_OPTIONS: '--max-old-space-size=6144'
	});
	results.check = await run(bin('svelte-check'), ['--tsconfig', './tsconfig.json']);
}
if (want('unit') && !want('integration')) {
	results.unit = await run(bin('vitest'), ['run', '--project', 'unit', ...filters]);
} else {
	const started = Date.now();
	const stack = await startThrowawayStack({ seed: true });
	console.log(`Test stack ready in ${Date.now() - started} ms at ${stack.env.SUPABASE_URL}`);
	// the e2e run's worker and mailbox, while they run
	let jobs: JobsBeside | null = null;
	onShutdown(async () => {
		await jobs?.stop();
		await stack.stop();
	});
	const env = { ...stack.env, TSUNAGU_TEST_STACK: '1' };
	try {
		if (want('integration') || want('e2e')) {
			// built with the stack's secrets in the environment, so that the bundle test
			// can prove none of them reaches client code
			results.build = await run(bin('vite'), ['build', '--logLevel', 'warn'], env);
		}
		if (linting && results.build === 0) {
			const out = await mkdtemp(path.join(os.tmpdir(), 'tsunagu-bench-smoke-'));
			benchSmoke = run(bin('tsx'), ['bench/run.ts', '--smoke', '--out', out]).finally(() =>
				rm(out, { recursive: true, force: true })
			);
		}
		if (results.build === 0 || results.build === undefined) {
			if (want('unit') || want('integration')) {
				const projects = [want('unit') && 'unit', want('integration') && 'integration']
					.filter(Boolean)
					.flatMap((p) => ['--project', p as string]);
				results.vitest = await run(bin('vitest'), ['run', ...projects, ...filters], env);
			}
			if (want('e2e')) {
				const port = String(await freePort());
				// the mailbox (/dev/mail in the e2e app) and a worker that mails with the
				// app's links; never a real SMTP server, whatever the shell says
				const dropped = await prepareTestQueue(env.DATABASE_URL);
				if (dropped) console.log(`e2e: ${dropped} jobs left by earlier tests dropped`);
				const mailDir = await mkdtemp(path.join(os.tmpdir(), 'tsunagu-e2e-mail-'));
				try {
					jobs = await startJobsBeside(
						{
							...process.env,
							...env,
							SMTP_URL: '',
							ORIGIN: `http://127.0.0.1:${port}`,
							TSUNAGU_WORKER_POLL_MS: '500'
						},
						{ devMailbox: true, mailDir }
					);
					results.e2e = await run(bin('playwright'), ['test', ...filters], {
						...env,
						...jobs.env,
						TSUNAGU_E2E_PORT: port
					});
				} finally {
					await jobs?.stop();
					jobs = null;
					await rm(mailDir, { recursive: true, force: true });
				}
			}
		}
	} finally {
		await stack.stop();
	}
}

if (benchSmoke) results.bench = await benchSmoke;
if (linting) results.lint = await linting;

const failed = Object.entries(results).filter(([, code]) => code !== 0);
for (const [part, code] of Object.entries(results)) {
	console.log(`${part}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`}`);
}
process.exit(failed.length ? 1 : 0);
