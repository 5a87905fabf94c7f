import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateTypes, TYPES_FILE } from '../../scripts/lib/typegen';
import { testEnv } from '../support/db';

describe('generated database types', () => {
	it('match the live schema (run `npm run db:types` after changing a migration)', async () => {
		const live = await generateTypes(testEnv().databaseUrl);
		const committed = await readFile(TYPES_FILE, 'utf8');
		expect(committed).toBe(live);
	});
});
