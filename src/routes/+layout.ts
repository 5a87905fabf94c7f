import { toReadings, type Readings } from '$lib/furigana/ruby';
import type { LayoutLoad } from './$types';

// ふりがな on: the interface's words (made from the messages ahead,
// `npm run i18n:furigana`) come with the reading table the server sent. Loaded
// only then: a separate file that nobody else downloads, read once (the same
// for everybody, so it may be kept across requests).
let interfaceWords: Readings | null = null;

export const load: LayoutLoad = async ({ data }) => {
	const { furiganaTable, ...rest } = data;
	if (!furiganaTable) return { ...rest, furigana: null };
	interfaceWords ??= toReadings((await import('$lib/furigana/interface-words.json')).default);
	return { ...rest, furigana: { ui: interfaceWords, table: furiganaTable } };
};
