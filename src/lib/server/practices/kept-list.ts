// A visitor's page of /practices, kept per version of the public practices
// (public_practices_version, `$lib/server/kept`), as the events' lists are kept
// per version of the public events (events/kept-lists.ts, whose Reader it
// shares): the same search, page and count for everybody who reads as a
// visitor, and a change to anything a card shows or a filter matches is a new
// version. Anybody else's is read for them: RLS may show them more (the name of
// an organization hidden from the public, to its members and coordinators).
import type { ListedPractice, PracticeCard } from '$lib/practices/types';
import type { Db } from '$lib/server/db/client';
import { listPractices, type PracticeFilters } from '$lib/server/db/practices';
import type { Reader } from '$lib/server/events/kept-lists';
import { readOnce } from '$lib/server/kept';

// what a card shows, nothing more: the page is in the HTML and again in the data that hydrates it
const listed = (p: PracticeCard): ListedPractice => ({
	id: p.id,
	title: p.title,
	summary: p.summary,
	leadOrganization: { name: p.leadOrganization.name },
	cover: p.cover,
	areas: p.areas,
	fields: p.fields
});

async function readList(db: Db, filters: PracticeFilters, page: number) {
	const { practices, total, totalCapped } = await listPractices(db, filters, page);
	return { practices: practices.map(listed), total, totalCapped };
}

/** A page of /practices' cards with the count, kept for visitors. What it gives is shared: it must not be changed. */
export function practiceList(db: Db, reader: Reader, filters: PracticeFilters, page: number) {
	if (!reader.visitor) return readList(db, filters, page);
	return readOnce(`practices ${reader.version} ${JSON.stringify(filters)} ${page}`, () =>
		readList(db, filters, page)
	);
}
