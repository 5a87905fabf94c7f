// The local gateway behaves like Supabase's: apikey required, safeupdate emulated.
import { describe, expect, it } from 'vitest';
import { createTestUser, serviceClient, testEnv } from '../support/db';

describe('API gateway', () => {
	it('refuses requests without a valid apikey', async () => {
		const { url } = testEnv();
		const none = await fetch(`${url}/rest/v1/profiles`);
		expect(none.status).toBe(401);
		const wrong = await fetch(`${url}/rest/v1/profiles`, { headers: { apikey: 'nope' } });
		expect(wrong.status).toBe(401);
	});

	it('refuses an unfiltered DELETE or PATCH, as hosted Supabase does', async () => {
		const user = await createTestUser('消されない人');
		const db = serviceClient();
		// supabase-js would send these without any filter
		const del = await db.from('profiles').delete().select('id');
		expect(del.error?.code).toBe('21000');
		expect(del.error?.message).toBe('DELETE requires a WHERE clause');
		const patch = await db.from('profiles').update({ display_name: '全員' });
		expect(patch.error?.code).toBe('21000');
		const { data } = await db.from('profiles').select('display_name').eq('id', user.id).single();
		expect(data?.display_name).toBe('消されない人');
		// a filtered one goes through
		const ok = await db.from('profiles').update({ display_name: '変更済み' }).eq('id', user.id);
		expect(ok.error).toBeNull();
	});
});
