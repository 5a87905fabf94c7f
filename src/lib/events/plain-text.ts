// An event's description is Markdown; a flyer or a card shows its first lines
// as plain text (no markup, no links), cut at a whole line where it can be.

/** Markdown → plain lines: no headings, emphasis, links, images, HTML, code fences or list marks. */
export function markdownLines(markdown: string): string[] {
	const lines: string[] = [];
	let inFence = false;
	for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
		if (/^\s*(```|~~~)/.test(raw)) {
			inFence = !inFence;
			continue;
		}
		if (inFence) continue;
		const line = raw
			// images, then links: their text only
			.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/<[^>]*>/g, '')
			// block marks: headings, quotes, list bullets and numbers, rules
			.replace(/^\s{0,3}#{1,6}\s+/, '')
			.replace(/^\s*(>\s*)+/, '')
			.replace(/^\s*([-*+]|\d+[.)])\s+/, '・')
			.replace(/^\s*([-*_]\s*){3,}$/, '')
			// emphasis and inline code
			.replace(/(\*\*|__)(.+?)\1/g, '$2')
			.replace(/(\*|_)(\S(?:.*?\S)?)\1/g, '$2')
			.replace(/`([^`]*)`/g, '$1')
			.replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
			.trim();
		if (line) lines.push(line);
	}
	return lines;
}

/**
 * The first `maxLines` lines of the description, at most `maxChars`
 * characters in all; a line cut short ends with "…" (whole lines left out
 * are simply not shown: the page has the rest).
 */
export function firstLines(markdown: string, maxLines = 3, maxChars = 160): string[] {
	const lines = markdownLines(markdown);
	const shown: string[] = [];
	let used = 0;
	for (const line of lines.slice(0, maxLines)) {
		const room = maxChars - used;
		if (room <= 0) break;
		if (line.length > room) {
			shown.push(`${line.slice(0, Math.max(room - 1, 1))}…`);
			return shown;
		}
		shown.push(line);
		used += line.length;
	}
	return shown;
}
