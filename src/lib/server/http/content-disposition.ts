// Content-Disposition for downloads (CSV, .ics): an ASCII file name for old
// clients and the real one, RFC 5987 encoded, for everybody else (RFC 6266).

/** A file name without control characters or those file systems refuse; at most `max` characters. */
export function safeFileName(name: string, max = 100): string {
	const clean = name
		.replace(/[\p{Cc}"\\/:*?<>|]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return [...clean].slice(0, max).join('').trim();
}

/** RFC 5987 ext-value characters: everything else is percent-encoded. */
const rfc5987 = (value: string) =>
	encodeURIComponent(value).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);

/** attachment; filename="<asciiFallback>"; filename*=UTF-8''<fileName> */
export function attachment(fileName: string, asciiFallback: string): string {
	return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}
