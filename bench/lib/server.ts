// The production build (`node build`) as a city runs it, on a free port, against a stack.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort, waitFor } from '../../scripts/lib/ports.ts';
import { UPLOAD_BODY_SIZE_LIMIT } from '../../scripts/lib/limits.ts';
import { killAndWait } from '../../scripts/lib/run.ts';
import { ROOT, type StackEnv } from '../../scripts/lib/stack.ts';

export interface AppServer {
	base: string;
	child: ChildProcess;
	/** the process's peak resident memory so far, in bytes (Linux: VmHWM) */
	peakRss(): Promise<number | null>;
	stop(): Promise<void>;
}

export async function startAppServer(env: StackEnv): Promise<AppServer> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	let output = '';
	const child = spawn(process.execPath, [path.join(ROOT, 'build/index.js')], {
		env: {
			...process.env,
			...env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			BODY_SIZE_LIMIT: UPLOAD_BODY_SIZE_LIMIT,
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	child.stderr?.on('data', (d) => (output = (output + String(d)).slice(-4000)));
	await waitFor(
		async () => {
			if (child.exitCode !== null) throw new Error(`node build exited:\n${output}`);
			return fetch(`${base}/favicon.svg`).then(
				() => true,
				() => false
			);
		},
		{ timeoutMs: 30_000, what: 'node build' }
	);
	return {
		base,
		child,
		async peakRss() {
			const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
			const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
			return kb ? Number(kb) * 1024 : null;
		},
		stop: () => killAndWait(child)
	};
}
