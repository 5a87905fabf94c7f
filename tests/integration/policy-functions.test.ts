// The functions that row-level security calls run on every read of a page, often in a dozen
// statements of it: none is a SQL function with a `set` clause, which PostgreSQL never inlines
// and plans again in every statement that calls it (migration
// 20261224000000_policy_helpers_in_plpgsql; docs/ARCHITECTURE.md, "PL/pgSQL, not SQL").
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../support/db';

let db: pg.Client;

beforeAll(async () => {
	db = new pg.Client({ connectionString: testEnv().databaseUrl });
	await db.connect();
});
afterAll(() => db.end());

/** the helpers the page functions call for visibility and names, beside the policies' */
const PAGE_HELPERS = ['private.thread_visible', 'private.practice_visible', 'private.author_names'];

describe('functions behind row-level security', () => {
	it('are PL/pgSQL (or SQL that PostgreSQL can inline), never SQL with a set clause', async () => {
		const { rows: policies } = await db.query<{ text: string }>(
			`select coalesce(qual, '') || ' ' || coalesce(with_check, '') as text from pg_policies
			where schemaname = 'public'`
		);
		const called = new Set(PAGE_HELPERS);
		for (const { text } of policies)
			for (const [name] of text.matchAll(/\b(?:private|public)\.[a-z_]+(?=\()/g)) called.add(name);
		// the policies do call helpers (the test reads them, not nothing)
		expect(called).toContain('private.is_coordinator');
		expect(called).toContain('private.can_manage_event');
		const { rows } = await db.query<{ name: string; language: string; config: string[] | null }>(
			`select n.nspname || '.' || p.proname as name, l.lanname as language, p.proconfig as config
			from pg_proc p join pg_namespace n on n.oid = p.pronamespace
				join pg_language l on l.oid = p.prolang
			where n.nspname || '.' || p.proname = any ($1)`,
			[[...called]]
		);
		expect(rows.length).toBeGreaterThanOrEqual(called.size);
		const planned = rows.filter((r) => r.language === 'sql' && r.config !== null);
		expect(planned.map((r) => r.name)).toEqual([]);
	});
});
