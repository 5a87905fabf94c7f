// `npm run db:reset` beside a running stack must refuse before touching
// anything (it used to delete the live data directory first). Both run as the
// real commands, on a data directory of their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/ports';
import { ROOT } from '../../scripts/lib/stack';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function stackCommand(command: string, env: Record<string, string>) {
	return spawn(TSX, ['scripts/stack.ts', command], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
}

function finished(child: ChildProcess) {
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	return new Promise<{ code: number | null; output: string }>((resolve) =>
		child.on('close', (code) => resolve({ code, output }))
	);
}

describe('db:reset beside a running stack', () => {
	let dir: string;
	let ports: { TSUNAGU_DB_PORT: string; TSUNAGU_API_PORT: string };
	let running: ChildProcess;
	let databaseUrl = '';

	beforeAll(async () => {
		dir = await mkdtemp(path.join(os.tmpdir(), 'tsunagu-reset-'));
		ports = {
			TSUNAGU_DB_PORT: String(await freePort()),
			TSUNAGU_API_PORT: String(await freePort())
		};
		running = stackCommand('start', { TSUNAGU_LOCAL_DIR: dir, ...ports });
		let stdout = '';
		await new Promise<void>((resolve, reject) => {
			running.stdout!.on('data', (d) => (stdout += d));
			running.stderr!.on('data', (d) => String(d).includes('Local stack running') && resolve());
			running.on('exit', (code) => reject(new Error(`stack:start exited with ${code}`)));
		});
		databaseUrl = /^DATABASE_URL=(.+)$/m.exec(stdout)![1];
		const db = new pg.Client({ connectionString: databaseUrl });
		await db.connect();
		await db.query(
			`insert into public.areas (slug, name_ja, name_en) values ('reset-marker', '消えない地区', 'Kept')`
		);
		await db.end();
	}, 180_000);

	afterAll(async () => {
		if (running && running.exitCode === null) {
			const exited = new Promise((r) => running.once('exit', r));
			running.kill('SIGINT');
			await exited;
		}
		await rm(dir, { recursive: true, force: true });
	});

	const markerRows = async () => {
		const db = new pg.Client({ connectionString: databaseUrl });
		await db.connect();
		try {
			const { rows } = await db.query<{ name_ja: string }>(
				`select name_ja from public.areas where slug = 'reset-marker'`
			);
			return rows;
		} finally {
			await db.end();
		}
	};

	it.each([
		['on the same ports', () => ports],
		// another port does not help: the data directory itself is in use
		[
			'on other ports',
			async () => ({
				TSUNAGU_DB_PORT: String(await freePort()),
				TSUNAGU_API_PORT: String(await freePort())
			})
		]
	])(
		'refuses %s, says how to stop the stack, and leaves the data intact',
		async (_, resetPorts) => {
			const result = await finished(
				stackCommand('reset', { TSUNAGU_LOCAL_DIR: dir, ...(await resetPorts()) })
			);
			expect(result.code).toBe(1);
			expect(result.output).toContain('in use by a running stack');
			expect(result.output).toContain('Nothing was changed');
			expect(result.output).toContain('npm run dev');
			expect(result.output).not.toContain('wiped');
			expect(await markerRows()).toEqual([{ name_ja: '消えない地区' }]);
			expect(running.exitCode).toBeNull();
		},
		120_000
	);
});
