// Areas (圏域) and fields (分野): anybody reads them, only admins add, change,
// retire and reorder them. Proven through PostgREST with the anon key and
// with real user tokens; outcomes are checked with the service role.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAreas, listFields } from '$lib/server/db/taxonomy';
import { anonClient, createTestUser, serviceClient, userClient } from '../support/db';

type Who = 'anon' | 'member' | 'coordinator' | 'admin';
const ids: Partial<Record<Who, string>> = {};
const as = (who: Who) => (who === 'anon' ? anonClient() : userClient(ids[who]!));
const slug = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

async function setRole(id: string, role: 'coordinator' | 'admin') {
	const { error } = await serviceClient().from('profiles').update({ role }).eq('id', id);
	expect(error).toBeNull();
}

async function serviceArea(id: string) {
	const { data, error } = await serviceClient().from('areas').select('*').eq('id', id).single();
	expect(error).toBeNull();
	return data!;
}

async function serviceField(id: string) {
	const { data, error } = await serviceClient().from('fields').select('*').eq('id', id).single();
	expect(error).toBeNull();
	return data!;
}

/** An area made by the service role, so that non-admin tests have something to attack. */
async function seedArea() {
	const { data, error } = await serviceClient()
		.from('areas')
		.insert({ slug: slug('target'), name_ja: '標的', name_en: 'Target', sort_order: 5000 })
		.select()
		.single();
	expect(error).toBeNull();
	return data!;
}

async function seedField() {
	const { data, error } = await serviceClient()
		.from('fields')
		.insert({
			slug: slug('target'),
			name_ja: '標的',
			name_en: 'Target',
			sort_order: 5000,
			color: 'red'
		})
		.select()
		.single();
	expect(error).toBeNull();
	return data!;
}

const orderOf = async (table: 'areas' | 'fields') => {
	const { data, error } = await serviceClient()
		.from(table)
		.select('id')
		.order('sort_order')
		.order('name_ja');
	expect(error).toBeNull();
	return data!.map((r) => r.id);
};

beforeAll(async () => {
	for (const who of ['member', 'coordinator', 'admin'] as const) {
		ids[who] = (await createTestUser(`テスト ${who}`)).id;
	}
	await setRole(ids.coordinator!, 'coordinator');
	await setRole(ids.admin!, 'admin');
});

describe('reading', () => {
	it.each(['anon', 'member'] as const)(
		'%s reads every area and field, retired ones too',
		async (who) => {
			const retired = await seedArea();
			await serviceClient()
				.from('areas')
				.update({ retired_at: new Date().toISOString() })
				.eq('id', retired.id);
			const areas = await as(who).from('areas').select('id, slug');
			expect(areas.error).toBeNull();
			expect(areas.data!.map((a) => a.slug)).toEqual(
				expect.arrayContaining(['mei-1', 'shin-matsudo', retired.slug])
			);
			const fields = await as(who).from('fields').select('slug');
			expect(fields.error).toBeNull();
			expect(fields.data!.map((f) => f.slug)).toEqual(
				expect.arrayContaining(['welfare', 'culture-sport'])
			);
		}
	);

	it('listAreas and listFields leave retired ones out unless asked', async () => {
		const area = await seedArea();
		const field = await seedField();
		const now = new Date().toISOString();
		await serviceClient().from('areas').update({ retired_at: now }).eq('id', area.id);
		await serviceClient().from('fields').update({ retired_at: now }).eq('id', field.id);
		const db = anonClient();
		expect((await listAreas(db)).map((a) => a.id)).not.toContain(area.id);
		expect((await listAreas(db, { includeRetired: true })).map((a) => a.id)).toContain(area.id);
		expect((await listFields(db)).map((f) => f.id)).not.toContain(field.id);
		expect((await listFields(db, { includeRetired: true })).map((f) => f.id)).toContain(field.id);
	});
});

describe('non-admins cannot write', () => {
	it.each(['anon', 'member', 'coordinator'] as const)(
		'%s cannot add an area or a field',
		async (who) => {
			const areaSlug = slug('intruder');
			const area = await as(who)
				.from('areas')
				.insert({ slug: areaSlug, name_ja: '侵入', name_en: 'Intruder' });
			expect(area.error?.code).toBe('42501');
			const fieldSlug = slug('intruder');
			const field = await as(who)
				.from('fields')
				.insert({ slug: fieldSlug, name_ja: '侵入', name_en: 'Intruder' });
			expect(field.error?.code).toBe('42501');
			const { count: areas } = await serviceClient()
				.from('areas')
				.select('*', { count: 'exact', head: true })
				.eq('slug', areaSlug);
			const { count: fields } = await serviceClient()
				.from('fields')
				.select('*', { count: 'exact', head: true })
				.eq('slug', fieldSlug);
			expect([areas, fields]).toEqual([0, 0]);
		}
	);

	it('anon has no update privilege at all', async () => {
		const area = await seedArea();
		const res = await anonClient().from('areas').update({ name_ja: '改ざん' }).eq('id', area.id);
		expect(res.error?.code).toBe('42501');
		expect((await serviceArea(area.id)).name_ja).toBe('標的');
	});

	it.each(['member', 'coordinator'] as const)(
		'%s changes no row: rename, retire, recolour',
		async (who) => {
			const area = await seedArea();
			const field = await seedField();
			const db = as(who);
			const renamed = await db
				.from('areas')
				.update({ name_ja: '改ざん', slug: slug('x') })
				.eq('id', area.id)
				.select();
			expect(renamed.error).toBeNull();
			expect(renamed.data).toEqual([]);
			const retired = await db
				.from('areas')
				.update({ retired_at: new Date().toISOString() })
				.eq('id', area.id)
				.select();
			expect(retired.data).toEqual([]);
			const recoloured = await db
				.from('fields')
				.update({ color: 'blue', name_en: 'Hacked' })
				.eq('id', field.id)
				.select();
			expect(recoloured.error).toBeNull();
			expect(recoloured.data).toEqual([]);
			expect(await serviceArea(area.id)).toEqual(area);
			expect(await serviceField(field.id)).toEqual(field);
		}
	);

	it('nobody deletes through the API, not even an admin', async () => {
		const area = await seedArea();
		for (const who of ['anon', 'member', 'admin'] as const) {
			const res = await as(who).from('areas').delete().eq('id', area.id);
			expect(res.error?.code, who).toBe('42501');
		}
		expect((await serviceArea(area.id)).id).toBe(area.id);
	});

	it('anon cannot call the reorder functions; a member’s call changes nothing', async () => {
		const before = { areas: await orderOf('areas'), fields: await orderOf('fields') };
		const reversed = { areas: [...before.areas].reverse(), fields: [...before.fields].reverse() };
		const anonAreas = await anonClient().rpc('reorder_areas', { p_ids: reversed.areas });
		expect(anonAreas.error?.code).toBe('42501');
		const anonFields = await anonClient().rpc('reorder_fields', { p_ids: reversed.fields });
		expect(anonFields.error?.code).toBe('42501');
		await as('member').rpc('reorder_areas', { p_ids: reversed.areas });
		await as('member').rpc('reorder_fields', { p_ids: reversed.fields });
		expect(await orderOf('areas')).toEqual(before.areas);
		expect(await orderOf('fields')).toEqual(before.fields);
	});
});

