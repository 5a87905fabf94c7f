// processImage with real images made by sharp here: what is accepted, refused,
// rotated, resized, and that no metadata (above all a phone's GPS position)
// survives in any copy.
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { MAX_UPLOAD_BYTES, processImage, type ProcessedImage } from '$lib/server/images/process';

// encoding photos is CPU work, and npm test runs lint and the benchmark's smoke run beside it
vi.setConfig({ testTimeout: 30_000 });

const GPS = {
	GPSLatitudeRef: 'N',
	GPSLatitude: '35/1 47/1 0/1',
	GPSLongitudeRef: 'E',
	GPSLongitude: '139/1 54/1 0/1'
};
/** The EXIF entry pointing at the GPS IFD (tag 0x8825, LONG, count 1), little-endian as libexif writes it. */
const GPS_POINTER = Buffer.from('2588040001000000', 'hex');

function noise(width: number, height: number, channels: 3 | 4 = 3) {
	// not a flat colour, so that encoders produce realistic sizes
	const data = Buffer.alloc(width * height * channels);
	for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
	return sharp(data, { raw: { width, height, channels } });
}

/** A phone-like JPEG: camera make, model and where it was taken. */
const phoneJpeg = (width: number, height: number) =>
	noise(width, height)
		.jpeg({ quality: 90 })
		.withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 15' }, IFD3: GPS })
		.withIccProfile('p3')
		.toBuffer();

function accepted(result: Awaited<ReturnType<typeof processImage>>): ProcessedImage {
	if (!result.ok) throw new Error(`refused: ${result.refusal}`);
	return result.image;
}

async function expectClean(image: ProcessedImage) {
	for (const v of image.variants) {
		const meta = await sharp(v.bytes).metadata();
		expect(meta.format).toBe(v.mime === 'image/webp' ? 'webp' : 'jpeg');
		expect([meta.width, meta.height]).toEqual([v.width, v.height]);
		expect(meta.exif).toBeUndefined();
		expect(meta.icc).toBeUndefined();
		expect(meta.xmp).toBeUndefined();
		expect(meta.iptc).toBeUndefined();
		expect(meta.orientation).toBeUndefined();
		expect(v.bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
		expect(v.bytes.includes(GPS_POINTER)).toBe(false);
		expect(v.bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
	}
}

describe('a phone photo (JPEG, 4000×3000, GPS, camera, P3 profile)', () => {
	it('comes out as 400/800/1600 WebP and an 800 JPEG with no metadata at all', async () => {
		const input = await phoneJpeg(4000, 3000);
		const before = await sharp(input).metadata();
		// the fixture really carries what must go
		expect(before.exif!.includes(GPS_POINTER)).toBe(true);
		expect(before.icc).toBeDefined();

		const image = accepted(await processImage(input));
		expect(image.sourceFormat).toBe('jpeg');
		expect([image.width, image.height]).toEqual([1600, 1200]);
		expect(image.variants.map((v) => [v.mime, v.width, v.height])).toEqual([
			['image/webp', 400, 300],
			['image/webp', 800, 600],
			['image/webp', 1600, 1200],
			['image/jpeg', 800, 600]
		]);
		expect(image.hash).toBe(image.variants[2].sha256);
		expect(image.hash).toMatch(/^[0-9a-f]{64}$/);
		await expectClean(image);
	}, 60_000);

	it('is the same image (same hash) when uploaded twice', async () => {
		const input = await phoneJpeg(900, 600);
		const [a, b] = [accepted(await processImage(input)), accepted(await processImage(input))];
		expect(a.hash).toBe(b.hash);
	});
});

describe('orientation', () => {
	it('turns an orientation-6 JPEG upright and drops the tag', async () => {
		// stored 2000×1000 landscape, tagged "rotate 90° clockwise to view": a portrait photo
		const input = await noise(2000, 1000).jpeg().withMetadata({ orientation: 6 }).toBuffer();
		expect((await sharp(input).metadata()).orientation).toBe(6);
		const image = accepted(await processImage(input));
		expect([image.width, image.height]).toEqual([800, 1600]);
		expect(image.variants.map((v) => [v.mime, v.width, v.height])).toEqual([
			['image/webp', 400, 800],
			['image/webp', 800, 1600],
			['image/jpeg', 800, 1600]
		]);
		await expectClean(image);
	});
});

describe('other accepted formats', () => {
	it('a small PNG with transparency is not enlarged; the WebP keeps alpha, the JPEG is flattened', async () => {
		const input = await noise(300, 200, 4).png().toBuffer();
		const image = accepted(await processImage(input));
		expect(image.sourceFormat).toBe('png');
		expect(image.variants.map((v) => [v.mime, v.width, v.height])).toEqual([
			['image/webp', 300, 200],
			['image/jpeg', 300, 200]
		]);
		expect((await sharp(image.variants[0].bytes).metadata()).hasAlpha).toBe(true);
		expect((await sharp(image.variants[1].bytes).metadata()).hasAlpha).toBe(false);
		await expectClean(image);
	});

	it('a WebP with EXIF and XMP', async () => {
		const input = await noise(1200, 900)
			.webp()
			.withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: GPS })
			.withXmp(
				'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>'
			)
			.toBuffer();
		expect((await sharp(input).metadata()).exif).toBeDefined();
		const image = accepted(await processImage(input));
		expect(image.sourceFormat).toBe('webp');
		expect(image.variants.map((v) => v.width)).toEqual([400, 800, 1200, 800]);
		await expectClean(image);
	});

	it('an AVIF (the HEIF family this sharp build decodes)', async () => {
		const input = await noise(600, 400).avif().toBuffer();
		const image = accepted(await processImage(input));
		expect(image.sourceFormat).toBe('heif');
		expect(image.variants.map((v) => v.width)).toEqual([400, 600, 600]);
		await expectClean(image);
	});
});

