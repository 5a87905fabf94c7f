// A short, human label for a session's User-Agent ("Chrome / Android").
export function deviceLabel(userAgent: string | null): string | null {
	if (!userAgent) return null;
	const ua = userAgent;
	const browser = /Edg\//.test(ua)
		? 'Edge'
		: /(Chrome|CriOS|HeadlessChrome)\//.test(ua)
			? 'Chrome'
			: /(Firefox|FxiOS)\//.test(ua)
				? 'Firefox'
				: /Safari\//.test(ua)
					? 'Safari'
					: null;
	const os = /iPhone/.test(ua)
		? 'iPhone'
		: /iPad/.test(ua)
			? 'iPad'
			: /Android/.test(ua)
				? 'Android'
				: /Windows/.test(ua)
					? 'Windows'
					: /Mac OS X|Macintosh/.test(ua)
						? 'Mac'
						: /CrOS/.test(ua)
							? 'ChromeOS'
							: /Linux/.test(ua)
								? 'Linux'
								: null;
	if (!browser && !os) return null;
	return [browser, os].filter(Boolean).join(' / ');
}
