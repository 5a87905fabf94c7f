// The reader a page uses while ふりがな is on (root +layout.ts loads this module
// only then): text as HTML with readings over its kanji. The interface's
// messages (`ui`) take the interface's words first; content takes the words
// stored when it was saved (the page's `readings`), then the reading table,
// then the interface's words of two characters or more (a single kanji is
// read by its neighbours). Times of day are read the やさしい way (./times.ts).
import { annotate, compoundsOf, partsToHtml, type Readings } from './ruby';
import { gentleTimes } from './times';

export interface FuriganaReader {
	read(text: string, ui: boolean, readings: Readings | undefined): string;
}

export function furiganaReader(interfaceWords: Readings, table: Readings): FuriganaReader {
	const compounds = compoundsOf(interfaceWords);
	return {
		read: (text, ui, readings) => {
			const shown = gentleTimes(text);
			return partsToHtml(
				ui
					? annotate(shown, interfaceWords, table, readings)
					: annotate(shown, readings, table, compounds)
			);
		}
	};
}
