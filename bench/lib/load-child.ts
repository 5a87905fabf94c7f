// Reads LoadOptions as JSON on stdin, warms up, measures, prints a LoadResult as JSON.
// Latencies are kept per response (autocannon reports no 95th percentile of its own).
import autocannon from 'autocannon';
import { freshPath, percentile, type LoadOptions, type LoadResult } from './load.ts';

const chunks: Buffer[] = [];
for await (const c of process.stdin) chunks.push(c as Buffer);
const opts = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LoadOptions;

let fresh = 0;

function run(seconds: number, record: boolean) {
	const latencies: number[] = [];
	const statuses: Record<string, number> = {};
	let bytes = 0;
	return new Promise<LoadResult>((resolve, reject) => {
		const instance = autocannon(
			{
				url: opts.url,
				connections: opts.connections,
				duration: seconds,
				timeout: 10,
				requests: opts.requests.map((r) => ({
					method: r.method as 'GET',
					path: r.path,
					headers: r.headers,
					body: r.body || undefined,
					...(r.fresh
						? { setupRequest: (req) => ({ ...req, path: freshPath(r.path, ++fresh) }) }
						: {})
				}))
			},
			(error, result) => {
				if (error) return reject(error instanceof Error ? error : new Error(String(error)));
				latencies.sort((a, b) => a - b);
				const ok = (s: string) => (Number(s) >= 200 && Number(s) < 300) || s === '304';
				resolve({
					requests: latencies.length,
					rps: latencies.length / seconds,
					p50: percentile(latencies, 50),
					p95: percentile(latencies, 95),
					p99: percentile(latencies, 99),
					bytes: latencies.length ? Math.round(bytes / latencies.length) : 0,
					non2xx: Object.entries(statuses)
						.filter(([s]) => !ok(s))
						.reduce((n, [, c]) => n + c, 0),
					errors: result.errors + result.timeouts,
					statuses
				});
			}
		);
		if (record) {
			instance.on('response', (_client, statusCode, resBytes, responseTime) => {
				latencies.push(responseTime);
				statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
				bytes += resBytes;
			});
		}
	});
}

if (opts.warmup > 0) await run(opts.warmup, false);
process.stdout.write(JSON.stringify(await run(opts.duration, true)));
