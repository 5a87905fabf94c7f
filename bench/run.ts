// npm run bench [-- --size S|M|L …] [--page <name> …] [--duration 10] [--warmup 3] [--connections 10]
//   [--no-build]
//   Builds the app, then for each size: a throw-away stack on free ports, the dataset seeded in
//   SQL (bench/lib/seed.ts), the production server, and for every page in bench/lib/pages.ts (or
//   those --page names) a load measurement of the page and of the PostgREST requests one render
//   of it makes, called directly (the floor). Then /events under 50 connections, and a second
//   server on the same stack (sessions and the login limit hold across both). Prints a table per
//   size and writes bench/results/<date>-<size>.json. bench/README.md explains every number.
// npm run bench -- --smoke: size S, 2-second measurements with 2 connections, no build (npm test
//   runs it beside the tests so that the harness cannot rot; its numbers mean nothing on a machine
//   busy with them, and 2 connections rather than 10 leave them the CPU the pages do not need).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { GatewayRequest } from '../scripts/lib/gateway.ts';
import { bin, run } from '../scripts/lib/run.ts';
import { ROOT } from '../scripts/lib/stack.ts';
import { startThrowawayStack } from '../scripts/lib/throwaway.ts';
import { clientJsCounter } from './lib/client-js.ts';
import { readBenchTexts } from './lib/furigana.ts';
import { freshPath, measure, type LoadRequest } from './lib/load.ts';
import { benchPages, type BenchPage } from './lib/pages.ts';
import { printResults, type PageResult, type SizeResult } from './lib/report.ts';
import { checkScaleOut } from './lib/scale-out.ts';
import { sessionCookie } from './lib/session.ts';
import { seedBench, type BenchSize } from './lib/seed.ts';
import { startAppServer, type AppServer } from './lib/server.ts';
import { raisePublicVersions } from './lib/version.ts';

const { values } = parseArgs({
	options: {
		size: { type: 'string', multiple: true },
		duration: { type: 'string' },
		warmup: { type: 'string' },
		connections: { type: 'string' },
		'stress-connections': { type: 'string', default: '50' },
		'stress-duration': { type: 'string' },
		build: { type: 'boolean', default: true },
		'no-build': { type: 'boolean', default: false },
		smoke: { type: 'boolean', default: false },
		out: { type: 'string' },
		/** only the pages whose names contain one of these (all of them when absent) */
		page: { type: 'string', multiple: true }
	}
});
const smoke = values.smoke;
const sizes = (values.size ?? (smoke ? ['S'] : ['S', 'M', 'L'])).map((s) => {
	const size = s.toUpperCase();
	if (size !== 'S' && size !== 'M' && size !== 'L') throw new Error(`--size ${s}: S, M or L`);
	return size;
});
const duration = Number(values.duration ?? (smoke ? 2 : 10));
const warmup = Number(values.warmup ?? (smoke ? 0 : 3));
const connections = Number(values.connections ?? (smoke ? 2 : 10));
const stressConnections = Number(values['stress-connections']);
const stressDuration = Number(values['stress-duration'] ?? (smoke ? 2 : 30));
const outDir = values.out ? path.resolve(values.out) : path.join(ROOT, 'bench/results');
const progress = (line: string) =>
	console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

if (values.build && !values['no-build'] && !smoke) {
	progress('Building the app (vite build)');
	if ((await run(bin('vite'), ['build', '--logLevel', 'warn'])) !== 0) process.exit(1);
}
const clientJs = await clientJsCounter(ROOT);

