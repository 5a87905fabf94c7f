// Migrations are applied by the Supabase CLI itself, as on a hosted project.
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runSupabaseCli } from '../../scripts/lib/stack';
import { testEnv } from '../support/db';

const dbUrl = () => `${testEnv().databaseUrl}?sslmode=disable`;
let db: pg.Client;

beforeAll(async () => {
	db = new pg.Client({ connectionString: testEnv().databaseUrl });
	await db.connect();
});
afterAll(() => db.end());

describe('migrations', () => {
	it('every file in supabase/migrations is recorded, and a re-run applies nothing', async () => {
		const files = (await readdir(path.join(ROOT, 'supabase/migrations'))).filter((f) =>
			f.endsWith('.sql')
		);
		const { rows } = await db.query<{ version: string; name: string }>(
			'select version, name from supabase_migrations.schema_migrations order by version'
		);
		expect(rows.map((r) => `${r.version}_${r.name}.sql`)).toEqual(files.sort());
		const again = await runSupabaseCli(['db', 'push', '--db-url', dbUrl(), '--yes']);
		expect(again.code).toBe(0);
		expect(again.stdout + again.stderr).toMatch(/up to date/i);
	});

	it('a failing migration stops with its file name and the Postgres error, and changes nothing', async () => {
		const workdir = await mkdtemp(path.join(os.tmpdir(), 'tsunagu-migrate-'));
		try {
			await cp(path.join(ROOT, 'supabase'), path.join(workdir, 'supabase'), { recursive: true });
			await writeFile(
				path.join(workdir, 'supabase/migrations/29991231000000_broken.sql'),
				'create table public.half_written (id int);\nselect * from public.no_such_table;\n'
			);
			const result = await runSupabaseCli(['db', 'push', '--db-url', dbUrl(), '--yes'], {
				workdir
			});
			expect(result.code).not.toBe(0);
			const output = result.stdout + result.stderr;
			expect(output).toContain('29991231000000_broken.sql');
			expect(output).toContain('relation "public.no_such_table" does not exist');
			const table = await db.query<{ t: string | null }>(
				`select to_regclass('public.half_written') as t`
			);
			expect(table.rows[0].t).toBeNull();
			const recorded = await db.query(
				`select 1 from supabase_migrations.schema_migrations where version = '29991231000000'`
			);
			expect(recorded.rowCount).toBe(0);
		} finally {
			await rm(workdir, { recursive: true, force: true });
		}
	});
});

describe('supabase db advisors', () => {
	it('finds no error-level problem', async () => {
		const result = await runSupabaseCli([
			'db',
			'advisors',
			'--db-url',
			dbUrl(),
			'--level',
			'error',
			'--fail-on',
			'error'
		]);
		const output = result.stdout.trim();
		const findings = (output.startsWith('[') ? JSON.parse(output) : []) as {
			name: string;
			level: string;
			detail: string;
		}[];
		expect(findings.map((f) => `${f.level} ${f.name}: ${f.detail}`)).toEqual([]);
		expect(result.code, result.stdout + result.stderr).toBe(0);
	});
});
