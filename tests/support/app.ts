// The production build (node build) in an integration test, as a city runs it:
// its own process on a free port with the environment given.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { freePort, waitFor } from '../../scripts/lib/ports';
import { UPLOAD_BODY_SIZE_LIMIT } from '../../scripts/lib/limits';
import { ROOT } from '../../scripts/lib/stack';

const ENTRY = path.join(ROOT, 'build/index.js');

/** Starts `node build` with `env` (ORIGIN defaults to its own address); `base` is where it listens. */
export async function startApp(env: Record<string, string>, port?: number) {
	expect(existsSync(ENTRY), 'build/ missing: npm test builds the app first').toBe(true);
	port ??= await freePort();
	const child = spawn(process.execPath, [ENTRY], {
		env: {
			...process.env,
			ORIGIN: `http://127.0.0.1:${port}`,
			BODY_SIZE_LIMIT: UPLOAD_BODY_SIZE_LIMIT,
			...env,
			PORT: String(port),
			HOST: '127.0.0.1'
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	const base = `http://127.0.0.1:${port}`;
	await waitFor(
		async () => {
			try {
				await fetch(`${base}/favicon.svg`);
				return true;
			} catch {
				return false;
			}
		},
		{ timeoutMs: 30_000, what: 'node build' }
	);
	return { base, child };
}

export const stopApp = (child: ChildProcess | undefined) =>
	new Promise<void>((resolve) => {
		if (!child || child.exitCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});
