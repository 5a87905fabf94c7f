// An image uploaded with a form (practice photos, event covers, organization
// logos): the file from the posted form, processed by content (processImage)
// and stored with the service role (saveImage). Call it only after the form
// and who may write were checked: storing is the last step before the row
// that references the image is written.
import { m } from '$lib/paraglide/messages';
import { adminDb } from '$lib/server/db/client';
import { saveImage } from '$lib/server/db/images';
import type { StoredImageRef } from '$lib/images/srcset';
import { processImage, type ImageRefusal } from './process';

/** The words for an upload processImage refused. */
export const imageRefusalMessage = (refusal: ImageRefusal) =>
	({
		too_large: m.practice_photo_too_large,
		not_image: m.practice_photo_not_image,
		unsupported: m.practice_photo_unsupported
	})[refusal]();

/** The file posted as `name`, when one was chosen. */
export function postedFile(body: FormData, name: string): File | null {
	const file = body.get(name);
	return file instanceof File && file.size > 0 ? file : null;
}

/** Processes and stores the file: the stored image, or why not (in words). */
export async function storeUpload(
	file: File,
	userId: string
): Promise<{ ok: true; image: StoredImageRef } | { ok: false; message: string }> {
	const processed = await processImage(Buffer.from(await file.arrayBuffer()));
	if (!processed.ok) return { ok: false, message: imageRefusalMessage(processed.refusal) };
	return { ok: true, image: await saveImage(adminDb(), processed.image, userId) };
}
