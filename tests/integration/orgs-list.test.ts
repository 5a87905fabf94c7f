// The /orgs list query: 20 a page, stable order by reading, embeds in one request.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listOrganizationChoices, searchOrganizations } from '$lib/server/db/orgs';
import { anonClient, createTestUser, serviceClient } from '../support/db';

describe('searchOrganizations', () => {
	it('pages 25 matches as 20 + 5, sorted by kana, with areas and fields embedded', async () => {
		const owner = await createTestUser();
		const tag = `ページ${randomBytes(3).toString('hex')}`;
		const rows = Array.from({ length: 25 }, (_, i) => ({
			slug: `page-test-${tag.slice(3)}-${i}`,
			name: `${tag} 団体${i}`,
			kana: `${tag} ${String(i).padStart(2, '0')}`,
			kind: 'npo' as const,
			municipality_wide: true,
			created_by: owner.id
		}));
		const { error } = await serviceClient().from('organizations').insert(rows);
		expect(error).toBeNull();

		const first = await searchOrganizations(anonClient(), { q: tag }, 1);
		expect(first.total).toBe(25);
		expect(first.organizations).toHaveLength(20);
		expect(first.organizations[0].name).toBe(`${tag} 団体0`);
		expect(first.organizations[19].name).toBe(`${tag} 団体19`);
		expect(first.organizations[0].municipalityWide).toBe(true);
		expect(first.organizations[0].areas).toEqual([]);

		const second = await searchOrganizations(anonClient(), { q: tag }, 2);
		expect(second.organizations.map((o) => o.name)).toEqual(
			[20, 21, 22, 23, 24].map((i) => `${tag} 団体${i}`)
		);
	});
});

describe('listOrganizationChoices', () => {
	it('the first of the list, and those a form holds wherever they sort, never a hidden one', async () => {
		const owner = await createTestUser();
		const tag = randomBytes(3).toString('hex');
		// sorted after every other organization
		const { data, error } = await serviceClient()
			.from('organizations')
			.insert(
				['1', '2'].map((n) => ({
					slug: `choice-test-${tag}-${n}`,
					name: `選択肢の会${tag}${n}`,
					kana: `んんん${tag}${n}`,
					kind: 'npo' as const,
					created_by: owner.id,
					hidden_at: n === '2' ? new Date().toISOString() : null
				}))
			)
			.select('id, name');
		expect(error).toBeNull();
		const [last, hidden] = data!;

		const first = await listOrganizationChoices(anonClient(), [], 1);
		expect(first).toHaveLength(1);
		expect(first[0].id).not.toBe(last.id);
		// what the form holds is added; a hidden one and what is not an id are not
		const held = await listOrganizationChoices(anonClient(), [last.id, hidden.id, 'x', last.id], 1);
		expect(held).toEqual([first[0], { id: last.id, name: last.name }]);
		// already listed: once
		const all = await listOrganizationChoices(anonClient(), [first[0].id], 1);
		expect(all).toEqual(first);
	});
});
