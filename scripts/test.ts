// npm test: one throw-away stack (random ports, temp dir) for the whole run;
// the app is built against it, then vitest (unit + integration) and Playwright
// (e2e against the built app, with the development mailbox and a worker beside
// it as `npm start` has locally).
// What needs no stack runs beside that, and is awaited at the end: lint
// (Prettier, then type-aware ESLint: minutes of mostly one core) from the
// start, and the type check (svelte-check) and the benchmark's smoke run
// (bench/run.ts --smoke: its own stack, size S, 2-second measurements, so that
// the harness cannot rot; its numbers mean nothing on a machine this busy)
// once the app is built, beside the integration tests, which run one file at a
// time and mostly wait on the database. Each part's time is printed at the end.
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
const seconds: Record<string, number> = {};
const begun = Date.now();
/** Runs one part and notes its exit code and how long it took. */
async function part(name: string, running: Promise<number>): Promise<number> {
	const started = Date.now();
	results[name] = await running;
	seconds[name] = Math.round((Date.now() - started) / 1000);
	return results[name];
}

// One `svelte-kit sync` first: the build's own sync then writes nothing new
// (SvelteKit writes its generated files only when they change).
const everything = parts.length === 0 && filters.length === 0;
let linting: Promise<number> | null = null;
let checking: Promise<number> | null = null;
let benchSmoke: Promise<number> | null = null;
if (everything) {
	await run('npm', ['run', '--silent', 'sync']);
	// type-aware ESLint holds every program in memory: about 3.5 GB here, near Node's default limit
	linting = part(
		'lint',
		run('sh', ['-c', `${bin('prettier')} --check . && ${bin('eslint')} .`], {
			NODE_OPTIONS: '--max-old-space-size=6144'
		})
	);
}
if (want('unit') && !want('integration')) {
	await part('unit', run(bin('vitest'), ['run', '--project', 'unit', ...filters]));
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
			await part('build', run(bin('vite'), ['build', '--logLevel', 'warn'], env));
		}
		if (everything) {
			// svelte-check covers routes, server code, scripts and tests
			checking = part('check', run(bin('svelte-check'), ['--tsconfig', './tsconfig.json']));
		}
		if (everything && results.build === 0) {
			const out = await mkdtemp(path.join(os.tmpdir(), 'tsunagu-bench-smoke-'));
			benchSmoke = part(
				'bench',
				run(bin('tsx'), ['bench/run.ts', '--smoke', '--out', out]).finally(() =>
					rm(out, { recursive: true, force: true })
				)
			);
		}
		if (results.build === 0 || results.build === undefined) {
			if (want('unit') || want('integration')) {
				const projects = [want('unit') && 'unit', want('integration') && 'integration']
					.filter(Boolean)
					.flatMap((p) => ['--project', p as string]);
				await part('vitest', run(bin('vitest'), ['run', ...projects, ...filters], env));
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
					await part(
						'e2e',
						run(bin('playwright'), ['test', ...filters], {
							...env,
							...jobs.env,
							TSUNAGU_E2E_PORT: port
						})
					);
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

await Promise.all([checking, benchSmoke, linting]);

const failed = Object.entries(results).filter(([, code]) => code !== 0);
for (const [name, code] of Object.entries(results)) {
	console.log(`${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} (${seconds[name]} s)`);
}
console.log(`npm test: ${Math.round((Date.now() - begun) / 1000)} s`);
process.exit(failed.length ? 1 : 0);
