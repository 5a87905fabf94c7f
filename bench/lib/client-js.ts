// The JavaScript a browser downloads for a page, from the build's manifest: the client entry
// (start, app) plus the modules of the page's layouts and leaf — exactly what SvelteKit lists
// as <link rel="modulepreload"> — and, for a page seen by a member or with ふりがな on, the
// modules its loads import for them (BenchPage.imports, from Vite's client manifest, with what
// they import), summed gzip-compressed, each file once. A page that is not hydrated (`csr =
// false`: no SvelteKit start script in the HTML it served) downloads none.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Vite's client manifest: a module by its source path (or a chunk by `_<file>`) */
type ViteManifest = Record<string, { file: string; imports?: string[] }>;

interface ServerManifest {
	_: {
		client: { imports: string[] };
		routes: {
			id: string;
			pattern: RegExp;
			page: { layouts: (number | undefined)[]; leaf: number } | null;
		}[];
	};
}

export interface ClientJs {
	route: string | null;
	files: number;
	/** bytes as gzip -6 would send them */
	gzipBytes: number;
	rawBytes: number;
}

export async function clientJsCounter(root: string) {
	const server = path.join(root, '.svelte-kit/output/server');
	const client = path.join(root, 'build/client');
	const { manifest } = (await import(path.join(server, 'manifest.js'))) as {
		manifest: ServerManifest;
	};
	const vite = JSON.parse(
		await readFile(path.join(root, '.svelte-kit/output/client/.vite/manifest.json'), 'utf8')
	) as ViteManifest;
	const nodeImports = new Map<number, string[]>();
	const sizes = new Map<string, { raw: number; gzip: number }>();

	async function importsOf(node: number) {
		if (!nodeImports.has(node)) {
			const text = await readFile(path.join(server, `nodes/${node}.js`), 'utf8');
			const list = /export const imports = (\[[^\]]*\])/.exec(text)?.[1];
			nodeImports.set(node, list ? (JSON.parse(list) as string[]) : []);
		}
		return nodeImports.get(node) ?? [];
	}
	async function sizeOf(file: string) {
		if (!sizes.has(file)) {
			const bytes = await readFile(path.join(client, file));
			sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes).length });
		}
		return sizes.get(file) ?? { raw: 0, gzip: 0 };
	}

	/** A module's file and the files of all it imports statically, into `files`. */
	function addModule(key: string, files: Set<string>) {
		const chunk = vite[key];
		if (!chunk) throw new Error(`${key} is not in the client build`);
		if (files.has(chunk.file)) return;
		files.add(chunk.file);
		for (const i of chunk.imports ?? []) addModule(i, files);
	}

	/**
	 * The JavaScript of the page at `pathname` that served `html` (none for an endpoint such as
	 * a feed, or a page without hydration), with the modules its loads import for this visitor
	 * (`imports`, by source path).
	 */
	return async function clientJs(
		pathname: string,
		html: string,
		imports: string[] = []
	): Promise<ClientJs> {
		const route = manifest._.routes.find((r) => r.pattern.test(pathname));
		if (!route?.page || !hydrates(html))
			return { route: route?.id ?? null, files: 0, gzipBytes: 0, rawBytes: 0 };
		const nodes = [...route.page.layouts, route.page.leaf].filter(
			(n): n is number => n !== undefined
		);
		const files = new Set(manifest._.client.imports);
		for (const n of nodes) for (const f of await importsOf(n)) files.add(f);
		for (const key of imports) addModule(key, files);
		let gzipBytes = 0;
		let rawBytes = 0;
		for (const f of files) {
			const s = await sizeOf(f);
			gzipBytes += s.gzip;
			rawBytes += s.raw;
		}
		return { route: route.id, files: files.size, gzipBytes, rawBytes };
	};
}

/** Whether a page's HTML starts SvelteKit in the browser (a page with `csr = false` does not). */
export function hydrates(html: string) {
	return /\/_app\/immutable\/entry\/start\.[\w-]+\.js/.test(html);
}
