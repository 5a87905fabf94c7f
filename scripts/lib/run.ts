import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './stack.ts';

export const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

/** Runs a command with inherited stdio; resolves with its exit code. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(cmd, args, {
			cwd: ROOT,
			stdio: 'inherit',
			env: { ...process.env, ...env }
		});
		child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

/** Stops children and the stack on Ctrl-C / SIGTERM, exactly once. */
export function onShutdown(cleanup: () => Promise<void>) {
	let done = false;
	const handler = (signal: NodeJS.Signals) => {
		if (done) return;
		done = true;
		void cleanup()
			.catch((e) => console.error(e))
			.finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
	};
	process.on('SIGINT', handler);
	process.on('SIGTERM', handler);
}

export function killAndWait(child: ChildProcess) {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	child.kill('SIGTERM');
	return exited;
}

/**
 * The server the script runs (vite dev, node build) is its reason to live:
 * Ctrl-C or SIGTERM stops it and then `stop` (the local stack, if any); when
 * it exits by itself, `stop` runs and the script exits with its code.
 */
export function superviseChild(child: ChildProcess, stop: () => Promise<void>) {
	let shuttingDown = false;
	onShutdown(async () => {
		shuttingDown = true;
		await killAndWait(child);
		await stop();
	});
	child.on('exit', (code) => {
		// on Ctrl-C the shutdown above stops everything and exits
		if (shuttingDown) return;
		void stop()
			.catch((e) => console.error(e))
			.finally(() => process.exit(code ?? 0));
	});
}
