// Turns an uploaded file into the images we store and serve. Pure apart from
// sharp: no database, no SvelteKit, so the worker or a script may use it too.
//
// - The type is read from the content (sharp's metadata), never from the name
//   or the browser's Content-Type. JPEG, PNG and WebP are accepted, and
//   HEIF-family files that this sharp build decodes (the prebuilt sharp 0.35
//   decodes AVIF only: `sharp.format.heif.input.fileSuffix` is ['.avif']; an
//   iPhone's HEVC-coded HEIC is refused as 'unsupported'). iOS Safari sends
//   JPEG anyway when the file input's `accept` does not list image/heic.
// - Rotated by its EXIF orientation, then fitted inside 1600×1600 (never
//   enlarged), plus narrower copies (400, 800 px wide) for `srcset`, all WebP;
//   one JPEG (800 px wide, or narrower if the image is) for what cannot show
//   WebP: Open Graph previews in some apps, very old phones.
// - Nothing of the original's metadata survives: sharp writes none unless
//   `withMetadata`/`withExif`/`keepMetadata` is called, and we never call them
//   (a phone photo's GPS position must never be published). Colours are
//   converted to sRGB and written without an ICC profile.
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { IMAGE_MAX_SIDE as MAX_SIDE, jpegWidth, webpWidths } from '$lib/images/srcset';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Decoding bombs: more pixels than a 108-megapixel phone photo is refused. */
const MAX_INPUT_PIXELS = 120_000_000;

export type ImageRefusal = 'not_image' | 'too_large' | 'unsupported';
export type ImageMime = 'image/webp' | 'image/jpeg';

export interface ImageVariant {
	width: number;
	height: number;
	mime: ImageMime;
	bytes: Buffer;
	/** SHA-256 of `bytes`, lower-case hex. */
	sha256: string;
}

export interface ProcessedImage {
	/** The image's key: the SHA-256 of its largest WebP copy (stable for the same upload). */
	hash: string;
	/** Size of the largest copy. */
	width: number;
	height: number;
	/** What the upload was: 'jpeg', 'png', 'webp' or 'heif'. */
	sourceFormat: AcceptedFormat;
	/** WebP copies, narrowest first, then the JPEG. */
	variants: ImageVariant[];
}

export type ProcessResult =
	{ ok: true; image: ProcessedImage } | { ok: false; refusal: ImageRefusal };

type AcceptedFormat = 'jpeg' | 'png' | 'webp' | 'heif';
const ACCEPTED = new Set<string>(['jpeg', 'png', 'webp', 'heif']);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** An ISO-BMFF `ftyp` box naming a HEIF brand: a HEIC/HEIF file even when sharp cannot read it. */
function looksLikeHeif(input: Buffer) {
	if (input.length < 12 || input.toString('latin1', 4, 8) !== 'ftyp') return false;
	const brand = input.toString('latin1', 8, 12);
	return ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif'].includes(brand);
}

const load = (input: Buffer) =>
	sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', pages: 1 });

export async function processImage(input: Buffer): Promise<ProcessResult> {
	if (input.length > MAX_UPLOAD_BYTES) return { ok: false, refusal: 'too_large' };
	if (input.length === 0) return { ok: false, refusal: 'not_image' };

	let meta: Metadata;
	try {
		meta = await load(input).metadata();
	} catch (e) {
		if (e instanceof Error && /pixel limit/i.test(e.message))
			return { ok: false, refusal: 'too_large' };
		return { ok: false, refusal: looksLikeHeif(input) ? 'unsupported' : 'not_image' };
	}
	const format = meta.format;
	if (!format || !ACCEPTED.has(format)) return { ok: false, refusal: 'unsupported' };
	if (meta.width * meta.height > MAX_INPUT_PIXELS) return { ok: false, refusal: 'too_large' };

	try {
		// decode once: rotated, fitted, sRGB raw pixels; the copies are encoded from these, so
		// nothing of the original but its pixels can reach them
		const { data, info } = await load(input)
			.autoOrient()
			.resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
			.toColourspace('srgb')
			.raw()
			.toBuffer({ resolveWithObject: true });
		const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
		const fromRaw = () => sharp(data, raw);

		// which copies: the rule imageSources() relies on (src/lib/images/srcset.ts)
		const widths = webpWidths(info.width);
		const variants: ImageVariant[] = [];
		for (const width of widths) {
			const pipeline = width === info.width ? fromRaw() : fromRaw().resize({ width });
			variants.push(await encode(pipeline.webp({ quality: 80, effort: 4 }), 'image/webp'));
		}
		const jpegW = jpegWidth(info.width);
		const jpeg = (jpegW === info.width ? fromRaw() : fromRaw().resize({ width: jpegW }))
			.flatten({ background: '#ffffff' })
			.jpeg({ quality: 82, mozjpeg: true });
		variants.push(await encode(jpeg, 'image/jpeg'));

		const largest = variants[widths.length - 1];
		return {
			ok: true,
			image: {
				hash: largest.sha256,
				width: largest.width,
				height: largest.height,
				sourceFormat: format as AcceptedFormat,
				variants
			}
		};
	} catch {
		// metadata could be read but not the pixels: a HEIC whose codec this build lacks,
		// or a truncated file
		return { ok: false, refusal: format === 'heif' ? 'unsupported' : 'not_image' };
	}
}

async function encode(pipeline: Sharp, mime: ImageMime): Promise<ImageVariant> {
	const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
	return { width: info.width, height: info.height, mime, bytes: data, sha256: sha256(data) };
}
