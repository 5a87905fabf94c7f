// One load measurement with autocannon, run in a child process (bench/lib/load-child.ts) so
// that the load generator does not share an event loop with the local gateway, which runs in
// the harness's own process.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LoadRequest {
	method: string;
	/** path and query, relative to `url` */
	path: string;
	headers: Record<string, string>;
	body?: string;
	/** every request at a new address (`&fresh=<n>` appended): nothing made for another serves it */
	fresh?: boolean;
}

/** The address of a `fresh` request: the page ignores `fresh`, the feeds' caches do not. */
export const freshPath = (path: string, n: number) =>
	`${path}${path.includes('?') ? '&' : '?'}fresh=${n}`;

export interface LoadOptions {
	/** origin of the server, e.g. http://127.0.0.1:3000 */
	url: string;
	/** what each connection asks, in a loop (a page is one request; its PostgREST calls several) */
	requests: LoadRequest[];
	connections: number;
	/** seconds measured */
	duration: number;
	/** seconds of the same load first, not measured */
	warmup: number;
}

export interface LoadResult {
	requests: number;
	/** requests per second over the measured seconds */
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	/** mean bytes of a response (headers and body, as sent) */
	bytes: number;
	/** responses with a status other than 2xx or 304 */
	non2xx: number;
	/** connection errors and timeouts */
	errors: number;
	statuses: Record<string, number>;
}

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-child.ts');

export function measure(opts: LoadOptions): Promise<LoadResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
			stdio: ['pipe', 'pipe', 'inherit']
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.once('error', reject);
		child.once('exit', (code) => {
			if (code !== 0) return reject(new Error(`load measurement exited with ${code}`));
			resolve(JSON.parse(out) as LoadResult);
		});
		child.stdin.end(JSON.stringify(opts));
	});
}

/** The value below which `p` percent of the sorted `values` fall (nearest rank). */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
