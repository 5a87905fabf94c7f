// Who sees and changes people's profiles, their areas and fields: RLS proven
// through PostgREST with the anon key and with real user tokens.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';

type Person = { id: string; email: string };
let listed: Person; // public profile
let hidden: Person; // unlisted, in an organization with `colleague`
let colleague: Person; // unlisted, member of the same organization
let stranger: Person; // unlisted, no organization
let coordinator: Person;
let areaIds: string[];

const svc = () => serviceClient();

async function setProfile(id: string, values: { bio?: string; listed?: boolean }) {
	const { error } = await svc().from('profiles').update(values).eq('id', id);
	expect(error).toBeNull();
}

async function profileOf(id: string) {
	const { data, error } = await svc().from('profiles').select('bio, listed').eq('id', id).single();
	expect(error).toBeNull();
	return data;
}

beforeAll(async () => {
	[listed, hidden, colleague, stranger, coordinator] = await Promise.all([
		createTestUser('公開 さん'),
		createTestUser('非公開 さん'),
		createTestUser('同僚 さん'),
		createTestUser('他人 さん'),
		createTestUser('コーディネーター さん')
	]);
	await setProfile(listed.id, { bio: '公開しています。', listed: true });
	await setProfile(hidden.id, { bio: '内緒の自己紹介', listed: false });
	const role = await svc()
		.from('profiles')
		.update({ role: 'coordinator' })
		.eq('id', coordinator.id);
	expect(role.error).toBeNull();

	// an organization created by `hidden` (a trigger makes them owner), with `colleague` as member
	const slug = `rls-test-${randomUUID().slice(0, 8)}`;
	const org = await svc()
		.from('organizations')
		.insert({ slug, name: 'RLSテストの会', kind: 'resident_group', created_by: hidden.id })
		.select('id')
		.single();
	expect(org.error).toBeNull();
	const member = await svc()
		.from('organization_members')
		.insert({ organization_id: org.data!.id, user_id: colleague.id, role: 'member' });
	expect(member.error).toBeNull();
	const owners = await svc()
		.from('organization_members')
		.select('user_id, role')
		.eq('organization_id', org.data!.id)
		.eq('role', 'owner');
	expect(owners.data).toEqual([{ user_id: hidden.id, role: 'owner' }]);

	const areas = await svc().from('areas').select('id').order('sort_order').limit(3);
	expect(areas.error).toBeNull();
	areaIds = areas.data!.map((a) => a.id);
	expect(areaIds).toHaveLength(3);
	const links = await svc()
		.from('profile_areas')
		.insert([
			{ profile_id: listed.id, area_id: areaIds[0] },
			{ profile_id: hidden.id, area_id: areaIds[1] }
		]);
	expect(links.error).toBeNull();
});

describe('reading profiles', () => {
	it('anon sees a listed profile but not an unlisted one', async () => {
		const { data, error } = await anonClient()
			.from('profiles')
			.select('id, display_name, bio')
			.in('id', [listed.id, hidden.id, stranger.id]);
		expect(error).toBeNull();
		expect(data).toEqual([{ id: listed.id, display_name: '公開 さん', bio: '公開しています。' }]);
	});

	it('a member sees their own unlisted profile', async () => {
		const { data, error } = await userClient(hidden.id)
			.from('profiles')
			.select('id, bio')
			.eq('id', hidden.id)
			.maybeSingle();
		expect(error).toBeNull();
		expect(data).toEqual({ id: hidden.id, bio: '内緒の自己紹介' });
	});

	it('another member does not see an unlisted profile, but does see a listed one', async () => {
		const { data, error } = await userClient(stranger.id)
			.from('profiles')
			.select('id')
			.in('id', [listed.id, hidden.id, colleague.id]);
		expect(error).toBeNull();
		expect(data).toEqual([{ id: listed.id }]);
	});

	it('a coordinator sees unlisted profiles', async () => {
		const { data, error } = await userClient(coordinator.id)
			.from('profiles')
			.select('id')
			.in('id', [hidden.id, stranger.id])
			.order('id');
		expect(error).toBeNull();
		expect(data?.map((p) => p.id).sort()).toEqual([hidden.id, stranger.id].sort());
	});

	it('two members of one organization see each other', async () => {
		const byColleague = await userClient(colleague.id)
			.from('profiles')
			.select('id, bio')
			.eq('id', hidden.id);
		expect(byColleague.error).toBeNull();
		expect(byColleague.data).toEqual([{ id: hidden.id, bio: '内緒の自己紹介' }]);
		const byOwner = await userClient(hidden.id)
			.from('profiles')
			.select('id')
			.eq('id', colleague.id);
		expect(byOwner.error).toBeNull();
		expect(byOwner.data).toEqual([{ id: colleague.id }]);
		// ... and nobody else in that organization's name
		const byStranger = await userClient(stranger.id)
			.from('profiles')
			.select('id')
			.eq('id', colleague.id);
		expect(byStranger.data).toEqual([]);
	});
});

