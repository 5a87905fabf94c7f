// The server's fetch for supabase-js (db/fetch.ts): PostgREST calls through
// undici's request() give supabase-js what the global fetch gives it — data,
// counts, errors with their codes, bodiless answers, an abort — and other
// calls (a Request, a binary body, storage) keep the global fetch.
import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/database.types';
import { clientOptions } from '$lib/server/db/client-options';
import { serverFetch } from '$lib/server/db/fetch';
import { createTestUser, testEnv } from '../support/db';

const withFetch = (f: typeof fetch) => {
	const env = testEnv();
	const options = clientOptions(30_000);
	return createClient<Database>(env.url, env.serviceRoleKey, {
		...options,
		global: { fetch: f }
	});
};

describe('the server fetch', () => {
	it('is the one supabase-js clients are made with', () => {
		expect(clientOptions(1000).global.fetch).toBe(serverFetch);
	});

	it('answers reads, counts, writes, refusals and bodiless answers as the global fetch does', async () => {
		const user = await createTestUser('取得 確認');
		const results = [];
		for (const f of [serverFetch, fetch]) {
			const db = withFetch(f);
			const read = await db
				.from('profiles')
				.select('id, display_name', { count: 'exact' })
				.eq('id', user.id);
			const single = await db.from('profiles').select('display_name').eq('id', user.id).single();
			const none = await db.from('profiles').select('id').eq('id', crypto.randomUUID()).single();
			const write = await db
				.from('profiles')
				.update({ display_name: '取得 確認' })
				.eq('id', user.id);
			const refused = await db.from('profiles').delete().select('id');
			const rpc = await db.rpc('public_events_version');
			results.push({
				read: { data: read.data, count: read.count, status: read.status },
				single: single.data,
				none: { code: none.error?.code, status: none.status },
				write: { error: write.error, status: write.status, statusText: write.statusText },
				refused: { code: refused.error?.code, message: refused.error?.message },
				rpc: { type: typeof rpc.data, error: rpc.error }
			});
		}
		expect(results[0]).toEqual(results[1]);
		expect(results[0].read).toEqual({
			data: [{ id: user.id, display_name: '取得 確認' }],
			count: 1,
			status: 200
		});
		expect(results[0].none.code).toBe('PGRST116');
		expect(results[0].write).toEqual({ error: null, status: 204, statusText: 'No Content' });
		expect(results[0].refused.code).toBe('21000');
		expect(results[0].rpc.error).toBeNull();
	});

	it('is aborted by its signal, and supabase-js reports it without a code', async () => {
		const db = withFetch(serverFetch);
		const { data, error } = await db
			.from('profiles')
			.select('id')
			.limit(1)
			.abortSignal(AbortSignal.abort());
		expect(data).toBeNull();
		expect(error?.code).toBe('');
	});

	it('sends what is not a PostgREST call with a text body through the global fetch', async () => {
		const { url } = testEnv();
		// the gateway's refusal of a missing apikey, whichever way the call is made
		const plain = await serverFetch(`${url}/rest/v1/profiles`);
		expect(plain.status).toBe(401);
		const request = await serverFetch(new Request(`${url}/rest/v1/profiles`));
		expect(request.status).toBe(401);
		const binary = await serverFetch(`${url}/rest/v1/profiles`, {
			method: 'POST',
			body: new Blob(['{}'], { type: 'application/json' })
		});
		expect(binary.status).toBe(401);
	});
});
