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
	/** 全国地方公共団体コード (6 digits), the first column of the open data: 122076 for 松戸市. */
	get municipalityCode() {
		return env.TSUNAGU_MUNICIPALITY_CODE?.trim() || '';
	},
	/** The prefecture's name, in the open data: 千葉県. */
	get prefectureName() {
		return env.TSUNAGU_PREFECTURE_NAME?.trim() || '';
	},
	/** The open data's licence: its name and the address of its text. */
	get openDataLicense() {
		return {
			name: env.TSUNAGU_OPENDATA_LICENSE?.trim() || 'CC BY 4.0',
			url:
				env.TSUNAGU_OPENDATA_LICENSE_URL?.trim() ||
				'https://creativecommons.org/licenses/by/4.0/deed.ja'
		};
	},
	/** How long one call to the database API may take before the page gives up (503). */
	get dbTimeoutMs() {
		const ms = Number(env.TSUNAGU_DB_TIMEOUT_MS || 5000);
		return Number.isFinite(ms) && ms > 0 ? ms : 5000;
	}
};
