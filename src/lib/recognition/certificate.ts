// The certificate (表彰状): what sizes its text so that it fits one sheet. Client-safe.

/** The citation's size on paper: longer text, smaller type (the database caps it at 600). */
export function citationSize(citation: string): 'large' | 'medium' | 'small' | 'tiny' {
	const n = [...citation].length;
	if (n <= 120) return 'large';
	if (n <= 250) return 'medium';
	if (n <= 420) return 'small';
	return 'tiny';
}

/** A date in the era split so that numbers of one or two digits stand upright in vertical text (縦中横). */
export function uprightParts(text: string): { text: string; upright: boolean }[] {
	return text
		.split(/(\d+)/)
		.filter(Boolean)
		.map((part) => ({ text: part, upright: /^\d{1,2}$/.test(part) }));
}
