// The benchmark's dataset (bench/lib/seed.ts, issue 13) at size S on a stack of its own:
// the rows it writes pass the schema, the counters agree with the rows, the shape is the one
// the benchmark measures, and the app's own reads as anon find it.
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOptions } from '$lib/server/db/client-options';
import type { Database } from '$lib/server/db/database.types';
import { findEvent, listEventOccurrences, searchEventSeries } from '$lib/server/db/events';
import { readItemComments } from '$lib/server/db/threads';
import { noPosts, pagePosts } from '../support/threads';
import { listPractices } from '$lib/server/db/practices';
import { seedBench, type BenchFixtures } from '../../bench/lib/seed';
import type { Stack } from '../../scripts/lib/stack';
import { startOwnStack, stopOwnStack } from '../support/own-stack';

let stack: Stack;
let fx: BenchFixtures;
let sql: pg.Client;
const steps: string[] = [];
const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
	(await sql.query<T>(text, values)).rows[0];

beforeAll(async () => {
	stack = await startOwnStack();
	fx = await seedBench(stack.env.DATABASE_URL, 'S', (line) => steps.push(line));
	sql = new pg.Client({ connectionString: stack.env.DATABASE_URL });
	await sql.connect();
}, 120_000);

afterAll(async () => {
	await sql?.end();
	await stopOwnStack(stack);
});

const anon = () =>
	createClient<Database>(
		stack.env.SUPABASE_URL,
		stack.env.SUPABASE_ANON_KEY,
		clientOptions(30_000)
	);

