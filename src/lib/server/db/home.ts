// The home page's sections in one request (home_sections, migration
// 20261222000000_event_page: JSON built in SQL under the reader's RLS): its six
// featured practices, four active threads and four latest awards, each as the
// request it replaced read it, and the version of the public events read in
// the same statement. The page then reads its next events and the areas, kept
// per that version (kept-lists.ts: readerAt).
import type { Db } from '$lib/server/db/client';
import { toAward, type AwardRow } from '$lib/server/db/awards';
import { dbFailure } from '$lib/server/db/errors';
import { homePracticeOf, type HomePracticeJson } from '$lib/server/db/practice-pages';
import { activeThreadOf, type ActiveThreadJson } from '$lib/server/db/threads';

/** home_sections, as the SQL function writes it. */
interface HomeSectionsJson {
	practices: HomePracticeJson[];
	threads: ActiveThreadJson[];
	awards: AwardRow[];
	events_version: number;
}

/**
 * The featured practices in the coordinators' order, the threads that show to
 * everybody with the newest activity first, the awards newest first.
 */
export async function homeSections(db: Db) {
	const { data, error } = await db.rpc('home_sections');
	if (error) dbFailure(error);
	// the generated types call a jsonb result `Json`: this is what home_sections writes
	const json: unknown = data;
	const sections = json as HomeSectionsJson;
	return {
		practices: sections.practices.map(homePracticeOf),
		threads: sections.threads.map(activeThreadOf),
		awards: sections.awards.map(toAward),
		eventsVersion: sections.events_version
	};
}
