// npx tsx scripts/bench-save-event.ts [200 500 ...]: times save_event for a
// weekly series of N dates on a throw-away stack, through PostgREST as a
// signed-in organiser (the statement timeout of `authenticated` applies):
// first the create, then a re-save with every date an hour later, then a
// re-save without changes. Prints milliseconds; numbers vary with the machine.
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import type { Database } from '../src/lib/server/db/database.types.ts';
import { mintUserToken } from '../src/lib/server/db/jwt.ts';
import { buildRrule, expandRrule } from '../src/lib/events/recurrence.ts';
import { startThrowawayStack } from './lib/throwaway.ts';

const sizes = process.argv
	.slice(2)
	.map(Number)
	.filter((n) => n > 0);
const stack = await startThrowawayStack({ seed: false });
const options = {
	auth: { persistSession: false, autoRefreshToken: false },
	realtime: { transport: ws as never }
};
try {
	const service = createClient<Database>(
		stack.env.SUPABASE_URL,
		stack.env.SUPABASE_SERVICE_ROLE_KEY,
		options
	);
	const { data: userId, error: userError } = await service.rpc('create_account', {
		p_email: 'bench@test.example',
		p_display_name: '計測',
		p_password_hash: 'not-a-real-hash'
	});
	if (userError || !userId) throw new Error(userError?.message);
	const db = createClient<Database>(stack.env.SUPABASE_URL, stack.env.SUPABASE_ANON_KEY, {
		...options,
		accessToken: () => mintUserToken(userId, stack.env.SUPABASE_JWT_SECRET)
	});

	for (const n of sizes.length ? sizes : [200, 500]) {
		const start = new Date(Date.now() + 7 * 86400_000);
		start.setUTCHours(1, 0, 0, 0);
		const save = async (id: string | null, shiftMs: number) => {
			const startsAt = new Date(start.getTime() + shiftMs);
			const rrule = buildRrule({ repeat: 'weekly', startsAt, count: n });
			const occurrences = expandRrule(rrule, startsAt).map((s) => ({
				starts_at: s.toISOString(),
				ends_at: new Date(s.getTime() + 7200_000).toISOString()
			}));
			const began = performance.now();
			const { data, error } = await db.rpc('save_event', {
				p_id: id as string,
				p_event: {
					title: `計測 ${n}回`,
					kind: 'salon',
					summary: '',
					body: '',
					starts_at: startsAt.toISOString(),
					ends_at: new Date(startsAt.getTime() + 7200_000).toISOString(),
					all_day: false,
					rrule,
					venue_name: '集会所',
					capacity: 10,
					waitlist_enabled: true,
					status: 'published'
				},
				p_field_ids: [],
				p_cohost_ids: [],
				p_occurrences: occurrences
			});
			const ms = Math.round(performance.now() - began);
			return { id: data, ms, error: error?.message };
		};
		const created = await save(null, 0);
		console.log(`${n} dates: create ${created.ms} ms${created.error ? ` (${created.error})` : ''}`);
		if (!created.id) continue;
		const moved = await save(created.id, 3600_000);
		console.log(
			`${n} dates: re-save, an hour later ${moved.ms} ms${moved.error ? ` (${moved.error})` : ''}`
		);
		const same = await save(created.id, 3600_000);
		console.log(
			`${n} dates: re-save, unchanged ${same.ms} ms${same.error ? ` (${same.error})` : ''}`
		);
		const { count } = await service
			.from('event_occurrences')
			.select('*', { count: 'exact', head: true })
			.eq('event_id', created.id);
		console.log(`${n} dates: ${count} occurrences stored`);
	}
} finally {
	await stack.stop();
}
