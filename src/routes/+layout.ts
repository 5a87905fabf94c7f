import type { Readings } from '$lib/furigana/ruby';
import type { LayoutLoad } from './$types';

// ふりがな on: the reader, with the interface's words (made from the messages
// ahead, `npm run i18n:furigana`) and the reading table the server sent.
// Loaded only then: modules nobody else downloads. The interface's words are
// the same for everybody, so they are read once and kept.
let interfaceWords: Readings | null = null;

export const load: LayoutLoad = async ({ data }) => {
	const { furiganaTable, ...rest } = data;
	if (!furiganaTable) return { ...rest, furigana: null };
	const [{ furiganaReader }, { toReadings }] = await Promise.all([
		import('$lib/furigana/reader'),
		import('$lib/furigana/ruby')
	]);
	interfaceWords ??= toReadings((await import('$lib/furigana/interface-words.json')).default);
	return { ...rest, furigana: furiganaReader(interfaceWords, furiganaTable) };
};
