// Atom 1.0 of newly published practices (the newest 50), for feed readers;
// /practices links to it with <link rel="alternate">. It is the same for
// everyone (hooks.server.ts reads no session for it: shared caches may keep
// it), so its ETag is made from the version of the public practices, the
// origin, the language and the build: a poll of an unchanged feed is answered
// 304 before anything is read, and the practices are read once per version
// for all who ask without it.
import { version } from '$app/environment';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { latestPractices, publicPracticesVersion } from '$lib/server/db/practices';
import { requestDb } from '$lib/server/db/request';
import { notModified, versionTag } from '$lib/server/http/cached';
import { readOnce } from '$lib/server/kept';
import { atomResponse, buildPracticesAtom, feedUpdated } from '$lib/server/practices/feed';
import type { RequestHandler } from './$types';

const ENTRIES = 50;
const CACHE_CONTROL = 'public, max-age=300';

export const GET: RequestHandler = async ({ url, request }) => {
	const db = requestDb();
	const practicesVersion = await publicPracticesVersion(db);
	const etag = versionTag(practicesVersion, url.origin, getLocale(), version);
	const unchanged = notModified(request, etag, CACHE_CONTROL);
	if (unchanged) return unchanged;
	const practices = await readOnce(`practices feed ${practicesVersion} ${ENTRIES}`, () =>
		latestPractices(db, ENTRIES)
	);
	const body = buildPracticesAtom(practices, {
		origin: url.origin,
		title: m.read_practice_feed_title(),
		siteName: m.site_name(),
		pageUrl: `${url.origin}/practices`,
		selfUrl: `${url.origin}/practices.atom`
	});
	return atomResponse(request, body, feedUpdated(practices), { cacheControl: CACHE_CONTROL, etag });
};
