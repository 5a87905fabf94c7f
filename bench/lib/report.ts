// The benchmark's results: their shape (also the JSON in bench/results) and the printed table.
import type { ClientJs } from './client-js.ts';
import type { LoadResult } from './load.ts';
import type { ScaleOutResult } from './scale-out.ts';

export interface PageResult {
	name: string;
	path: string;
	list: boolean;
	status: number;
	htmlBytes: number;
	htmlGzipBytes: number;
	/** PostgREST requests one render makes with nothing kept (an N+1 pattern shows here) */
	dbRequests: number;
	dbCalls: string[];
	/** PostgREST requests of a render after the measurement, with what the process keeps */
	dbRequestsKept: number;
	js: ClientJs;
	page: LoadResult;
	/** the same PostgREST requests, called directly in a loop on every connection */
	floor: LoadResult | null;
	/** floor requests per second ÷ requests per render: pages per second the data allows */
	floorPageRps: number | null;
	/** page req/s ÷ floorPageRps (target ≥ 0.4) */
	ratio: number | null;
}

export interface SizeResult {
	date: string;
	size: string;
	machine: { cpus: number; cpu: string; memoryBytes: number; node: string };
	settings: Record<string, number | boolean>;
	counts: Record<string, number>;
	seedSeconds: number;
	pages: PageResult[];
	stress: LoadResult;
	peakRssBytes: number | null;
	scaleOut: ScaleOutResult;
}

export const TARGETS = { p95Ms: 150, ratio: 0.4, jsGzipBytes: 60 * 1024, listGrowth: 1.5 };

const kb = (n: number) => `${(n / 1024).toFixed(1)}`;
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');

function table(rows: string[][]) {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
	return rows
		.map((r, n) =>
			[
				r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '),
				n === 0 ? widths.map((w) => '-'.repeat(w)).join('  ') : null
			]
				.filter(Boolean)
				.join('\n')
		)
		.join('\n');
}

export function printResults(results: SizeResult[]) {
	const bySize = new Map(results.map((r) => [r.size, r]));
	for (const r of results) {
		console.log(
			`\n## Size ${r.size}: ${Object.entries(r.counts)
				.map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
				.join(', ')}; seeded in ${r.seedSeconds.toFixed(0)} s`
		);
		const s = bySize.get('S');
		const rows = [
			[
				'page',
				'req/s',
				'p50',
				'p95',
				'p99',
				'KB',
				'db req',
				'db req/s',
				'db p95',
				'ratio',
				'JS KB gz',
				'L/S p95',
				'misses'
			]
		];
		for (const p of r.pages) {
			const atS = s?.pages.find((q) => q.name === p.name);
			const growth = r.size === 'L' && atS ? p.page.p95 / atS.page.p95 : null;
			const misses = [
				r.size === 'L' && p.page.p95 > TARGETS.p95Ms && 'p95',
				p.ratio !== null && p.ratio < TARGETS.ratio && 'ratio',
				p.js.gzipBytes > TARGETS.jsGzipBytes && 'JS',
				p.list && growth !== null && growth > TARGETS.listGrowth && 'growth'
			].filter(Boolean);
			rows.push([
				p.name,
				p.page.rps.toFixed(0),
				ms(p.page.p50),
				ms(p.page.p95),
				ms(p.page.p99),
				kb(p.page.bytes),
				p.dbRequestsKept === p.dbRequests
					? String(p.dbRequests)
					: `${p.dbRequests}/${p.dbRequestsKept}`,
				p.floorPageRps === null ? '–' : p.floorPageRps.toFixed(0),
				p.floor ? ms(p.floor.p95) : '–',
				p.ratio === null ? '–' : p.ratio.toFixed(2),
				kb(p.js.gzipBytes),
				growth === null ? '' : growth.toFixed(2),
				misses.join(' ')
			]);
		}
		console.log(table(rows));
		console.log(
			`/events under ${r.settings.stressConnections} connections for ${r.settings.stressDuration} s: ` +
				`${r.stress.requests} responses, ${r.stress.rps.toFixed(0)} req/s, p95 ${ms(r.stress.p95)} ms, ` +
				`${r.stress.errors} errors, ${r.stress.non2xx} not 2xx`
		);
		console.log(
			`peak RSS of the server: ${r.peakRssBytes ? (r.peakRssBytes / 1024 / 1024).toFixed(0) : '?'} MB; ` +
				`two servers: session valid on the other ${r.scaleOut.sessionOnOther ? 'yes' : 'NO'}, ` +
				`login limit across both ${r.scaleOut.limitAcrossServers ? 'yes' : 'NO'} (${r.scaleOut.loginStatuses.join(' ')})`
		);
	}
}
