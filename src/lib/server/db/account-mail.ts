// What the worker reads to write an account mail (service role) besides the
// recipient (db/mail.ts): whether a link can still be used.
// Relative, type-only imports: the worker runs this outside SvelteKit.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

type Db = SupabaseClient<Database>;

function fail(what: string, error: { message: string }): never {
	throw new Error(`${what}: ${error.message}`);
}

/** A link's token by its hash, when it is unused and unexpired (else null). */
export async function usableAccountToken(db: Db, tokenHash: string) {
	const { data, error } = await db
		.from('account_tokens')
		.select('purpose, email, user_id')
		.eq('token_hash', tokenHash)
		.is('used_at', null)
		.gt('expires_at', new Date().toISOString())
		.maybeSingle();
	if (error) fail('account_tokens', error);
	return data && { purpose: data.purpose, email: data.email, userId: data.user_id };
}
