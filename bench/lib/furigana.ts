// ふりがな in the benchmark (issue 16): the seed turns the triggers off, so the
// texts the furigana pages show are read here, as the worker would (its own
// task, the analyser loaded once in this process): the popular event and the
// events the home page lists.
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { clientOptions } from '../../src/lib/server/db/client-options.ts';
import type { Database } from '../../src/lib/server/db/database.types.ts';
import { furiganaTask } from '../../src/lib/server/jobs/furigana.ts';
import type { BenchFixtures } from './seed.ts';

/** The cookie of a person who turned ふりがな on. */
export const FURIGANA_COOKIE = 'tsunagu_furigana=on';

export async function readBenchTexts(
	env: { DATABASE_URL: string; SUPABASE_URL: string; SUPABASE_SERVICE_ROLE_KEY: string },
	f: BenchFixtures
): Promise<number> {
	const sql = new pg.Client({ connectionString: env.DATABASE_URL });
	await sql.connect();
	let ids: string[];
	try {
		// the next dates' events, as many as the home page can show, and the popular one
		const { rows } = await sql.query<{ id: string }>(
			`select distinct e.id from public.events e
			 join public.event_occurrences o on o.event_id = e.id
			 where e.status = 'published' and o.starts_at > now()
			 and o.starts_at < now() + interval '14 days'
			 limit 40`
		);
		ids = [...new Set([f.popularEventId, ...rows.map((r) => r.id)])];
	} finally {
		await sql.end();
	}
	const db = createClient<Database>(
		env.SUPABASE_URL,
		env.SUPABASE_SERVICE_ROLE_KEY,
		clientOptions(30_000)
	);
	const read = furiganaTask({ db });
	for (const id of ids) await read({ subject: 'event', id });
	return ids.length;
}
