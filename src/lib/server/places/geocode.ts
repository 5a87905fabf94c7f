// 住所から位置を探す: the address typed on the place form, looked up by the
// geocoder the deployment configures (国土地理院's address search by default:
// free, no key, made for Japanese addresses). On the server, from a form
// button: it works without JavaScript, and the browser talks to nobody but the
// site (no CSP exception). A failure is a message next to the address, never
// an error page: the map and the two fields still work.
import { serverEnv } from '$lib/server/env';
import { logEvent } from '$lib/server/log';

export interface Located {
	latitude: number;
	longitude: number;
	/** what the geocoder matched (「千葉県松戸市常盤平三丁目」), to show */
	title: string;
}

const inJapan = (lat: number, lng: number) => lat >= 20 && lat <= 46 && lng >= 122 && lng <= 154;

/**
 * The first hit inside Japan of a 国土地理院 AddressSearch answer: an array of
 * `{ geometry: { coordinates: [longitude, latitude] }, properties: { title } }`.
 */
export function firstPoint(body: unknown): Located | null {
	if (!Array.isArray(body)) return null;
	for (const item of body as unknown[]) {
		if (typeof item !== 'object' || item === null) continue;
		const { geometry, properties } = item as {
			geometry?: { coordinates?: unknown };
			properties?: { title?: unknown };
		};
		const c = geometry?.coordinates;
		if (!Array.isArray(c) || c.length < 2) continue;
		const [lng, lat] = c.map(Number);
		if (!Number.isFinite(lat) || !Number.isFinite(lng) || !inJapan(lat, lng)) continue;
		return {
			latitude: Math.round(lat * 1e6) / 1e6,
			longitude: Math.round(lng * 1e6) / 1e6,
			title: typeof properties?.title === 'string' ? properties.title : ''
		};
	}
	return null;
}

/** The point of an address, null when the geocoder knows none, 'unavailable' when it did not answer (or is off). */
export async function geocode(
	address: string,
	fetcher: typeof fetch = fetch
): Promise<Located | null | 'unavailable'> {
	const template = serverEnv.geocoderUrl;
	if (!template) return 'unavailable';
	try {
		const response = await fetcher(template.replace('{q}', encodeURIComponent(address)), {
			headers: { accept: 'application/json' },
			signal: AbortSignal.timeout(5000)
		});
		if (!response.ok) throw new Error(`status ${response.status}`);
		return firstPoint(await response.json());
	} catch (e) {
		logEvent('geocoder_failed', { error: e instanceof Error ? e.message : String(e) });
		return 'unavailable';
	}
}
