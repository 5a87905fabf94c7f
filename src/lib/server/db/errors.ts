// What a failed supabase-js call becomes. PostgREST answers every database
// error with a code (a SQLSTATE, or PGRST… for its own); a failure without one
// never reached the database: the API timed out (see client.ts), refused the
// connection, or a gateway in front of it failed. People then get the friendly
// error page with 503 rather than a 500, and the log says why.
import { error as httpError } from '@sveltejs/kit';
import { logEvent } from '$lib/server/log';

interface ApiError {
	message: string;
	code?: string;
	hint?: string | null;
}

/** True when the call never got an answer from PostgreSQL. */
export const isUnavailable = (e: ApiError) => !e.code;

/**
 * Throws for a failed call: 503 when the database API is unreachable or too
 * slow, otherwise an Error with the database's message (a bug: 500, logged).
 * Use as `if (error) dbFailure(error);`
 */
export function dbFailure(e: ApiError): never {
	if (isUnavailable(e)) {
		logEvent('database_unavailable', { error: e.message });
		httpError(503, 'Service Unavailable');
	}
	dbFailure(e);
}