describe('changing profiles', () => {
	it.each([
		['another member', () => stranger],
		['a co-member', () => colleague],
		['a coordinator', () => coordinator]
	] as const)('%s cannot change someone’s bio or listed (0 rows, unchanged)', async (_, who) => {
		const { data, error } = await userClient(who().id)
			.from('profiles')
			.update({ bio: '乗っ取り', listed: true })
			.eq('id', hidden.id)
			.select('id');
		expect(error).toBeNull();
		expect(data).toEqual([]);
		expect(await profileOf(hidden.id)).toEqual({ bio: '内緒の自己紹介', listed: false });
	});

	it('anon cannot change a listed profile', async () => {
		const { error } = await anonClient()
			.from('profiles')
			.update({ bio: '乗っ取り' })
			.eq('id', listed.id);
		expect(error?.code).toBe('42501');
		expect(await profileOf(listed.id)).toEqual({ bio: '公開しています。', listed: true });
	});

	it('a member changes their own bio and listed, and the database refuses 401 characters', async () => {
		const db = userClient(stranger.id);
		const ok = await db
			.from('profiles')
			.update({ bio: 'よろしく', listed: true })
			.eq('id', stranger.id)
			.select('bio, listed');
		expect(ok.error).toBeNull();
		expect(ok.data).toEqual([{ bio: 'よろしく', listed: true }]);
		const tooLong = await db
			.from('profiles')
			.update({ bio: 'あ'.repeat(401) })
			.eq('id', stranger.id);
		expect(tooLong.error?.code).toBe('23514');
		expect(await profileOf(stranger.id)).toEqual({ bio: 'よろしく', listed: true });
		await setProfile(stranger.id, { bio: '', listed: false });
	});
});

describe('profile_areas and profile_fields', () => {
	it('nobody inserts rows for someone else (42501)', async () => {
		const fields = await svc().from('fields').select('id').limit(1).single();
		for (const who of [stranger, colleague, coordinator]) {
			const area = await userClient(who.id)
				.from('profile_areas')
				.insert({ profile_id: listed.id, area_id: areaIds[2] });
			expect(area.error?.code).toBe('42501');
			const field = await userClient(who.id)
				.from('profile_fields')
				.insert({ profile_id: listed.id, field_id: fields.data!.id });
			expect(field.error?.code).toBe('42501');
		}
		const anon = await anonClient()
			.from('profile_areas')
			.insert({ profile_id: listed.id, area_id: areaIds[2] });
		expect(anon.error?.code).toBe('42501');
		const { data } = await svc()
			.from('profile_areas')
			.select('area_id')
			.eq('profile_id', listed.id);
		expect(data).toEqual([{ area_id: areaIds[0] }]);
	});

	it('nobody removes someone else’s rows (0 rows)', async () => {
		const { data, error } = await userClient(stranger.id)
			.from('profile_areas')
			.delete()
			.eq('profile_id', listed.id)
			.select('area_id');
		expect(error).toBeNull();
		expect(data).toEqual([]);
		const still = await svc().from('profile_areas').select('area_id').eq('profile_id', listed.id);
		expect(still.data).toEqual([{ area_id: areaIds[0] }]);
	});

	it('a member adds and removes their own', async () => {
		const db = userClient(stranger.id);
		const add = await db
			.from('profile_areas')
			.insert({ profile_id: stranger.id, area_id: areaIds[2] });
		expect(add.error).toBeNull();
		const del = await db
			.from('profile_areas')
			.delete()
			.eq('profile_id', stranger.id)
			.select('area_id');
		expect(del.data).toEqual([{ area_id: areaIds[2] }]);
	});

	it('the areas of an unlisted profile are invisible to anon; a listed one’s are visible', async () => {
		const { data, error } = await anonClient()
			.from('profile_areas')
			.select('profile_id, area_id')
			.in('profile_id', [listed.id, hidden.id]);
		expect(error).toBeNull();
		expect(data).toEqual([{ profile_id: listed.id, area_id: areaIds[0] }]);
		// while the person themself sees theirs
		const own = await userClient(hidden.id)
			.from('profile_areas')
			.select('area_id')
			.eq('profile_id', hidden.id);
		expect(own.data).toEqual([{ area_id: areaIds[1] }]);
	});
});

describe('update_my_profile', () => {
	it('saves everything at once, and a bad area id leaves the old profile untouched', async () => {
		const me = await createTestUser('一括保存');
		const { data: areas } = await serviceClient()
			.from('areas')
			.select('id')
			.in('slug', ['kogane', 'yagiri']);
		const ids = areas!.map((a) => a.id);
		const ok = await userClient(me.id).rpc('update_my_profile', {
			p_bio: 'こんにちは',
			p_listed: true,
			p_area_ids: ids,
			p_field_ids: []
		});
		expect(ok.error).toBeNull();
		const bad = await userClient(me.id).rpc('update_my_profile', {
			p_bio: '書き換え',
			p_listed: false,
			p_area_ids: ['00000000-0000-4000-8000-00000000dead'],
			p_field_ids: []
		});
		expect(bad.error).not.toBeNull();
		const { data } = await serviceClient()
			.from('profiles')
			.select('bio, listed, profile_areas(area_id)')
			.eq('id', me.id)
			.single();
		expect(data?.bio).toBe('こんにちは');
		expect(data?.listed).toBe(true);
		expect(data?.profile_areas.map((a) => a.area_id).sort()).toEqual([...ids].sort());
		expect(
			(
				await anonClient().rpc('update_my_profile', {
					p_bio: 'x',
					p_listed: true,
					p_area_ids: [],
					p_field_ids: []
				})
			).error?.code
		).toBe('42501');
	});
});
