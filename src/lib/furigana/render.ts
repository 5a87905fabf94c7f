// Text as HTML for a component's template: escaped, or with readings over its
// kanji while the person has ふりがな on. Every `{expression}` written as text
// in a component becomes `{@html rubyText(expression)}` at build time
// (scripts/lib/furigana-preprocess.js; `ui` for the interface's messages).
// Kept small on purpose: it is in every page's JavaScript, while the reading
// itself (./reader.ts) is loaded by the root layout only when ふりがな is on
// and comes as page.data.furigana. Reads page.data, so it runs only while a
// component renders.
import { page } from '$app/state';
import { escapeHtml } from './escape';

export function rubyText(value: unknown, ui = false): string {
	// what Svelte's {expression} prints: text, numbers, and nothing for null and undefined (as Svelte does)
	const text = value == null ? '' : String(value);
	const furigana = page.data.furigana;
	return furigana ? furigana.read(text, ui, page.data.readings) : escapeHtml(text);
}
