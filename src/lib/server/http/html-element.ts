// src/app.html writes the page's <html> element with placeholders that each
// request fills: its language, 文字サイズ and 見やすい表示 (hooks.server.ts).
// Filled in that element only: the rest of the page (tens of KB) is neither
// searched nor copied once per placeholder.
export function fillHtmlElement(html: string, values: Record<string, string>): string {
	const start = html.indexOf('<html');
	// a later chunk of a streamed page has no <html>
	if (start < 0) return html;
	const end = html.indexOf('>', start) + 1;
	let element = html.slice(0, end);
	for (const [placeholder, value] of Object.entries(values)) {
		element = element.replace(placeholder, value);
	}
	return element + html.slice(end);
}
