// The conventions of docs/ARCHITECTURE.md that a tool can check: where queries
// live, how forms post, what client code may import, and that the repository
// stands on its own. A new file that breaks one fails here, with its name.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function files(dir: string, ext: RegExp): Promise<string[]> {
	const found: string[] = [];
	for (const entry of await readdir(path.join(ROOT, dir), {
		recursive: true,
		withFileTypes: true
	})) {
		if (!entry.isFile() || !ext.test(entry.name)) continue;
		found.push(path.relative(ROOT, path.join(entry.parentPath, entry.name)));
	}
	return found.sort();
}

const read = (file: string) => readFile(path.join(ROOT, file), 'utf8');

/** The files (among `candidates`) whose text matches `pattern`. */
async function matching(candidates: string[], pattern: RegExp) {
	const hits: string[] = [];
	for (const file of candidates) if (pattern.test(await read(file))) hits.push(file);
	return hits;
}

const GENERATED = /^src\/lib\/(paraglide\/|server\/db\/database\.types\.ts$)/;
const source = async () => (await files('src', /\.(ts|svelte)$/)).filter((f) => !GENERATED.test(f));

describe('conventions', () => {
	it("queries live in src/lib/server/db/ only (no .from('…') or .rpc('…') elsewhere)", async () => {
		const outside = (await source()).filter((f) => !f.startsWith('src/lib/server/db/'));
		expect(await matching(outside, /\.(from|rpc)\(\s*['"`]/)).toEqual([]);
	});

	it('query results are typed by supabase-js, never forced with `as unknown as`', async () => {
		expect(await matching(await source(), /\bas unknown as\b/)).toEqual([]);
	});

	it('client code imports nothing from $lib/server, not even types', async () => {
		const client = (await source()).filter(
			(f) =>
				f.endsWith('.svelte') ||
				(!f.includes('/server/') &&
					!/\+(page|layout)\.server\.ts$|\+server\.ts$|hooks\.server\.ts$/.test(f))
		);
		expect(await matching(client, /from ['"]\$lib\/server\//)).toEqual([]);
	});

	it('every POST form is enhanced (use:enhance) and still a plain form without JavaScript', async () => {
		const problems: string[] = [];
		for (const file of (await source()).filter((f) => f.endsWith('.svelte'))) {
			for (const [tag] of (await read(file)).matchAll(/<form\b[^>]*>/g)) {
				if (/method="post"/i.test(tag) && !/use:(\w+\.)?enhance\b/.test(tag)) {
					problems.push(`${file}: ${tag}`);
				}
			}
		}
		expect(problems).toEqual([]);
	});

	it('the repository refers to nothing outside itself', async () => {
		// landed migrations are never edited (append-only); this one's first line predates docs/ARCHITECTURE.md
		const LANDED = ['supabase/migrations/20261128000000_accounts.sql'];
		const all = [
			'README.md',
			...(await files('docs', /\.md$/).catch(() => [])),
			...(await source()),
			...(await files('scripts', /\.(ts|sql)$/)),
			...(await files('tests', /\.ts$/)).filter((f) => f !== 'tests/unit/conventions.test.ts'),
			...(await files('supabase', /\.sql$/)).filter((f) => !LANDED.includes(f))
		];
		expect(await matching(all, /\.\.\/shared\b|DESIGN\.md/)).toEqual([]);
	});
});
