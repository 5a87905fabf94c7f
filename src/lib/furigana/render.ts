// Text as HTML for a component's template: escaped, with readings over its
// kanji while the person has ふりがな on. Every `{expression}` written as text
// in a component becomes `{@html rubyText(expression)}` at build time
// (scripts/lib/furigana-preprocess.js; `ui` for the interface's messages, whose
// readings come from the messages, made ahead). Content takes the readings
// stored when it was saved, which its page brings as `readings`, and the
// interface's compounds, for labels a component gets from elsewhere. The
// reading table (area and town names, coordinators' words) serves both.
// Reads page.data, so it runs only while a component renders.
import { page } from '$app/state';
import { annotate, compoundsOf, escapeHtml, partsToHtml } from './ruby';

export function rubyText(value: unknown, ui = false): string {
	// what Svelte's {expression} prints: text, numbers, and nothing for null and undefined
	// eslint-disable-next-line @typescript-eslint/no-base-to-string -- as Svelte does
	const text = value == null ? '' : String(value);
	const furigana = page.data.furigana;
	if (!furigana) return escapeHtml(text);
	const parts = ui
		? annotate(text, furigana.ui, furigana.table, page.data.readings)
		: annotate(text, page.data.readings, furigana.table, compoundsOf(furigana.ui));
	return partsToHtml(parts);
}
