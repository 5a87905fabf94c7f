// Server configuration from the environment. `npm run dev` / `npm start` fill
// these from the local stack; a deployment sets them for its Supabase project.
import { env } from '$env/dynamic/private';
import { parseMapCenter, type MapTiles } from '$lib/places/map';
import { tileOrigin } from '$lib/server/http/csp';

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
	/**
	 * The tiles of the maps of places: OpenStreetMap's by default; a city may use
	 * 地理院タイル (`https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png`, 「国土地理院」)
	 * or its own server. Optionally where a map with no points starts:
	 * TSUNAGU_MAP_CENTER=`latitude,longitude,zoom` (the city hall, zoom 13).
	 */
	get mapTiles(): MapTiles {
		return {
			url: env.TSUNAGU_MAP_TILE_URL?.trim() || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
			attribution: env.TSUNAGU_MAP_ATTRIBUTION?.trim() || '© OpenStreetMap contributors',
			attributionUrl:
				env.TSUNAGU_MAP_ATTRIBUTION_URL?.trim() || 'https://www.openstreetmap.org/copyright',
			center: parseMapCenter(env.TSUNAGU_MAP_CENTER)
		};
	},
	/** The tile server as a CSP source, added to `img-src` (hooks.server.ts); null if the URL is bad. */
	get mapTileOrigin() {
		return tileOrigin(serverEnv.mapTiles.url);
	},
	/**
	 * 住所から位置を探す on the place form: a URL with `{q}` for the address,
	 * answering as 国土地理院's address search does (the default); `off` hides the button.
	 */
	get geocoderUrl() {
		const url = env.TSUNAGU_GEOCODER_URL?.trim();
		if (url === 'off') return '';
		return url || 'https://msearch.gsi.go.jp/address-search/AddressSearch?q={q}';
	},
	/** How long one call to the database API may take before the page gives up (503). */
	get dbTimeoutMs() {
		const ms = Number(env.TSUNAGU_DB_TIMEOUT_MS || 5000);
		return Number.isFinite(ms) && ms > 0 ? ms : 5000;
	}
};
