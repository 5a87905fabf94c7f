// What the worker reads to write an account mail (service role): the member's
// name, language and address state, and whether a link can still be used.
// Relative, type-only imports: the worker runs this outside SvelteKit.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

type Db = SupabaseClient<Database>;

export interface AccountMailRecipient {
	email: string;
	displayName: string;
	locale: 'ja' | 'en';
	verified: boolean;
}

function fail(what: string, error: { message: string }): never {
	throw new Error(`${what}: ${error.message}`);
}

/** The member an account mail is about (null when the account is gone). */
export async function accountMailRecipient(
	db: Db,
	userId: string
): Promise<AccountMailRecipient | null> {
	const [cred, profile] = await Promise.all([
		db.from('credentials').select('email, email_verified_at').eq('user_id', userId).maybeSingle(),
		db.from('profiles').select('display_name, locale').eq('id', userId).maybeSingle()
	]);
	if (cred.error) fail('credentials', cred.error);
	if (profile.error) fail('profiles', profile.error);
	if (!cred.data || !profile.data) return null;
	return {
		email: cred.data.email,
		displayName: profile.data.display_name,
		locale: profile.data.locale === 'en' ? 'en' : 'ja',
		verified: cred.data.email_verified_at !== null
	};
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
