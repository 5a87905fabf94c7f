// The photo rows of a form (practices, places): the stored photos with their
// description, order and 「削除する」, then one new photo per save. Client-safe:
// the form component and the server's checks share these names.

/** The fields a form with photos has (parallel arrays: one entry per stored photo). */
export interface PhotoFormValues {
	photoHashes: string[];
	photoAlts: string[];
	photoOrder: string[];
	photoRemove: string[];
	newPhotoAlt: string;
	/** errors about the new photo's file (the file itself is read outside the schema) */
	newPhoto?: string;
}

/** How many photos the form keeps (before a new one). */
export const keptPhotoCount = (v: Pick<PhotoFormValues, 'photoHashes' | 'photoRemove'>) =>
	v.photoHashes.filter((h) => !v.photoRemove.includes(h)).length;

/**
 * The photos to keep, in the order chosen (each row's position; ties keep the
 * earlier row first), then the new one (if any) at the end.
 */
export function orderedPhotos(
	v: Pick<PhotoFormValues, 'photoHashes' | 'photoAlts' | 'photoOrder' | 'photoRemove'>,
	added: { hash: string; alt: string } | null
) {
	const kept = v.photoHashes
		.map((hash, i) => ({
			hash,
			alt: v.photoAlts[i] ?? '',
			at: Number(v.photoOrder[i]) || i + 1,
			i
		}))
		.filter((p) => !v.photoRemove.includes(p.hash))
		.sort((a, b) => a.at - b.at || a.i - b.i)
		.map(({ hash, alt }) => ({ hash, alt }));
	// the same image twice (an upload of a photo already there) is kept once
	return added && !kept.some((p) => p.hash === added.hash) ? [...kept, added] : kept;
}
