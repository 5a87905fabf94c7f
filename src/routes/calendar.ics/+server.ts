// The public events feed, with the same filters as /events and /calendar
// (?area=tokiwadaira&field=children…): published and cancelled occurrences of
// the last 30 days and the next 12 months, one VEVENT each, at most 500, those to
// come first (feedDates). Calendar apps poll
// it: the ETag is made from the version of the public events, the address, the
// language, the day and the build, so an unchanged feed is answered 304 before
// any date is read or rendered, and a visitor's is sent without reading or
// rendering them again to the many that ask without the tag (renderedOnce), gzip-
// compressed once for those that accept it (cachedResponse).
// Made again after a change, or at another address, it reads the dates' ids and
// versions, and reads in full and renders only the dates whose VEVENT is not
// kept (buildDatedCalendar, keptFeedVevents).
import { error } from '@sveltejs/kit';
import { version } from '$app/environment';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { feedDates, feedItems, publicEventsVersion } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { publicFeedWindow } from '$lib/server/events/feeds';
import { readFilters } from '$lib/server/events/filters';
import { buildDatedCalendar } from '$lib/server/events/ical';
import { feedContext, icsResponse } from '$lib/server/events/ics-response';
import { KEPT_VARY, notModified, versionTag } from '$lib/server/http/cached';
import { keptFeedVevents, renderedOnce } from '$lib/server/kept';
import { localName } from '$lib/taxonomy/names';
import type { RequestHandler } from './$types';

const CACHE_CONTROL = 'public, max-age=300';
/** a signed-in person's feed may show what visitors may not: no shared cache keeps it */
const CACHE_CONTROL_SIGNED_IN = 'private, max-age=300';

export const GET: RequestHandler = async ({ url, request, locals }) => {
	const db = requestDb();
	const window = publicFeedWindow();
	const locale = getLocale();
	const cacheControl = locals.user ? CACHE_CONTROL_SIGNED_IN : CACHE_CONTROL;
	const eventsVersion = await publicEventsVersion(db);
	const etag = versionTag(
		eventsVersion,
		window.from.toISOString(),
		url.pathname + url.search,
		locale,
		version
	);
	const unchanged = notModified(request, etag, cacheControl, KEPT_VARY);
	if (unchanged) return unchanged;

	const render = async () => {
		const read = await readFilters(db, url.searchParams, eventsVersion);
		// an unknown area or field would otherwise turn a narrow subscription into everything
		if (read.unknown) error(404, 'Not Found');
		const dates = await feedDates(db, read.filters, window);
		const narrowed = [
			read.area && localName(read.area, locale),
			read.field && localName(read.field, locale),
			read.organization?.name,
			read.values.q && `“${read.values.q}”`
		].filter(Boolean);
		const name = narrowed.length
			? `${m.ical_public_name()} (${narrowed.join(' / ')})`
			: m.ical_public_name();
		return buildDatedCalendar(
			dates,
			(ids) => feedItems(db, ids),
			feedContext(url, name),
			keptFeedVevents
		);
	};
	// Calendar apps ask as visitors: their feed is kept, under the tag (the data, the address,
	// the language, the day) and the origin (the UIDs and links name the host). A signed-in
	// person may read more (an organization hidden from the public, to its members): theirs is
	// made for them and kept for nobody.
	const body = locals.user ? await render() : await renderedOnce(`${url.origin} ${etag}`, render);
	return icsResponse(request, body, { cacheControl, etag });
};
