// The local API gateway: serves PostgREST under /rest/v1 on one port, checks
// the apikey and turns it into a bearer token the way Supabase's gateway does,
// and refuses unfiltered DELETE/PATCH as hosted Supabase's safeupdate does.
import http from 'node:http';

export interface Gateway {
	port: number;
	close(): Promise<void>;
}

export interface GatewayOptions {
	port: number;
	host?: string;
	upstream: string;
	anonKey: string;
	serviceRoleKey: string;
	/** Sees every request passed on to PostgREST (the benchmark counts and replays them). */
	onRequest?: (request: GatewayRequest) => void;
}

/** A request as the gateway received it: path under /rest/v1, its headers and body. */
export interface GatewayRequest {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

// The CLI's fixed local opaque keys (supabase/cli JwtGenerator.ts).
const PUBLISHABLE = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH';
const SECRET = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';

// Query parameters that shape a response but filter nothing.
const NON_FILTER_PARAMS = new Set(['select', 'order', 'limit', 'offset', 'columns', 'on_conflict']);

function send(res: http.ServerResponse, status: number, body: object) {
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

/** Mirrors safeupdate: a DELETE or PATCH on a table must carry a filter. */
export function refusesUnfiltered(method: string, url: URL): string | null {
	if (method !== 'DELETE' && method !== 'PATCH') return null;
	if (url.pathname.startsWith('/rest/v1/rpc/')) return null;
	for (const key of url.searchParams.keys()) if (!NON_FILTER_PARAMS.has(key)) return null;
	return `${method === 'DELETE' ? 'DELETE' : 'UPDATE'} requires a WHERE clause`;
}

export function startGateway(opts: GatewayOptions): Promise<Gateway> {
	const upstream = new URL(opts.upstream);
	const keyToJwt = new Map([
		[opts.anonKey, opts.anonKey],
		[opts.serviceRoleKey, opts.serviceRoleKey],
		[PUBLISHABLE, opts.anonKey],
		[SECRET, opts.serviceRoleKey]
	]);

	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://gateway');
		if (url.pathname !== '/rest/v1' && !url.pathname.startsWith('/rest/v1/')) {
			return send(res, 404, { message: 'no Route matched with those values' });
		}
		const apikey = req.headers.apikey;
		if (typeof apikey !== 'string' || !apikey) {
			return send(res, 401, { message: 'No API key found in request' });
		}
		const apiJwt = keyToJwt.get(apikey);
		if (!apiJwt) return send(res, 401, { message: 'Invalid API key' });

		const refusal = refusesUnfiltered(req.method ?? 'GET', url);
		if (refusal) {
			return send(res, 400, { code: '21000', details: null, hint: null, message: refusal });
		}

		const headers: http.OutgoingHttpHeaders = { ...req.headers, host: upstream.host };
		const auth = req.headers.authorization;
		if (!auth || auth.startsWith('Bearer sb_')) headers.authorization = `Bearer ${apiJwt}`;
		delete headers.apikey;

		const proxied = http.request(
			{
				host: upstream.hostname,
				port: upstream.port,
				method: req.method,
				path: url.pathname.slice('/rest/v1'.length) + url.search || '/',
				headers
			},
			(upstreamRes) => {
				res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
				upstreamRes.pipe(res);
			}
		);
		proxied.on('error', () => {
			if (!res.headersSent)
				send(res, 502, { message: 'An invalid response was received from the upstream server' });
			else res.destroy();
		});
		if (opts.onRequest) {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () =>
				opts.onRequest?.({
					method: req.method ?? 'GET',
					path: url.pathname + url.search,
					headers: req.headers,
					body: Buffer.concat(chunks).toString('utf8')
				})
			);
		}
		req.pipe(proxied);
	});
	server.keepAliveTimeout = 5_000;

	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
			resolve({
				port: opts.port,
				close: () =>
					new Promise<void>((r) => {
						server.closeAllConnections();
						server.close(() => r());
					})
			});
		});
	});
}
