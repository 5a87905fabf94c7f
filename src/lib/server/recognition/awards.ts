// Awards as pages show them: the citation rendered once on the server
// (renderMarkdown), for AwardList and the timeline.
import type { AwardItem, AwardView } from '$lib/recognition/types';
import { renderMarkdown } from '$lib/server/markdown';

export const withCitations = (awards: AwardItem[]): AwardView[] =>
	awards.map((a) => ({ ...a, citationHtml: renderMarkdown(a.citation) }));
