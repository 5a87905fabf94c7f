// The maps of places (client-safe): the tile server the deployment configures
// (serverEnv.mapTiles), the geometry PlaceMap and PointPicker need, and Leaflet
// itself, imported only when a map is shown so that no page's first JavaScript
// carries it. A map is always an extra: the list and the two text fields are
// the page without it.
import type * as Leaflet from 'leaflet';

/** Where a map with nothing on it starts. */
export interface MapCenter {
	latitude: number;
	longitude: number;
	zoom: number;
}

/** The tile server (TSUNAGU_MAP_TILE_URL and its attribution), from the page's load. */
export interface MapTiles {
	/** a Leaflet URL template: `https://tile.openstreetmap.org/{z}/{x}/{y}.png` */
	url: string;
	attribution: string;
	attributionUrl: string;
	/** the municipality (TSUNAGU_MAP_CENTER), if set */
	center?: MapCenter;
}

/** The names of Leaflet's buttons (English in Leaflet) in the page's language. */
export interface MapControlLabels {
	zoomIn: string;
	zoomOut: string;
	closePopup: string;
}

/** The zoom buttons' options: Leaflet's own titles unless the page gives its words. */
export function zoomOptions(labels: MapControlLabels | undefined): Leaflet.Control.ZoomOptions {
	// a key set to undefined would reach Leaflet as the title "undefined"
	return labels ? { zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut } : {};
}

/** A place on a map: its marker's name and the link in its popup. */
export interface MapPoint {
	id: string;
	name: string;
	latitude: number;
	longitude: number;
	href: string;
}

/** All of Japan, when neither the page nor the deployment says where. */
export const JAPAN: MapCenter = { latitude: 36.5, longitude: 137.5, zoom: 5 };
/** Fitting the map to its points never zooms in closer than this (one point: a few streets). */
export const FIT_MAX_ZOOM = 16;
/** What 地理院タイル and most servers have; OpenStreetMap has 19. */
export const TILE_MAX_ZOOM = 18;

const inRange = (latitude: number, longitude: number) =>
	Number.isFinite(latitude) &&
	Number.isFinite(longitude) &&
	Math.abs(latitude) <= 90 &&
	Math.abs(longitude) <= 180;

/** South-west and north-east corners of the points, or null for none. */
export function boundsOf(
	points: readonly { latitude: number; longitude: number }[]
): [[number, number], [number, number]] | null {
	const valid = points.filter((p) => inRange(p.latitude, p.longitude));
	if (!valid.length) return null;
	const lats = valid.map((p) => p.latitude);
	const lngs = valid.map((p) => p.longitude);
	return [
		[Math.min(...lats), Math.min(...lngs)],
		[Math.max(...lats), Math.max(...lngs)]
	];
}

/** A typed number as the place form reads it (full-width digits, spaces and commas allowed). */
function typed(value: string): number | null {
	const v = value.normalize('NFKC').replace(/[,\s]/g, '');
	return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : null;
}

/** The point the form's two text fields hold, or null while they hold none. */
export function parsePoint(
	latitude: string,
	longitude: string
): { latitude: number; longitude: number } | null {
	const lat = typed(latitude);
	const lng = typed(longitude);
	return lat !== null && lng !== null && inRange(lat, lng)
		? { latitude: lat, longitude: lng }
		: null;
}

/** A coordinate for the form: 6 decimals (about 10 cm), as the form's hint shows. */
export const coordinate = (value: number) => value.toFixed(6);

/** TSUNAGU_MAP_CENTER, `latitude,longitude,zoom` (zoom optional, 13), or undefined. */
export function parseMapCenter(value: string | undefined): MapCenter | undefined {
	const parts = (value ?? '').split(',').map((s) => s.trim());
	if (parts.length < 2 || parts.length > 3) return undefined;
	const point = parsePoint(parts[0], parts[1]);
	const zoom = parts[2] ? typed(parts[2]) : 13;
	if (!point || zoom === null || zoom < 0 || zoom > TILE_MAX_ZOOM) return undefined;
	return { ...point, zoom };
}

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
	);

/** Leaflet takes the attribution as HTML: the configured text, escaped, linked to its licence. */
export function attributionHtml(tiles: MapTiles): string {
	const text = escapeHtml(tiles.attribution);
	return /^https?:\/\//i.test(tiles.attributionUrl)
		? `<a href="${escapeHtml(tiles.attributionUrl)}" rel="external">${text}</a>`
		: text;
}

/**
 * Leaflet and its stylesheet, fetched the first time a map is shown. Leaflet
 * 1.9 is published as UMD (CommonJS to Vite), so the module may come as its
 * `default`.
 */
export async function loadLeaflet(): Promise<typeof Leaflet> {
	const [leaflet] = await Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')]);
	return 'default' in leaflet ? leaflet.default : leaflet;
}

/**
 * A pin drawn with CSS, no image (Leaflet's default marker images break once
 * bundled): a rounded square turned so that one corner points down. Styled
 * through the DOM, which the CSP allows, not with a style attribute in HTML.
 * The selected place's pin is larger and red, so it differs by more than colour.
 * A new element per marker: Leaflet moves an element given as `html`.
 */
export function pinIcon(L: typeof Leaflet, selected = false): Leaflet.DivIcon {
	const size = selected ? 40 : 30;
	// the round top is half the square, the tip half its diagonal below the centre
	const side = Math.round(size / (0.5 + Math.SQRT1_2));
	const pin = document.createElement('span');
	Object.assign(pin.style, {
		position: 'absolute',
		left: `${(size - side) / 2}px`,
		top: '0',
		width: `${side}px`,
		height: `${side}px`,
		borderRadius: '50% 50% 50% 0',
		transform: 'rotate(-45deg)',
		background: selected ? 'var(--color-primitive-red-800)' : 'var(--accent)',
		border: '2px solid var(--color-neutral-white)',
		boxShadow: '0 0 0 1px var(--color-neutral-black)'
	});
	const dot = document.createElement('span');
	Object.assign(dot.style, {
		position: 'absolute',
		inset: '30%',
		borderRadius: '50%',
		background: 'var(--color-neutral-white)'
	});
	pin.append(dot);
	return L.divIcon({
		className: 'tsunagu-pin',
		html: pin,
		iconSize: [size, size],
		// the tip, at the bottom middle of the box
		iconAnchor: [size / 2, size],
		popupAnchor: [0, -size]
	});
}

/** Animations off for people who ask their system for less motion. */
export const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The tile layer of `tiles`, with its attribution. */
export function tileLayer(L: typeof Leaflet, tiles: MapTiles): Leaflet.TileLayer {
	return L.tileLayer(tiles.url, {
		attribution: attributionHtml(tiles),
		maxZoom: TILE_MAX_ZOOM
	});
}
