// Server configuration from the environment. `npm run dev` / `npm start` fill
// these from the local stack; a deployment sets them for its Supabase project.
import { env } from '$env/dynamic/private';

function required(name: string): string {
	const value = env[name];
	if (!value) throw new Error(`${name} is not set (see README: Configuration)`);
	return value;
}

export const serverEnv = {
	get supabaseUrl() {
		return required('SUPABASE_URL');
	},
	get anonKey() {
		return required('SUPABASE_ANON_KEY');
	},
	get serviceRoleKey() {
		return required('SUPABASE_SERVICE_ROLE_KEY');
	},
	get jwtSecret() {
		return required('SUPABASE_JWT_SECRET');
	},
	/** The municipality's name, on certificates (表彰状) and programmes: 〇〇市. */
	get municipalityName() {
		return env.TSUNAGU_MUNICIPALITY_NAME?.trim() || 'つなぐ市';
	},
	/** How long one call to the database API may take before the page gives up (503). */
	get dbTimeoutMs() {
		const ms = Number(env.TSUNAGU_DB_TIMEOUT_MS || 5000);
		return Number.isFinite(ms) && ms > 0 ? ms : 5000;
	}
};
