// Awards as pages show them: the citation rendered once on the server
// (renderMarkdown), for AwardList and the timeline.
import { localizeHref } from '$lib/paraglide/runtime';
import type { AwardItem, AwardView } from '$lib/recognition/types';
import { findAward } from '$lib/server/db/awards';
import type { Db } from '$lib/server/db/client';
import { renderMarkdown } from '$lib/server/markdown';

export const withCitations = (awards: AwardItem[]): AwardView[] =>
	awards.map((a) => ({ ...a, citationHtml: renderMarkdown(a.citation) }));

/**
 * Where a coordinator lands after giving or changing an award: the award on
 * its recipient's page, which lists all of the recipient's awards (the
 * timeline shows 20 a page, newest first, so a back-dated award may not be
 * on its first page); the timeline when the recipient has no page.
 */
export async function awardLanding(db: Db, id: string) {
	const award = await findAward(db, id);
	const path = award?.recipient.path ?? '/recognition';
	return `${localizeHref(path)}#award-${id}`;
}
