// やさしい times while ふりがな is on (issue 16): the 24-hour clock as the
// guideline for やさしい日本語 asks, ごぜん and ごご with 時 and 分, and a range
// as から … まで: 10:00〜12:00 → ごぜん10時から ごご0時まで. Applied by the reader
// to the text a page shows; dates (2027年1月12日（火）) read as they are, with
// their readings.
const TIME =
	/(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?:\s*([〜~～])\s*(?:([01]?\d|2[0-3]):([0-5]\d))?)?(?![\d:])/g;

function gentle(hours: string, minutes: string): string {
	const h = Number(hours);
	const m = Number(minutes);
	return `${h < 12 ? 'ごぜん' : 'ごご'}${h % 12}時${m ? `${m}分` : ''}`;
}

export function gentleTimes(text: string): string {
	if (!text.includes(':')) return text;
	return text.replace(
		TIME,
		(all, h1: string, m1: string, tilde?: string, h2?: string, m2?: string) => {
			if (h2 && m2) return `${gentle(h1, m1)}から ${gentle(h2, m2)}まで`;
			if (tilde) return `${gentle(h1, m1)}から`;
			return gentle(h1, m1);
		}
	);
}
