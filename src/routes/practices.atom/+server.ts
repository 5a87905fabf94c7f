// Atom 1.0 of newly published practices (the newest 50), for feed readers;
// /practices links to it with <link rel="alternate">.
import { m } from '$lib/paraglide/messages';
import { latestPractices } from '$lib/server/db/practices';
import { requestDb } from '$lib/server/db/request';
import { atomResponse, buildPracticesAtom, feedUpdated } from '$lib/server/practices/feed';
import type { RequestHandler } from './$types';

const ENTRIES = 50;

export const GET: RequestHandler = async ({ url, request }) => {
	const practices = await latestPractices(requestDb(), ENTRIES);
	const body = buildPracticesAtom(practices, {
		origin: url.origin,
		title: m.read_practice_feed_title(),
		pageUrl: `${url.origin}/practices`,
		selfUrl: `${url.origin}/practices.atom`
	});
	return atomResponse(request, body, feedUpdated(practices), {
		cacheControl: 'public, max-age=300'
	});
};
