// The benchmark's dataset (issue 13): bench/lib/seed.sql run at a scale, step by step in one
// transaction on one connection, then VACUUM ANALYZE: the planner sees the real sizes, and the
// tables are measured as a running city's are, vacuumed (their visibility maps set, so index-only
// scans need no heap), not with autovacuum's first pass over a bulk load running beside the
// measurements.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export type BenchSize = 'S' | 'M' | 'L';

export interface BenchFixtures {
	/** The busiest area (most events). */
	areaSlug: string;
	areaId: string;
	/** The busiest field of that area. */
	fieldSlug: string;
	fieldId: string;
	/** Upcoming, published, 500 registrations (full), 200 comments; in that area and field. */
	popularEventId: string;
	/** The popular event's organization (its page lists its upcoming events). */
	organizationSlug: string;
	/** A thread with 1,000 posts (20 pages of 50). */
	threadId: string;
	/** An ordinary confirmed member (no organization owned). */
	memberUserId: string;
	/** Rows per table after seeding (demo rows of supabase/seed.sql included). */
	counts: Record<string, number>;
}

export const BENCH_SCALES: Record<BenchSize, number> = { S: 0.01, M: 0.1, L: 1 };

/** Tables whose rows the seed writes, counted after it (and analysed). */
export const BENCH_TABLES = [
	'profiles',
	'credentials',
	'profile_areas',
	'organizations',
	'organization_areas',
	'organization_fields',
	'organization_members',
	'events',
	'event_fields',
	'event_occurrences',
	'registrations',
	'threads',
	'thread_fields',
	'thread_follows',
	'posts',
	'practices',
	'practice_areas',
	'practice_fields',
	'practice_figures'
] as const;

const SQL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seed.sql');

/** The `-- step: name` blocks of seed.sql, in order. */
export async function seedSteps(): Promise<{ name: string; sql: string }[]> {
	const text = await readFile(SQL_FILE, 'utf8');
	const steps: { name: string; sql: string }[] = [];
	for (const part of text.split(/^-- step: /m).slice(1)) {
		const nl = part.indexOf('\n');
		steps.push({ name: part.slice(0, nl).trim(), sql: part.slice(nl + 1) });
	}
	return steps;
}

// the same numbering as seed.sql's pg_temp.uid(kind, n)
const uid = (kind: number, n: number) =>
	`${kind.toString(16).padStart(8, '0')}-b3c0-4000-8000-${n.toString(16).padStart(12, '0')}`;

export async function seedBench(
	databaseUrl: string,
	size: BenchSize,
	log: (line: string) => void = () => {}
): Promise<BenchFixtures> {
	const scale = BENCH_SCALES[size];
	if (scale === undefined) throw new Error(`unknown bench size ${size}`);
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	const ms = (t: number) => `${Math.round(performance.now() - t)} ms`;
	try {
		const total = performance.now();
		await client.query('begin');
		await client.query(`select set_config('bench.scale', $1, true)`, [String(scale)]);
		try {
			for (const step of await seedSteps()) {
				const t = performance.now();
				await client.query(step.sql);
				log(`seed ${size}: ${step.name} ${ms(t)}`);
			}
			await client.query('commit');
		} catch (e) {
			await client.query('rollback').catch(() => {});
			throw e;
		}
		let t = performance.now();
		await client.query(
			`vacuum (analyze) ${[...BENCH_TABLES.map((name) => `public.${name}`), 'private.occurrence_fields'].join(', ')}`
		);
		log(`seed ${size}: vacuum and analyze ${ms(t)}`);

		t = performance.now();
		const counts: Record<string, number> = {};
		const { rows } = await client.query<{ name: string; n: string }>(
			BENCH_TABLES.map(
				(name) => `select '${name}' as name, count(*) as n from public.${name}`
			).join(' union all ')
		);
		for (const row of rows) counts[row.name] = Number(row.n);

		const members = Number(
			(
				await client.query<{ n: string }>(
					`select count(*) as n from public.profiles where id::text like '00000001-b3c0-%'`
				)
			).rows[0].n
		);
		// seed.sql leaves every 37th member (n % 37 = 5) unconfirmed
		const memberN = (members - 1) % 37 === 5 ? members - 2 : members - 1;
		const popularEventId = uid(3, 1);
		const { rows: place } = await client.query<{
			area_id: string;
			area_slug: string;
			field_id: string;
			field_slug: string;
			organization_slug: string;
		}>(
			`select a.id as area_id, a.slug as area_slug, f.id as field_id, f.slug as field_slug,
				o.slug as organization_slug
			from public.events e join public.areas a on a.id = e.area_id
			join public.organizations o on o.id = e.organization_id
			join public.event_fields ef on ef.event_id = e.id join public.fields f on f.id = ef.field_id
			where e.id = $1
			order by (select count(*) from public.event_fields x join public.events y on y.id = x.event_id
				where x.field_id = f.id and y.area_id = a.id) desc, f.sort_order
			limit 1`,
			[popularEventId]
		);
		if (!place[0]) throw new Error('the popular event was not seeded');
		log(`seed ${size}: counts ${ms(t)}; total ${ms(total)}`);
		return {
			areaSlug: place[0].area_slug,
			areaId: place[0].area_id,
			fieldSlug: place[0].field_slug,
			fieldId: place[0].field_id,
			popularEventId,
			organizationSlug: place[0].organization_slug,
			threadId: uid(6, 1),
			memberUserId: uid(1, memberN),
			counts
		};
	} finally {
		await client.end();
	}
}