describe('admins', () => {
	it('add, rename, retire, restore and reorder an area', async () => {
		const db = as('admin');
		const s = slug('admin-area');
		const created = await db
			.from('areas')
			.insert({
				slug: s,
				name_ja: '新しい圏域',
				name_en: 'New area',
				kana: 'あたらしいけんいき',
				// after every area other test files add:
				// files run in an order vitest chooses
				sort_order: 1_000_000
			})
			.select()
			.single();
		expect(created.error).toBeNull();
		const id = created.data!.id;
		expect((await serviceArea(id)).name_ja).toBe('新しい圏域');

		const renamed = await db
			.from('areas')
			.update({ name_ja: '改名した圏域', description: '説明' })
			.eq('id', id)
			.select('name_ja');
		expect(renamed.data).toEqual([{ name_ja: '改名した圏域' }]);
		expect(await serviceArea(id)).toMatchObject({
			name_ja: '改名した圏域',
			description: '説明',
			slug: s
		});

		const retired = await db
			.from('areas')
			.update({ retired_at: new Date().toISOString() })
			.eq('id', id)
			.select('id');
		expect(retired.data).toHaveLength(1);
		expect((await serviceArea(id)).retired_at).not.toBeNull();
		expect((await listAreas(db)).map((a) => a.id)).not.toContain(id);
		await db.from('areas').update({ retired_at: null }).eq('id', id);
		expect((await serviceArea(id)).retired_at).toBeNull();
		expect((await listAreas(db)).map((a) => a.id)).toContain(id);

		// move the new area to the top
		const before = await orderOf('areas');
		expect(before.at(-1)).toBe(id);
		const wanted = [id, ...before.filter((x) => x !== id)];
		const reordered = await db.rpc('reorder_areas', { p_ids: wanted });
		expect(reordered.error).toBeNull();
		expect(await orderOf('areas')).toEqual(wanted);
		expect((await serviceArea(id)).sort_order).toBe(10);
	});

	it('add, recolour, retire and reorder a field', async () => {
		const db = as('admin');
		const created = await db
			.from('fields')
			.insert({
				slug: slug('admin-field'),
				name_ja: '新しい分野',
				name_en: 'New field',
				color: 'magenta',
				sort_order: 9000
			})
			.select()
			.single();
		expect(created.error).toBeNull();
		const id = created.data!.id;
		const changed = await db
			.from('fields')
			.update({ color: 'lime', name_en: 'Renamed field' })
			.eq('id', id)
			.select('id');
		expect(changed.data).toHaveLength(1);
		expect(await serviceField(id)).toMatchObject({ color: 'lime', name_en: 'Renamed field' });
		await db.from('fields').update({ retired_at: new Date().toISOString() }).eq('id', id);
		expect((await serviceField(id)).retired_at).not.toBeNull();

		const before = await orderOf('fields');
		const i = before.indexOf(id);
		const wanted = [...before];
		[wanted[i - 1], wanted[i]] = [wanted[i], wanted[i - 1]];
		expect((await db.rpc('reorder_fields', { p_ids: wanted })).error).toBeNull();
		expect(await orderOf('fields')).toEqual(wanted);
	});

	it('the database refuses a duplicate slug, a bad slug and a colour outside the list', async () => {
		const db = as('admin');
		const dup = await db
			.from('areas')
			.insert({ slug: 'mei-1', name_ja: '重複', name_en: 'Duplicate' });
		expect(dup.error?.code).toBe('23505');
		const badSlug = await db
			.from('areas')
			.insert({ slug: 'Bad Slug', name_ja: '不正', name_en: 'Bad' });
		expect(badSlug.error?.code).toBe('23514');
		const badColor = await db
			.from('fields')
			.insert({ slug: slug('bad-color'), name_ja: '不正', name_en: 'Bad', color: 'black' });
		expect(badColor.error?.code).toBe('23514');
		const emptyName = await db
			.from('fields')
			.insert({ slug: slug('empty'), name_ja: '  ', name_en: 'Empty' });
		expect(emptyName.error?.code).toBe('23514');
	});
});
