// What a resident types to find their area (/areas?town=…): often an address
// rather than a town name. The prefecture, the city and the block numbers are
// dropped, so that 千葉県松戸市常盤平3-30 or 常盤平三丁目 look for 常盤平.

const PREFECTURE = /^(東京都|北海道|京都府|大阪府|[^\s]{2,3}県)/;
// a city name of two or more characters (新市場 keeps its 市)
const CITY = /^[^\s]{2,5}?市(?=.)/;
// the first number, or a kanji number with 丁目, and everything after it
const NUMBERS = /([0-9０-９]|[一二三四五六七八九十]+丁目).*$/;

export function townQuery(input: string): string {
	const q = input.replace(/[\s\u3000]+/g, '').slice(0, 100);
	const rest = q.replace(PREFECTURE, '').replace(CITY, '').replace(NUMBERS, '');
	return rest || q;
}
