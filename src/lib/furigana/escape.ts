/** Text as HTML text: what Svelte's {expression} escapes, and quotes. */
export const escapeHtml = (s: string): string =>
	s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
