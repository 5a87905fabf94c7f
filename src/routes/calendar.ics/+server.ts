// The public events feed, with the same filters as /events and /calendar
// (?area=tokiwadaira&field=children…): published and cancelled occurrences of
// the last 30 days and the next 12 months, one VEVENT each. Calendar apps poll
// it: the ETag is made from the version of the public events, the address, the
// language, the day and the build, so an unchanged feed is answered 304 before
// any date is read or rendered, and sent without reading or rendering them again
// to the many that ask without the tag (renderedOnce).
import { error } from '@sveltejs/kit';
import { version } from '$app/environment';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { feedOccurrences, publicEventsVersion } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { publicFeedWindow } from '$lib/server/events/feeds';
import { readFilters } from '$lib/server/events/filters';
import { buildOccurrenceCalendar } from '$lib/server/events/ical';
import { feedContext, icsResponse } from '$lib/server/events/ics-response';
import { notModified, versionTag } from '$lib/server/http/cached';
import { renderedOnce } from '$lib/server/kept';
import { localName } from '$lib/taxonomy/names';
import type { RequestHandler } from './$types';

const CACHE_CONTROL = 'public, max-age=300';

export const GET: RequestHandler = async ({ url, request }) => {
	const db = requestDb();
	const window = publicFeedWindow();
	const locale = getLocale();
	const etag = versionTag(
		await publicEventsVersion(db),
		window.from.toISOString(),
		url.pathname + url.search,
		locale,
		version
	);
	const unchanged = notModified(request, etag, CACHE_CONTROL);
	if (unchanged) return unchanged;

	// the tag names the data, the address, the language and the day; the UIDs and links also
	// name the host
	const body = await renderedOnce(`${url.origin} ${etag}`, async () => {
		const read = await readFilters(db, url.searchParams);
		// an unknown area or field would otherwise turn a narrow subscription into everything
		if (read.unknown) error(404, 'Not Found');
		const items = await feedOccurrences(db, read.filters, window);
		const narrowed = [
			read.area && localName(read.area, locale),
			read.field && localName(read.field, locale),
			read.organization?.name,
			read.values.q && `“${read.values.q}”`
		].filter(Boolean);
		const name = narrowed.length
			? `${m.ical_public_name()} (${narrowed.join(' / ')})`
			: m.ical_public_name();
		return buildOccurrenceCalendar(items, feedContext(url, name));
	});
	return icsResponse(request, body, { cacheControl: CACHE_CONTROL, etag });
};