describe('bench seed at size S', () => {
	it('logs every step and the total', () => {
		expect(steps.some((s) => s.startsWith('seed S: events '))).toBe(true);
		expect(steps.at(-1)).toMatch(/total \d+ ms/);
	});

	it('writes one hundredth of L (plus the demo rows of supabase/seed.sql)', () => {
		const c = fx.counts;
		// exact: the seed numbers these rows itself (demo rows: 3 people, 4 organizations, 2 events)
		expect(c.profiles).toBe(500 + 3);
		expect(c.credentials).toBe(500 + 3);
		expect(c.organizations).toBe(20 + 4);
		expect(c.events).toBe(1000 + 2);
		expect(c.registrations).toBe(5000);
		expect(c.threads).toBe(200);
		expect(c.posts).toBe(2000);
		expect(c.practices).toBe(50);
		// derived from those: within a range
		expect(c.event_occurrences).toBeGreaterThan(1800); // 900 single dates + 100 series of 3–30
		expect(c.event_occurrences).toBeLessThan(3200);
		expect(c.event_fields).toBeGreaterThanOrEqual(1000);
		expect(c.organization_members).toBeGreaterThan(20 * 3);
		expect(c.thread_follows).toBeGreaterThanOrEqual(200);
	});

	it('spreads events over ten years, 20% ± 5% upcoming and 10% recurring with their dates', async () => {
		const r = await one<{ future: number; recurring: number; bad_series: number; lonely: number }>(
			`select avg((starts_at > now())::integer)::float as future,
				avg((rrule is not null)::integer)::float as recurring,
				count(*) filter (where rrule is not null and (select count(*) from event_occurrences o
					where o.event_id = e.id) < 3)::integer as bad_series,
				count(*) filter (where not exists (select 1 from event_occurrences o where o.event_id = e.id))::integer as lonely
			from events e where id::text like '00000003-%'`
		);
		expect(r.future).toBeGreaterThan(0.15);
		expect(r.future).toBeLessThan(0.25);
		expect(r.recurring).toBeCloseTo(0.1, 2);
		expect(r.bad_series).toBe(0);
		expect(r.lonely).toBe(0);
		const span = await one<{ years: number }>(
			`select (extract(epoch from max(starts_at) - min(starts_at)) / 86400 / 365.25)::float as years
			from events where id::text like '00000003-%' and id <> $1`,
			[fx.popularEventId]
		);
		expect(span.years).toBeGreaterThan(9);
	});

	it("gives every date its event's area, as the trigger it turns off would", async () => {
		const r = await one<{ wrong: number; with_area: number }>(
			`select count(*) filter (where o.area_id is distinct from e.area_id)::integer as wrong,
				count(*) filter (where o.area_id is not null)::integer as with_area
			from event_occurrences o join events e on e.id = o.event_id`
		);
		expect(r.wrong).toBe(0);
		expect(r.with_area).toBeGreaterThan(1000);
	});

	it('keeps capacity counters equal to the registrations, with full dates and waiting lists', async () => {
		const r = await one<{
			wrong: number;
			over: number;
			skipped: number;
			full: number;
			waiting: number;
		}>(
			`select
				count(*) filter (where o.going_count <> coalesce(a.going, 0) or o.waiting_count <> coalesce(a.waiting, 0))::integer as wrong,
				count(*) filter (where o.going_count > e.capacity)::integer as over,
				-- somebody waits although the first in line would fit
				count(*) filter (where o.waiting_count > 0 and (e.capacity is null
					or o.going_count + 1 + a.first_companions <= e.capacity))::integer as skipped,
				count(*) filter (where o.going_count >= e.capacity)::integer as full,
				count(*) filter (where o.waiting_count > 0)::integer as waiting
			from event_occurrences o join events e on e.id = o.event_id
			left join (
				select r.occurrence_id,
					sum(case when r.status = 'going' then 1 + r.companions else 0 end) as going,
					count(*) filter (where r.status = 'waitlisted') as waiting,
					(array_agg(r.companions order by r.queued_at, r.id) filter (where r.status = 'waitlisted'))[1] as first_companions
				from registrations r group by r.occurrence_id
			) a on a.occurrence_id = o.id`
		);
		expect(r).toMatchObject({ wrong: 0, over: 0, skipped: 0 });
		expect(r.full).toBeGreaterThan(0);
		expect(r.waiting).toBeGreaterThan(0);
		const statuses = await one<{ cancelled: number; guests: number }>(
			`select count(*) filter (where status = 'cancelled')::integer as cancelled,
				count(*) filter (where user_id is null)::integer as guests from registrations`
		);
		expect(statuses.cancelled).toBeGreaterThan(0);
		expect(statuses.guests).toBeGreaterThan(0);
	});

	it('queues no mail and writes no notifications', async () => {
		// (the demo seed's texts queue their ふりがな: jobs, but no mail)
		const r = await one<{ jobs: number; notices: number }>(
			`select (select count(*) from graphile_worker._private_jobs j
					join graphile_worker._private_tasks t on t.id = j.task_id
					where t.identifier not in ('furigana', 'furigana_word'))::integer as jobs,
				(select count(*) from notifications)::integer as notices`
		);
		expect(r).toEqual({ jobs: 0, notices: 0 });
	});

	it('gives the popular event 500 registrations as the app counts them, and 200 comments anon sees', async () => {
		const db = anon();
		const event = await findEvent(db, fx.popularEventId);
		expect(event?.status).toBe('published');
		expect(event?.areaId).toBe(fx.areaId);
		const [occurrence, ...more] = await listEventOccurrences(db, fx.popularEventId);
		expect(more).toHaveLength(0);
		expect(new Date(occurrence.startsAt).getTime()).toBeGreaterThan(Date.now());
		expect(occurrence.goingCount).toBe(500);
		const regs = await one<{ n: number }>(
			`select count(*)::integer as n from registrations r join event_occurrences o on o.id = r.occurrence_id
			where o.event_id = $1 and r.status = 'going'`,
			[fx.popularEventId]
		);
		expect(regs.n).toBe(500);
		const threadId = (await readItemComments(db, { eventId: fx.popularEventId }, noPosts))?.thread
			.id;
		expect(threadId).toBeTruthy();
		const slots = [...(await pagePosts(db, threadId!, 1)), ...(await pagePosts(db, threadId!, 4))];
		expect(slots).toHaveLength(100);
		expect(slots.at(-1)?.position).toBe(200);
		expect(slots.filter((s) => s.state === 'visible').length).toBeGreaterThan(95);
	});

	it('makes a thread of 1,000 posts with its counters and search text', async () => {
		const t = await one<{
			post_count: number;
			reply_count: number;
			posts: number;
			last_ok: boolean;
			search_ok: boolean;
		}>(
			`select t.post_count, t.reply_count, (select count(*)::integer from posts p where p.thread_id = t.id) as posts,
				t.last_posted_at = (select max(created_at) from posts p where p.thread_id = t.id) and t.last_posted_at <= now() as last_ok,
				t.search_text = private.search_normalize(t.title || ' ' || (select body from posts p
					where p.thread_id = t.id and p.position = 1)) as search_ok
			from threads t where t.id = $1`,
			[fx.threadId]
		);
		expect(t).toEqual({
			post_count: 1000,
			reply_count: 999,
			posts: 1000,
			last_ok: true,
			search_ok: true
		});
		const last = await pagePosts(anon(), fx.threadId, 20);
		expect(last).toHaveLength(50);
		expect(last.at(-1)?.position).toBe(1000);
		const wrong = await one<{ n: number }>(
			`select count(*)::integer as n from threads t
			where t.post_count <> (select count(*) from posts p where p.thread_id = t.id)
				or t.post_count <> (select max(position) from posts p where p.thread_id = t.id)`
		);
		expect(wrong.n).toBe(0);
	});

	it('finds some but not all practices with 食堂, through the /practices read as anon', async () => {
		const db = anon();
		const all = await listPractices(db, {});
		const shokudo = await listPractices(db, { q: '食堂' });
		expect(all.total).toBeGreaterThan(30);
		expect(shokudo.total).toBeGreaterThan(0);
		expect(shokudo.total).toBeLessThan(all.total / 2);
		expect(shokudo.practices[0].title).toMatch(/食堂/);
	});

	it('lists upcoming events of the busiest area and field through the /events read as anon', async () => {
		const { cards, total } = await searchEventSeries(
			anon(),
			{ from: new Date(), areaId: fx.areaId, fieldId: fx.fieldId },
			{ offset: 0, limit: 20 }
		);
		expect(total).toBeGreaterThan(5);
		expect(cards.length).toBeGreaterThan(5);
		expect(cards.map((c) => c.event.id)).toContain(fx.popularEventId);
	});

	it('names an ordinary confirmed member', async () => {
		const r = await one<{ role: string; verified: boolean; owns: number }>(
			`select p.role, c.email_verified_at is not null as verified,
				(select count(*)::integer from organization_members m where m.user_id = p.id and m.role = 'owner') as owns
			from profiles p join credentials c on c.user_id = p.id where p.id = $1`,
			[fx.memberUserId]
		);
		expect(r).toEqual({ role: 'member', verified: true, owns: 0 });
	});
});
