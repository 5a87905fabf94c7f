// The open datasets /opendata lists: where each is, in which formats, and
// its columns. What the pages and the files say comes from here.
import { version } from '$app/environment';
import { tokyoDayStart } from '$lib/format';
import { publicEventsVersion } from '$lib/server/db/events';
import { openDataEvents, openDataPlaces } from '$lib/server/db/opendata';
import { requestDb } from '$lib/server/db/request';
import { serverEnv } from '$lib/server/env';
import { KEPT_VARY, cachedResponse, notModified, versionTag } from '$lib/server/http/cached';
import { renderedOnce } from '$lib/server/kept';
import {
	EVENT_EXTRA_COLUMNS,
	EVENT_STANDARD_COLUMNS,
	eventRecords,
	type EventColumn,
	type Municipality
} from './events';
import {
	FACILITY_EXTRA_COLUMNS,
	FACILITY_STANDARD_COLUMNS,
	facilityRecords,
	KAYOINOBA_EXTRA_COLUMNS,
	KAYOINOBA_STANDARD_COLUMNS,
	kayoinobaRecords
} from './places';

/** The published events' dates from a year back on. */
export const OPEN_EVENTS_DAYS_BACK = 365;

/**
 * The first instant of 「イベント一覧」: a year before today, in whole Tokyo days, so that the
 * file changes only when the data does or the day turns (its ETag names the version and the day).
 */
const openEventsFrom = (now = new Date()) =>
	new Date(tokyoDayStart(now).getTime() - OPEN_EVENTS_DAYS_BACK * 86_400_000);
/** Open data changes slowly; caches may keep it an hour (an ETag answers 304 after that). */
export const OPEN_DATA_CACHE = 'public, max-age=3600';

export function municipality(): Municipality {
	return {
		code: serverEnv.municipalityCode,
		prefecture: serverEnv.prefectureName,
		name: serverEnv.municipalityName
	};
}

export function datasets() {
	return [
		{
			id: 'events',
			files: [
				{ format: 'CSV', path: '/opendata/events.csv' },
				{ format: 'JSON', path: '/opendata/events.json' }
			],
			standard: [...EVENT_STANDARD_COLUMNS],
			extra: [...EVENT_EXTRA_COLUMNS]
		},
		{
			id: 'places',
			files: [
				{ format: 'CSV', path: '/opendata/places.csv' },
				{ format: 'JSON', path: '/opendata/places.json' }
			],
			standard: [...KAYOINOBA_STANDARD_COLUMNS],
			extra: [...KAYOINOBA_EXTRA_COLUMNS]
		},
		{
			id: 'facilities',
			files: [
				{ format: 'CSV', path: '/opendata/facilities.csv' },
				{ format: 'JSON', path: '/opendata/facilities.json' }
			],
			standard: [...FACILITY_STANDARD_COLUMNS],
			extra: [...FACILITY_EXTRA_COLUMNS]
		}
	] as const;
}

/**
 * The ETag of 「イベント一覧」 in one file: the version of the public events (any change to
 * what the file shows raises it), its first day, the site, the municipality and licence it
 * names, the file and the build. A copy asked for again is answered 304 before a row is read.
 */
async function eventsDatasetTag(origin: string, from: Date, file: string) {
	const dataVersion = await publicEventsVersion(requestDb());
	const m = municipality();
	return versionTag(
		dataVersion,
		from.toISOString(),
		origin,
		m.code,
		m.prefecture,
		m.name,
		JSON.stringify(serverEnv.openDataLicense),
		file,
		version
	);
}

/** The rows of 「イベント一覧」 (CSV and JSON alike) from `from`, links to the site of `origin`. */
async function loadEventRecords(origin: string, from: Date) {
	const events = await openDataEvents(requestDb(), from);
	return eventRecords(events, {
		municipality: municipality(),
		eventUrl: (id) => new URL(`/events/${id}`, origin).href
	});
}

/**
 * 「イベント一覧」 as one file, written by `write` from its rows: answered 304 by its tag before
 * a row is read, else made once for all who ask for it at the same time (kept while small).
 */
export async function eventsDatasetResponse(
	request: Request,
	origin: string,
	file: 'events.csv' | 'events.json',
	write: (records: Record<EventColumn, string>[]) => string,
	response: { contentType: string; headers?: Record<string, string> }
) {
	const from = openEventsFrom();
	const etag = await eventsDatasetTag(origin, from, file);
	const unchanged = notModified(request, etag, OPEN_DATA_CACHE, {
		...response.headers,
		...KEPT_VARY
	});
	if (unchanged) return unchanged;
	const body = await renderedOnce(etag, async () => write(await loadEventRecords(origin, from)));
	return cachedResponse(request, body, { ...response, cacheControl: OPEN_DATA_CACHE, etag });
}

/** The rows of 「通いの場」 (places.csv/json): published 通いの場 and 居場所. */
export async function loadKayoinobaRecords() {
	const places = await openDataPlaces(requestDb(), ['kayoinoba', 'ibasho']);
	return kayoinobaRecords(places, { municipality: municipality() });
}

/** The rows of 「公共施設一覧」 (facilities.csv/json): published meeting places. */
export async function loadFacilityRecords() {
	const places = await openDataPlaces(requestDb(), ['meeting_place']);
	return facilityRecords(places, { municipality: municipality() });
}