const problems: string[] = [];
const results: SizeResult[] = [];
for (const size of sizes) results.push(await benchSize(size));
printResults(results);
if (problems.length) {
	console.error(`\n${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
	process.exit(1);
}

async function benchSize(size: BenchSize): Promise<SizeResult> {
	// what the gateway passes to PostgREST while a page is rendered once
	let recording: GatewayRequest[] | null = null;
	progress(`Size ${size}: starting a throw-away stack`);
	const stack = await startThrowawayStack({
		seed: true,
		onApiRequest: (r) => recording?.push(r)
	});
	const servers: AppServer[] = [];
	try {
		const seeded = Date.now();
		const fixtures = await seedBench(stack.env.DATABASE_URL, size, (l) => progress(`  ${l}`));
		const seedSeconds = (Date.now() - seeded) / 1000;
		progress(`Size ${size}: seeded in ${seedSeconds.toFixed(1)} s`);
		const cookie = await sessionCookie(stack.env.DATABASE_URL, fixtures.memberUserId);
		const read = await readBenchTexts(stack.env, fixtures);
		progress(`Size ${size}: ふりがな of ${read} events read`);

		const server = await startAppServer(stack.env);
		servers.push(server);
		const pages: PageResult[] = [];
		// (measuring the sizes page by page in turn, every stack up, was tried in the eighteenth
		// round and taken back: a size measured right after another's load was slower, README)
		const chosen = (page: BenchPage) =>
			!values.page || values.page.some((name) => page.name.includes(name));
		for (const page of benchPages(fixtures, cookie).filter(chosen)) {
			const headers: Record<string, string> = {
				accept: 'text/html,application/xhtml+xml,*/*',
				// as browsers and calendar apps ask: a kept feed sent again comes compressed
				'accept-encoding': 'gzip, deflate, br',
				'accept-language': 'ja',
				...(page.cookie ? { cookie: page.cookie } : {})
			};
			// nothing kept from the pages before: the render below reads all that it shows
			await raisePublicVersions(stack.env.DATABASE_URL);
			if (page.poll) {
				const first = await fetch(`${server.base}${page.path}`, { headers });
				await first.arrayBuffer();
				headers['if-none-match'] = first.headers.get('etag') ?? '';
			}
			const expected = page.poll ? 304 : 200;
			// one render, with what it asks of PostgREST
			recording = [];
			const res = await fetch(`${server.base}${page.fresh ? freshPath(page.path, 0) : page.path}`, {
				headers
			});
			const body = Buffer.from(await res.arrayBuffer());
			const calls: GatewayRequest[] = recording;
			recording = null;
			if (res.status !== expected)
				problems.push(`${size} ${page.name}: ${page.path} answered ${res.status}`);

			progress(`Size ${size}: ${page.name} (${calls.length} PostgREST requests)`);
			const pageLoad = await measure({
				url: server.base,
				requests: [{ method: 'GET', path: page.path, headers, fresh: page.fresh }],
				connections,
				duration,
				warmup
			});
			// and once more, warm: what a render asks while the process keeps what it may (after
			// the renders the load left in flight have ended)
			await new Promise((done) => setTimeout(done, 1000));
			recording = [];
			const again = await fetch(
				`${server.base}${page.fresh ? freshPath(page.path, 1e9) : page.path}`,
				{ headers }
			);
			await again.arrayBuffer();
			const keptCalls = recording.length;
			recording = null;
			const floor = calls.length
				? await measure({
						url: stack.env.SUPABASE_URL,
						requests: calls.map(replayable),
						connections,
						duration,
						warmup
					})
				: null;
			for (const [what, r] of [
				['page', pageLoad],
				['PostgREST', floor]
			] as const) {
				if (r && (r.errors || r.non2xx))
					problems.push(
						`${size} ${page.name} (${what}): ${r.errors} errors, ${r.non2xx} responses not 2xx (${JSON.stringify(r.statuses)})`
					);
			}
			const floorPageRps = floor ? floor.rps / calls.length : null;
			pages.push({
				name: page.name,
				path: page.path,
				list: page.list,
				status: res.status,
				htmlBytes: body.length,
				htmlGzipBytes: gzipSync(body).length,
				dbRequests: calls.length,
				dbCalls: calls.map((c) => `${c.method} ${c.path.slice(0, 160)}`),
				dbRequestsKept: keptCalls,
				js: await clientJs(new URL(page.path, server.base).pathname, body.toString(), page.imports),
				page: pageLoad,
				floor,
				floorPageRps,
				ratio: floorPageRps ? pageLoad.rps / floorPageRps : null
			});
		}

		progress(`Size ${size}: /events with ${stressConnections} connections for ${stressDuration} s`);
		const stress = await measure({
			url: server.base,
			requests: [{ method: 'GET', path: '/events', headers: { accept: 'text/html' } }],
			connections: stressConnections,
			duration: stressDuration,
			warmup: 0
		});
		if (stress.errors || stress.non2xx)
			problems.push(`${size} stress: ${stress.errors} errors, ${stress.non2xx} responses not 2xx`);
		const peakRssBytes = await server.peakRss();

		progress(`Size ${size}: a second server on the same stack`);
		const second = await startAppServer(stack.env);
		servers.push(second);
		const scaleOut = await checkScaleOut(server, second);
		if (!scaleOut.sessionOnOther)
			problems.push(`${size}: a session made on one server is not valid on the other`);
		if (!scaleOut.limitAcrossServers)
			problems.push(
				`${size}: the login limit did not count across servers (${scaleOut.loginStatuses.join(', ')})`
			);

		const result: SizeResult = {
			date: new Date().toISOString(),
			size,
			machine: {
				cpus: os.cpus().length,
				cpu: os.cpus()[0]?.model ?? '',
				memoryBytes: os.totalmem(),
				node: process.version
			},
			settings: { connections, duration, warmup, stressConnections, stressDuration, smoke },
			counts: fixtures.counts,
			seedSeconds,
			pages,
			stress,
			peakRssBytes,
			scaleOut
		};
		await mkdir(outDir, { recursive: true });
		const file = path.join(
			outDir,
			`${result.date.slice(0, 10)}-${size}${smoke ? '-smoke' : ''}.json`
		);
		await writeFile(file, JSON.stringify(result, null, '\t') + '\n');
		progress(`Size ${size}: written to ${path.relative(ROOT, file)}`);
		return result;
	} finally {
		for (const s of servers) await s.stop();
		await stack.stop();
	}
}

/** A captured PostgREST request as autocannon sends it again, straight to the gateway. */
function replayable(r: GatewayRequest): LoadRequest {
	const keep = [
		'apikey',
		'authorization',
		'accept',
		'accept-profile',
		'content-profile',
		'content-type',
		'prefer',
		'range',
		'x-client-info'
	];
	const headers: Record<string, string> = {};
	for (const k of keep) {
		const v = r.headers[k];
		if (typeof v === 'string') headers[k] = v;
	}
	// autocannon would wait for the body of a HEAD response: the same count as a GET of no rows
	if (r.method === 'HEAD') return { method: 'GET', path: `${r.path}&limit=0`, headers };
	return { method: r.method, path: r.path, headers, body: r.body || undefined };
}
