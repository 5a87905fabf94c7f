// Every form action of the app, found by reading the route files, so that
// tests which must cover "every action" (CSRF, malformed bodies) cannot miss
// a new one.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TAXONOMIES } from '../../src/params/taxonomy';

/** Parameters whose matcher takes a few fixed words, by matcher: each action is listed under every one. */
const FIXED: Record<string, readonly string[]> = { taxonomy: TAXONOMIES };

const ROUTES = path.resolve('src/routes');

/** The action names returned by `export function <name>` somewhere under src/lib/server. */
async function sharedActions(name: string): Promise<string[]> {
	const dir = path.resolve('src/lib/server');
	for (const entry of await readdir(dir, { recursive: true })) {
		if (!entry.endsWith('.ts')) continue;
		const source = await readFile(path.join(dir, entry), 'utf8');
		const start = source.indexOf(`export function ${name}(`);
		if (start < 0) continue;
		const body = source.slice(start, source.indexOf('\n}\n', start));
		return [...body.matchAll(/^\t\t(\w+): async/gm)].map((m) => m[1]);
	}
	throw new Error(`shared actions ${name} not found`);
}

/**
 * Every form action as a path with its `?/name`. Route parameters become
 * `param(segment, routeSoFar)`, by default "x"; those with a matcher in FIXED
 * become each of its words.
 */
export async function formActions(
	param: (segment: string, route: string) => string = () => 'x'
): Promise<string[]> {
	const found: string[] = [];
	async function walk(dir: string) {
		for (const entry of await readdir(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) await walk(full);
			else if (entry.name === '+page.server.ts') {
				const source = await readFile(full, 'utf8');
				const block = source.match(/export const actions[^=]*=\s*\{([\s\S]*)\};?\s*$/);
				if (!block) continue;
				const names = [...block[1].matchAll(/^\t(\w+):/gm)].map((m) => m[1]);
				// actions spread in from a shared module, e.g. ...rowActions('areas')
				for (const spread of block[1].matchAll(/^\t\.\.\.(\w+)\(/gm))
					names.push(...(await sharedActions(spread[1])));
				let routes: string[][] = [[]];
				for (const s of path.relative(ROUTES, dir).split(path.sep)) {
					if (/^\(.*\)$/.test(s)) continue;
					const fixed = FIXED[/^\[\w+=(\w+)\]$/.exec(s)?.[1] ?? ''];
					routes = routes.flatMap((segments) =>
						fixed
							? fixed.map((value) => [...segments, value])
							: [[...segments, /^\[.*\]$/.test(s) ? param(s, segments.join('/')) : s]]
					);
				}
				for (const route of routes.map((segments) => segments.join('/'))) {
					for (const name of names) found.push(`/${route}${name === 'default' ? '' : `?/${name}`}`);
				}
			}
		}
	}
	await walk(ROUTES);
	return found;
}
