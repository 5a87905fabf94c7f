// The filters of /places in the address (?q=&area=<slug>&kind=&audience=&day=1-8
// &free=1&meals=1&transport=1&easy=1): one reading for the page and for its map's
// points (points.json takes the same query), so both always show the same places.
import { isPlaceAudience, isPlaceDay, isPlaceKind } from '$lib/places/types';
import type { PlaceFilters } from '$lib/server/db/places';

export interface PlaceFilterValues {
	q: string;
	area: string;
	kind: string;
	audience: string;
	day: string;
	free: boolean;
	meals: boolean;
	transport: boolean;
	/** has a やさしい日本語 version */
	easy: boolean;
}

export function readPlaceFilters(
	params: URLSearchParams,
	areas: { id: string; slug: string }[]
): { values: PlaceFilterValues; filters: PlaceFilters } {
	const q = (params.get('q') ?? '').trim().slice(0, 100);
	const area = areas.find((a) => a.slug === params.get('area'));
	const kind = params.get('kind') ?? '';
	const audience = params.get('audience') ?? '';
	const day = Number(params.get('day'));
	const on = (name: string) => params.get(name) === '1';
	const values: PlaceFilterValues = {
		q,
		area: area?.slug ?? '',
		kind: isPlaceKind(kind) ? kind : '',
		audience: isPlaceAudience(audience) ? audience : '',
		day: isPlaceDay(day) ? String(day) : '',
		free: on('free'),
		meals: on('meals'),
		transport: on('transport'),
		easy: on('easy')
	};
	return {
		values,
		filters: {
			q,
			areaId: area?.id,
			kind: values.kind || undefined,
			audience: values.audience || undefined,
			day: isPlaceDay(day) ? day : undefined,
			free: values.free,
			meals: values.meals,
			transport: values.transport,
			easy: values.easy
		}
	};
}