describe('refusals', () => {
	it('over 10 MB: too_large, before decoding anything', async () => {
		const input = Buffer.alloc(12 * 1024 * 1024);
		Buffer.from('ffd8ffe0', 'hex').copy(input);
		expect(await processImage(input)).toEqual({ ok: false, refusal: 'too_large' });
		expect(MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
	});

	it('a text file named .jpg: not_image', async () => {
		const input = Buffer.from('これは写真ではありません。\n'.repeat(100));
		expect(await processImage(input)).toEqual({ ok: false, refusal: 'not_image' });
		expect(await processImage(Buffer.alloc(0))).toEqual({ ok: false, refusal: 'not_image' });
	});

	it('a truncated JPEG: not_image', async () => {
		const input = await phoneJpeg(800, 600);
		expect(await processImage(input.subarray(0, 2000))).toEqual({
			ok: false,
			refusal: 'not_image'
		});
	});

	it('images of other formats (GIF, SVG, TIFF): unsupported', async () => {
		for (const input of [
			await noise(50, 50).gif().toBuffer(),
			await noise(50, 50).tiff().toBuffer(),
			Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
		]) {
			expect(await processImage(input)).toEqual({ ok: false, refusal: 'unsupported' });
		}
	});

	it('an HEVC-coded HEIC this build cannot decode: unsupported (a HEIC container header)', async () => {
		// the prebuilt sharp cannot write HEVC either, so this is an ftyp box of brand heic
		// followed by bytes that are no image: what matters is the refusal's kind
		const ftyp = Buffer.concat([
			Buffer.from([0, 0, 0, 24]),
			Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
			Buffer.alloc(200, 7)
		]);
		expect(await processImage(ftyp)).toEqual({ ok: false, refusal: 'unsupported' });
	});

	it('a decompression bomb (huge dimensions in a small file): too_large', async () => {
		const input = await sharp({
			create: { width: 12000, height: 12000, channels: 3, background: '#fff' }
		})
			.png({ compressionLevel: 9 })
			.toBuffer();
		expect(input.length).toBeLessThan(MAX_UPLOAD_BYTES);
		expect(await processImage(input)).toEqual({ ok: false, refusal: 'too_large' });
	}, 60_000);
});
