// Addresses of a stored image's copies for <img>/<picture> (client-safe).
// Which copies exist follows from the image's width alone, by the rule
// process.ts applies when it makes them: WebP at each of IMAGE_SRCSET_WIDTHS
// narrower than the image, WebP at the image's own width (at most 1600), and
// one JPEG at min(IMAGE_JPEG_WIDTH, width).

export const IMAGE_MAX_SIDE = 1600;
export const IMAGE_SRCSET_WIDTHS = [400, 800] as const;
export const IMAGE_JPEG_WIDTH = 800;

export interface StoredImageRef {
	hash: string;
	width: number;
	height: number;
}

/** The widths of an image's WebP copies, narrowest first. */
export const webpWidths = (width: number) => [
	...IMAGE_SRCSET_WIDTHS.filter((w) => w < width),
	width
];

export const jpegWidth = (width: number) => Math.min(IMAGE_JPEG_WIDTH, width);

/** `/images/<hash>/<width>.webp` or `.jpg`: content-hashed, cached for a year. */
export const imagePath = (hash: string, width: number, ext: 'webp' | 'jpg') =>
	`/images/${hash}/${width}.${ext}`;

/**
 * What an <img> or <picture> needs: `srcset`/`sizes` of the WebP copies, `src`
 * the JPEG (the fallback, and the address for Open Graph), width and height so
 * that the page does not jump. `sizes` is the layout's width of the image
 * (default: the whole viewport up to 800 px).
 */
export function imageSources(image: StoredImageRef, sizes = '(min-width: 800px) 800px, 100vw') {
	const jpeg = jpegWidth(image.width);
	return {
		src: imagePath(image.hash, jpeg, 'jpg'),
		srcset: webpWidths(image.width)
			.map((w) => `${imagePath(image.hash, w, 'webp')} ${w}w`)
			.join(', '),
		type: 'image/webp' as const,
		sizes,
		width: image.width,
		height: image.height
	};
}
