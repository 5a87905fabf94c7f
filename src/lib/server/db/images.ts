// Stored images (supabase/migrations/20261208000000_images.sql). Saving is the
// service role's (adminDb(): the app stores an image after its own permission
// checks, through save_image, one transaction); anyone may read.
// bytea travels through PostgREST as hex ('\x…').
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';
import type { ImageMime, ProcessedImage } from '$lib/server/images/process';
import type { StoredImageRef } from '$lib/images/srcset';

export interface StoredVariant {
	mime: ImageMime;
	sha256: string;
	bytes: Buffer;
}

const fromHex = (hex: string) => Buffer.from(hex.startsWith('\\x') ? hex.slice(2) : hex, 'hex');

/** Stores a processed image and its copies (call with adminDb()); the same image again changes nothing. */
export async function saveImage(
	db: Db,
	image: ProcessedImage,
	uploadedBy: string
): Promise<StoredImageRef> {
	const { error } = await db.rpc('save_image', {
		p_hash: image.hash,
		p_width: image.width,
		p_height: image.height,
		p_uploaded_by: uploadedBy,
		p_variants: image.variants.map((v) => ({
			width: v.width,
			height: v.height,
			mime: v.mime,
			sha256: v.sha256,
			bytes: v.bytes.toString('hex')
		}))
	});
	if (error) dbFailure(error);
	return { hash: image.hash, width: image.width, height: image.height };
}

/** An image's key and size, or null when there is no such image. */
export async function findImage(db: Db, hash: string): Promise<StoredImageRef | null> {
	const { data, error } = await db
		.from('images')
		.select('hash, width, height')
		.eq('hash', hash)
		.maybeSingle();
	if (error) dbFailure(error);
	return data;
}

/** One copy's bytes (width and type as in its URL), or null. */
export async function findImageVariant(
	db: Db,
	hash: string,
	width: number,
	mime: ImageMime
): Promise<StoredVariant | null> {
	const { data, error } = await db
		.from('image_variants')
		.select('mime, sha256, bytes')
		.eq('image_hash', hash)
		.eq('width', width)
		.eq('mime', mime)
		.maybeSingle();
	if (error) dbFailure(error);
	if (!data) return null;
	return { mime, sha256: data.sha256, bytes: fromHex(data.bytes) };
}
