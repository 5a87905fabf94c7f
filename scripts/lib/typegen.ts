// Database types for supabase-js, generated from the live schema by
// @supabase/postgres-meta's typegen (what `supabase gen types` runs in Docker).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './stack.ts';

export const TYPES_FILE = path.join(ROOT, 'src/lib/server/db/database.types.ts');

export function generateTypes(databaseUrl: string): Promise<string> {
	const server = path.join(ROOT, 'node_modules/@supabase/postgres-meta/dist/server/server.js');
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [server], {
			env: {
				...process.env,
				PG_META_DB_URL: databaseUrl,
				PG_META_GENERATE_TYPES: 'typescript',
				PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
				PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true',
				// the PostgREST we run locally; keeps tsc from allowing 13+-only features
				PG_META_POSTGREST_VERSION: '12.0.2'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('close', (code) => {
			if (code === 0 && out.includes('export type Database')) resolve(out);
			else reject(new Error(`postgres-meta typegen failed (${code}):\n${err || out}`));
		});
	});
}
