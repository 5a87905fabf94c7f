// The colour list of the admin form must be exactly the database's check constraint.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FIELD_COLORS } from '$lib/taxonomy/colors';

describe('field colours', () => {
	it('match the fields_color check constraint', async () => {
		const sql = await readFile(
			'supabase/migrations/20261128100000_areas_fields_organizations.sql',
			'utf8'
		);
		const list = /constraint fields_color check \(color in\s*\(([^)]*)\)\)/.exec(sql)?.[1];
		expect(list).toMatch(/'blue'/);
		const allowed = [...list!.matchAll(/'([a-z-]+)'/g)].map((x) => x[1]);
		expect([...FIELD_COLORS]).toEqual(allowed);
	});
});
