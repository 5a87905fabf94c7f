// RLS and privileges on every table of the accounts migration, proven through
// PostgREST with the anon key and with real user tokens.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';

const hash = () => randomBytes(32).toString('hex');
let alice: { id: string; email: string };
let bob: { id: string; email: string };

beforeAll(async () => {
	alice = await createTestUser('アリス');
	bob = await createTestUser('ボブ');
	const { error } = await serviceClient()
		.from('sessions')
		.insert({
			id: hash(),
			user_id: bob.id,
			expires_at: new Date(Date.now() + 86400_000).toISOString(),
			absolute_expires_at: new Date(Date.now() + 86400_000).toISOString()
		});
	expect(error).toBeNull();
});

describe('profiles', () => {
	it('anon cannot read an unlisted profile', async () => {
		const { data, error } = await anonClient()
			.from('profiles')
			.select('id')
			.in('id', [alice.id, bob.id]);
		expect(error).toBeNull();
		expect(data).toEqual([]);
	});

	it('a member reads their own unlisted profile and not another unlisted one', async () => {
		const { data, error } = await userClient(alice.id)
			.from('profiles')
			.select('id, display_name')
			.in('id', [alice.id, bob.id]);
		expect(error).toBeNull();
		expect(data).toEqual([{ id: alice.id, display_name: 'アリス' }]);
	});

	it('a member cannot rename another member', async () => {
		const { data, error } = await userClient(alice.id)
			.from('profiles')
			.update({ display_name: '乗っ取り' })
			.eq('id', bob.id)
			.select();
		expect(error).toBeNull();
		expect(data).toEqual([]);
		const { data: still } = await serviceClient()
			.from('profiles')
			.select('display_name')
			.eq('id', bob.id)
			.single();
		expect(still?.display_name).toBe('ボブ');
	});

	it('a member can rename themself but cannot change their own role', async () => {
		const db = userClient(alice.id);
		const renamed = await db
			.from('profiles')
			.update({ display_name: 'アリス2' })
			.eq('id', alice.id)
			.select('display_name');
		expect(renamed.error).toBeNull();
		expect(renamed.data).toEqual([{ display_name: 'アリス2' }]);
		const promoted = await db.from('profiles').update({ role: 'admin' }).eq('id', alice.id);
		expect(promoted.error?.code).toBe('42501');
		const { data } = await serviceClient()
			.from('profiles')
			.select('role')
			.eq('id', alice.id)
			.single();
		expect(data?.role).toBe('member');
	});

	it('nobody but the service role creates or deletes profiles', async () => {
		const ins = await userClient(alice.id).from('profiles').insert({ display_name: 'x' });
		expect(ins.error?.code).toBe('42501');
		const del = await userClient(alice.id).from('profiles').delete().eq('id', alice.id);
		expect(del.error?.code).toBe('42501');
		const anonIns = await anonClient().from('profiles').insert({ display_name: 'x' });
		expect(anonIns.error?.code).toBe('42501');
	});
});

// Each table with a filter column and a plausible row, so that only the
// missing privilege can be what refuses the request.
const privateTables = () =>
	[
		[
			'credentials',
			'user_id',
			bob.id,
			{ user_id: bob.id, email: 'x@test.example', password_hash: 'x' }
		],
		[
			'sessions',
			'user_id',
			bob.id,
			{ id: hash(), user_id: bob.id, expires_at: 'now()', absolute_expires_at: 'now()' }
		],
		[
			'login_attempts',
			'email',
			bob.email,
			{ kind: 'login', email: bob.email, ip: '203.0.113.9', succeeded: true }
		]
	] as const;

describe('credentials, sessions and login_attempts', () => {
	it.each(['anon', 'member'] as const)(
		'%s cannot read, write, change or delete them',
		async (who) => {
			const db = who === 'anon' ? anonClient() : userClient(bob.id);
			for (const [table, col, value, row] of privateTables()) {
				const column = col as never;
				const read = await db.from(table).select('*').eq(column, value);
				expect(read.error?.code, `${who} select ${table}`).toBe('42501');
				const write = await db.from(table).insert(row as never);
				expect(write.error?.code, `${who} insert ${table}`).toBe('42501');
				const change = await db
					.from(table)
					.update({ [column]: value } as never)
					.eq(column, value);
				expect(change.error?.code, `${who} update ${table}`).toBe('42501');
				const remove = await db.from(table).delete().eq(column, value);
				expect(remove.error?.code, `${who} delete ${table}`).toBe('42501');
			}
			// and the rows are all still there
			const { count } = await serviceClient()
				.from('sessions')
				.select('*', { count: 'exact', head: true })
				.eq('user_id', bob.id);
			expect(count).toBe(1);
		}
	);
});

describe('service functions', () => {
	const calls = [
		['create_account', { p_email: 'x@test.example', p_display_name: 'x', p_password_hash: 'x' }],
		['validate_session', { p_id: 'a'.repeat(64) }],
		['login_throttle', { p_kind: 'login', p_email: 'x', p_ip: 'x', p_per_ip: true }],
		['record_login_attempt', { p_kind: 'login', p_email: 'x', p_ip: 'x', p_succeeded: true }]
	] as const;

	it.each(calls)('%s cannot be called by anon or a member', async (fn, args) => {
		for (const db of [anonClient(), userClient(alice.id)]) {
			const { error } = await db.rpc(fn as never, args as never);
			expect(error?.code).toBe('42501');
		}
	});

	it('the service role still can (the server’s own use)', async () => {
		const { error } = await serviceClient().rpc('validate_session', { p_id: 'b'.repeat(64) });
		expect(error).toBeNull();
	});
});
