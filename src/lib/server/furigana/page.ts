// ふりがな in a page's load: the words of the content it shows, read by id in
// one request, only while the person has ふりがな on (else nothing is read
// and the page is as it was). Rendered Markdown gets its ruby here, on the
// server, so that the HTML the browser hydrates is the same.
import type { Cookies } from '@sveltejs/kit';
import { annotateHtml, type Readings } from '$lib/furigana/ruby';
import type { Db } from '$lib/server/db/client';
import { contentReadings } from '$lib/server/db/furigana';
import { readFurigana } from '$lib/server/preferences';

export async function pageReadings(
	cookies: Cookies,
	db: Db,
	ids: readonly (string | null | undefined)[]
): Promise<Readings | undefined> {
	if (!readFurigana(cookies)) return undefined;
	return contentReadings(db, ids);
}

/** Rendered HTML with readings over its words, when there are readings. */
export const withReadings = (html: string, readings: Readings | undefined): string =>
	readings ? annotateHtml(html, readings) : html;

/** Posts (or anything with rendered HTML) with readings over their words. */
export const postsWithReadings = <P extends { bodyHtml: string | null }>(
	posts: P[],
	readings: Readings | undefined
): P[] =>
	readings
		? posts.map((p) => ({ ...p, bodyHtml: p.bodyHtml && annotateHtml(p.bodyHtml, readings) }))
		: posts;
