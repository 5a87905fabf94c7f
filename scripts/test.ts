// npm test: three throw-away stacks (random ports, temp dirs): one for vitest's
// unit and integration tests, one for its mail tests (they start job workers
// and SMTP servers, and mostly wait: they run beside everything else), and one
// for Playwright (e2e against the built app, with the development mailbox and a
// worker beside it as `npm start` has locally), which starts from the seed
// alone once the other integration tests are done: beside them it fights for
// two cores, and e2e tests time out. The app is built once.
// Beside the tests once the app is built, and awaited at the end: lint
// (Prettier, then ESLint), the type check (svelte-check) and the benchmark's
// smoke run (bench/run.ts --smoke: its own stack, size S, 2-second
// measurements, so that the harness cannot rot; its numbers mean nothing on a
// machine this busy). Each part's time is printed at the end.
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

const everything = parts.length === 0 && filters.length === 0;
let checking: Promise<unknown> | null = null;
let benchSmoke: Promise<number> | null = null;
if (everything) await run('npm', ['run', '--silent', 'sync']);
/**
 * What needs no stack, beside the tests once the app is built (the build writes
 * SvelteKit's generated types, which the type check and ESLint read): lint
 * (Prettier, then ESLint) and the type check (svelte-check covers routes, server
 * code, scripts and tests).
 */
const checks = () =>
	Promise.all([
		part('lint', run('sh', ['-c', `${bin('prettier')} --check . && ${bin('eslint')} .`])),
		part('check', typeCheck())
	]);

/**
 * svelte-check, once more after a failure: every `svelte-kit sync` (the vitest
 * processes' SvelteKit plugin runs one as they start) deletes and rewrites the
 * root route's `$types.d.ts`, and a check reading it then reports it missing
 * (only the root route's files, "Cannot find module './$types'"). A real type
 * error fails both runs.
 */
async function typeCheck() {
	const check = () => run(bin('svelte-check'), ['--tsconfig', './tsconfig.json']);
	if ((await check()) === 0) return 0;
	console.log('check: once more, after the generated types settle');
	return check();
}

if (want('unit') && !want('integration')) {
	await part('unit', run(bin('vitest'), ['run', '--project', 'unit', ...filters]));
} else {
	const started = Date.now();
	// a stack each for vitest's integration tests, its mail tests and the e2e run:
	// none sees another's rows, jobs or mail
	const integration = want('unit') || want('integration');
	const [stack, mailStack, e2eStack] = await Promise.all([
		integration ? startThrowawayStack({ seed: true }) : null,
		want('integration') ? startThrowawayStack({ seed: true }) : null,
		want('e2e') ? startThrowawayStack({ seed: true }) : null
	]);
	const stacks = [stack, mailStack, e2eStack].filter((s) => s !== null);
	console.log(
		`Test stacks ready in ${Date.now() - started} ms at ${stacks.map((s) => s.env.SUPABASE_URL).join(', ')}`
	);
	// the e2e run's worker and mailbox, while they run
	let jobs: JobsBeside | null = null;
	onShutdown(async () => {
		await jobs?.stop();
		await Promise.all(stacks.map((s) => s.stop()));
	});
	const envOf = (s: (typeof stacks)[number]) => ({ ...s.env, TSUNAGU_TEST_STACK: '1' });
	try {
		// built with a stack's secrets in the environment, so that the bundle test can
		// prove none of them reaches client code (the app reads its configuration at run time)
		await part('build', run(bin('vite'), ['build', '--logLevel', 'warn'], envOf(stacks[0])));
		if (everything) checking = checks();
		if (everything && results.build === 0) {
			const out = await mkdtemp(path.join(os.tmpdir(), 'tsunagu-bench-smoke-'));
			benchSmoke = part(
				'bench',
				run(bin('tsx'), ['bench/run.ts', '--smoke', '--out', out]).finally(() =>
					rm(out, { recursive: true, force: true })
				)
			);
		}
		if (results.build === 0) {
			// the mail tests mostly wait (backoff, polls, delays): beside everything else
			const mailing = mailStack && vitest('vitest-mail', ['integration-mail'], envOf(mailStack));
			const projects = [want('unit') && 'unit', want('integration') && 'integration'];
			if (stack)
				await vitest(
					'vitest',
					projects.filter((p) => p !== false),
					envOf(stack)
				);
			// alone but for the mail tests: beside the other tests, e2e tests time out
			if (e2eStack) await e2e(envOf(e2eStack));
			await mailing;
		}
	} finally {
		// (the e2e run stops its worker and mailbox itself)
		await Promise.all(stacks.map((s) => s.stop()));
	}

	function vitest(name: string, projects: string[], env: NodeJS.ProcessEnv) {
		const args = projects.flatMap((p) => ['--project', p]);
		// a filter may name files of one of the two runs only
		if (filters.length) args.push('--passWithNoTests');
		return part(name, run(bin('vitest'), ['run', ...args, ...filters], env));
	}

	async function e2e(env: NodeJS.ProcessEnv & { DATABASE_URL: string }) {
		const port = String(await freePort());
		// the mailbox (/dev/mail in the e2e app) and a worker that mails with the
		// app's links; never a real SMTP server, whatever the shell says
		const dropped = await prepareTestQueue(env.DATABASE_URL);
		if (dropped) console.log(`e2e: ${dropped} jobs left by the seed dropped`);
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

await Promise.all([checking, benchSmoke]);

const failed = Object.entries(results).filter(([, code]) => code !== 0);
for (const [name, code] of Object.entries(results)) {
	console.log(`${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} (${seconds[name]} s)`);
}
console.log(`npm test: ${Math.round((Date.now() - begun) / 1000)} s`);
process.exit(failed.length ? 1 : 0);
