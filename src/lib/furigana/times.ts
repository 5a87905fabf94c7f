// やさしい times while ふりがな is on (issue 16): the 24-hour clock as the
// guideline for やさしい日本語 asks, ごぜん and ごご with 時 and 分, and a range
// as から … まで: 10:00〜12:00 → ごぜん10時から ごご0時まで, across days
// 22:00〜12月11日(金) 1:00 → ごご10時から 12月11日(金) ごぜん1時まで, and days
// 12月10日(木)〜12月11日(金) → 12月10日(木)から 12月11日(金)まで. Applied by
// the reader to the text a page shows; dates read as they are, with their readings.
const CLOCK = String.raw`([01]?\d|2[0-3]):([0-5]\d)`;
const DAY = String.raw`(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[(（][月火水木金土日][)）])?`;
const TIME = new RegExp(
	String.raw`(?<![\d:.])${CLOCK}(?:\s*([〜~～])\s*(${DAY}\s*)?(?:${CLOCK})?)?(?![\d:])`,
	'g'
);
const DAYS = new RegExp(String.raw`(${DAY})\s*[〜~～]\s*(${DAY})`, 'g');

function gentle(hours: string, minutes: string): string {
	const h = Number(hours);
	const m = Number(minutes);
	return `${h < 12 ? 'ごぜん' : 'ごご'}${h % 12}時${m ? `${m}分` : ''}`;
}

export function gentleTimes(text: string): string {
	if (!/[:〜~～]/.test(text)) return text;
	return text
		.replace(
			TIME,
			(all, h1: string, m1: string, tilde?: string, day?: string, h2?: string, m2?: string) => {
				if (h2 && m2) return `${gentle(h1, m1)}から ${day ?? ''}${gentle(h2, m2)}まで`;
				if (tilde) return `${gentle(h1, m1)}から ${day ?? ''}`.trimEnd();
				return gentle(h1, m1);
			}
		)
		.replace(DAYS, '$1から $2まで');
}
