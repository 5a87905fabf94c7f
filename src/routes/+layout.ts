import type { Readings } from '$lib/furigana/ruby';
import type { LayoutLoad } from './$types';

// What only some visitors need is imported here, for them only: modules
// nobody else downloads.
// - A signed-in member: the bell, the account links and the banners
//   ($lib/components/layout/member); a page's own parts for members are
//   imported by its +page.ts.
// - ふりがな on: the reader, with the interface's words (made from the
//   messages ahead, `npm run i18n:furigana`) and the reading table the server
//   sent. The interface's words are the same for everybody, so they are read
//   once and kept.
let interfaceWords: Readings | null = null;

export const load: LayoutLoad = async ({ data }) => {
	const { furiganaTable, ...rest } = data;
	const [member, furigana] = await Promise.all([
		rest.user ? import('$lib/components/layout/member') : null,
		furiganaTable ? readerOf(furiganaTable) : null
	]);
	return { ...rest, memberParts: member, furigana };
};

async function readerOf(table: Readings) {
	const [{ furiganaReader }, { toReadings }] = await Promise.all([
		import('$lib/furigana/reader'),
		import('$lib/furigana/ruby')
	]);
	interfaceWords ??= toReadings((await import('$lib/furigana/interface-words.json')).default);
	return furiganaReader(interfaceWords, table);
}
