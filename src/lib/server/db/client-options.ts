// The options of every supabase-js client, the app's and the tests' alike.
// Kept apart from client.ts, which reads the environment through SvelteKit.
import ws from 'ws';
import { serverFetch } from './fetch';

export function clientOptions(timeoutMs: number) {
	return {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: { fetch: serverFetch },
		// Node 20 has no global WebSocket; realtime is unused but the client needs one.
		realtime: { transport: ws as never },
		db: {
			schema: 'public' as const,
			// A hung API must not hang every page: each call is aborted after
			// `timeoutMs` and the person gets the 503 page (db/errors.ts). No
			// retries: a page waits at most this long per call, never several times over.
			timeout: timeoutMs,
			retry: false
		}
	};
}
