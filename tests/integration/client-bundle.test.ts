// Nothing server-only may reach the browser: not supabase-js, not a secret.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/stack';
import { testEnv } from '../support/db';

const CLIENT_DIR = path.join(ROOT, 'build/client');

async function clientFiles(dir = CLIENT_DIR): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true });
	const nested = await Promise.all(
		entries.map((e) =>
			e.isDirectory()
				? clientFiles(path.join(dir, e.name))
				: Promise.resolve([path.join(dir, e.name)])
		)
	);
	return nested.flat().filter((f) => /\.(js|css|html|json|map)$/.test(f));
}

describe('client bundle', () => {
	it('contains neither supabase-js nor any secret', async () => {
		expect(existsSync(CLIENT_DIR), 'build/client missing: npm test builds the app first').toBe(
			true
		);
		const files = await clientFiles();
		expect(files.length).toBeGreaterThan(0);
		const env = testEnv();
		const forbidden = [
			'@supabase/supabase-js',
			'supabase-js',
			'postgrest-js',
			'SUPABASE_SERVICE_ROLE_KEY',
			'SUPABASE_JWT_SECRET',
			'password_hash',
			'argon2',
			env.serviceRoleKey,
			env.jwtSecret,
			env.anonKey
		];
		for (const file of files) {
			const text = await readFile(file, 'utf8');
			for (const needle of forbidden) {
				expect(
					text.includes(needle),
					`${path.relative(ROOT, file)} contains ${needle.slice(0, 30)}`
				).toBe(false);
			}
		}
	});
});
