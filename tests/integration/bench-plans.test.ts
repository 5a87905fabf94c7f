// Cost grows with what is shown, not with what is stored (issue 13): at the benchmark's size M,
// no query behind the measured pages — nested statements inside functions included — scans
// events, their dates, registrations or posts sequentially. The pages are rendered once each by
// the production build while Postgres logs every plan (bench/lib/plans.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchPages } from '../../bench/lib/pages';
import { PLAN_LOGGING_FLAGS, PlanLog, seqScans } from '../../bench/lib/plans';
import { seedBench, type BenchFixtures } from '../../bench/lib/seed';
import { startAppServer, type AppServer } from '../../bench/lib/server';
import { sessionCookie } from '../../bench/lib/session';
import type { Stack } from '../../scripts/lib/stack';
import { startOwnStack, stopOwnStack } from '../support/own-stack';

const plans = new PlanLog();
let stack: Stack;
let server: AppServer;
let fixtures: BenchFixtures;

beforeAll(async () => {
	stack = await startOwnStack({ postgresFlags: PLAN_LOGGING_FLAGS, onPostgresLog: plans.onLog });
	fixtures = await seedBench(stack.env.DATABASE_URL, 'M');
	server = await startAppServer(stack.env);
}, 180_000);

afterAll(async () => {
	await server?.stop();
	await stopOwnStack(stack);
});

describe('the queries behind the benchmark pages at size M', () => {
	it('use indexes: no sequential scan of events, dates, registrations or posts', async () => {
		const cookie = await sessionCookie(stack.env.DATABASE_URL, fixtures.memberUserId);
		const statuses: Record<string, number> = {};
		const scans = await plans.during(stack, async () => {
			for (const page of benchPages(fixtures, cookie)) {
				const res = await fetch(`${server.base}${page.path}`, {
					headers: page.cookie ? { cookie: page.cookie } : {}
				});
				await res.arrayBuffer();
				statuses[page.name] = res.status;
			}
		});
		expect(
			Object.values(statuses).every((s) => s === 200),
			JSON.stringify(statuses)
		).toBe(true);
		expect(scans).toEqual([]);
	});

	it('count past a page: a city of this size reads 「200件以上」, not the page size', async () => {
		// count_practices once counted through search_practices, whose page is at most 100
		for (const path of ['/practices', '/events']) {
			const html = await (await fetch(`${server.base}${path}`)).text();
			expect(html, path).toMatch(/200件以上/);
		}
	});

	it('would see one: a filter on a column without an index, through PostgREST', async () => {
		const scans = await plans.during(stack, async () => {
			const res = await fetch(`${stack.env.SUPABASE_URL}/rest/v1/posts?select=id&body=eq.x`, {
				headers: { apikey: stack.env.SUPABASE_ANON_KEY }
			});
			expect(res.status).toBe(200);
		});
		expect(scans.map((s) => s.table)).toContain('posts');
	});
});

describe('reading auto_explain', () => {
	it('finds a watched table in a plan and ignores the others', () => {
		const log = [
			'2026-12-02 12:00:00.000 UTC [1] LOG:  duration: 0.1 ms  plan:',
			'\tQuery Text: select * from public.events',
			'\tSeq Scan on events  (cost=0.00..1.00 rows=1 width=4)',
			'2026-12-02 12:00:00.001 UTC [1] LOG:  duration: 0.1 ms  plan:',
			'\tQuery Text: select * from public.areas',
			'\tSeq Scan on areas  (cost=0.00..1.00 rows=1 width=4)',
			'\t->  Index Scan using posts_pkey on posts p  (cost=0.29..8.30 rows=1 width=4)'
		].join('\n');
		expect(seqScans(log)).toEqual([
			{
				table: 'events',
				query: 'select * from public.events Seq Scan on events (cost=0.00..1.00 rows=1 width=4)'
			}
		]);
	});
});
