// Images end to end: a phone photo processed, stored through db/images.ts with
// the service role, read back by anyone, served by the built app from its
// content-hashed address with the caching headers, and nobody but the service
// role can write.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageSources } from '$lib/images/srcset';
import { findImage, findImageVariant, saveImage } from '$lib/server/db/images';
import { processImage, type ProcessedImage } from '$lib/server/images/process';
import { startApp, stopApp } from '../support/app';
import { anonClient, createTestUser, serviceClient, testEnv, userClient } from '../support/db';

const GPS_POINTER = Buffer.from('2588040001000000', 'hex');

async function phonePhoto(seed: number) {
	const width = 2400;
	const height = 1800;
	const data = Buffer.alloc(width * height * 3);
	for (let i = 0; i < data.length; i++) data[i] = ((i + seed) * 2654435761) >>> 24;
	return sharp(data, { raw: { width, height, channels: 3 } })
		.blur(1.2)
		.jpeg({ quality: 90 })
		.withExif({
			IFD0: { Make: 'PhoneMaker', Model: 'Phone 15' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '35/1 47/1 0/1',
				GPSLongitudeRef: 'E',
				GPSLongitude: '139/1 54/1 0/1'
			}
		})
		.toBuffer();
}

async function processed(seed: number): Promise<ProcessedImage> {
	const result = await processImage(await phonePhoto(seed));
	if (!result.ok) throw new Error(result.refusal);
	return result.image;
}

let uploader: { id: string };
let other: { id: string };
let image: ProcessedImage;

beforeAll(async () => {
	[uploader, other] = await Promise.all([createTestUser('写真 投稿者'), createTestUser('別の 人')]);
	image = await processed(Date.now() % 1000);
	expect((await sharp(await phonePhoto(1)).metadata()).exif!.includes(GPS_POINTER)).toBe(true);
	await saveImage(serviceClient(), image, uploader.id);
}, 60_000);

describe('storing', () => {
	it('keeps the image and every copy, bytes unchanged, readable by anyone', async () => {
		const { data: row } = await serviceClient()
			.from('images')
			.select('width, height, uploaded_by')
			.eq('hash', image.hash)
			.single();
		expect(row).toEqual({ width: 1600, height: 1200, uploaded_by: uploader.id });
		const { data: variants } = await serviceClient()
			.from('image_variants')
			.select('width, height, mime, sha256, byte_size')
			.eq('image_hash', image.hash)
			.order('mime', { ascending: false })
			.order('width');
		expect(variants).toEqual(
			image.variants.map((v) => ({
				width: v.width,
				height: v.height,
				mime: v.mime,
				sha256: v.sha256,
				byte_size: v.bytes.length
			}))
		);
		for (const db of [anonClient(), userClient(other.id)]) {
			expect(await findImage(db, image.hash)).toEqual({
				hash: image.hash,
				width: 1600,
				height: 1200
			});
			for (const v of image.variants) {
				const found = await findImageVariant(db, image.hash, v.width, v.mime);
				expect(found?.sha256).toBe(v.sha256);
				expect(found?.bytes.equals(v.bytes)).toBe(true);
			}
		}
		expect(await findImageVariant(anonClient(), image.hash, 1234, 'image/webp')).toBeNull();
		expect(await findImage(anonClient(), 'f'.repeat(64))).toBeNull();
	});

	it('the same image again is one image; its first uploader stays', async () => {
		await saveImage(serviceClient(), image, other.id);
		const { data } = await serviceClient()
			.from('images')
			.select('uploaded_by')
			.eq('hash', image.hash);
		expect(data).toEqual([{ uploaded_by: uploader.id }]);
		const { count } = await serviceClient()
			.from('image_variants')
			.select('*', { count: 'exact', head: true })
			.eq('image_hash', image.hash);
		expect(count).toBe(image.variants.length);
	});

	it('the database refuses a copy whose hash is not that of its bytes', async () => {
		const v = image.variants[0];
		const { error } = await serviceClient().rpc('save_image', {
			p_hash: 'e'.repeat(64),
			p_width: v.width,
			p_height: v.height,
			p_uploaded_by: uploader.id,
			p_variants: [{ ...v, sha256: 'a'.repeat(64), bytes: v.bytes.toString('hex') }]
		});
		expect(error?.code).toBe('23514');
		// one transaction: not even the image row stayed
		expect(await findImage(serviceClient(), 'e'.repeat(64))).toBeNull();
	});
});

describe('nobody but the service role writes', () => {
	const who = () =>
		[
			['anon', anonClient()],
			['a member', userClient(uploader.id)]
		] as const;

	it('cannot save, insert, update or delete images or copies', async () => {
		const v = image.variants[0];
		for (const [name, db] of who()) {
			const saved = await db.rpc('save_image', {
				p_hash: 'd'.repeat(64),
				p_width: v.width,
				p_height: v.height,
				p_uploaded_by: uploader.id,
				p_variants: [{ ...v, bytes: v.bytes.toString('hex') }]
			});
			expect(saved.error?.code, name).toBe('42501');
			const inserted = await db
				.from('images')
				.insert({ hash: 'c'.repeat(64), width: 1, height: 1, uploaded_by: uploader.id });
			expect(inserted.error?.code, name).toBe('42501');
			const variant = await db.from('image_variants').insert({
				image_hash: image.hash,
				width: 7,
				height: 7,
				mime: 'image/webp',
				sha256: v.sha256,
				bytes: `\\x${v.bytes.toString('hex')}`
			});
			expect(variant.error?.code, name).toBe('42501');
			const updated = await db
				.from('images')
				.update({ uploaded_by: other.id })
				.eq('hash', image.hash);
			expect(updated.error?.code, name).toBe('42501');
			const swapped = await db
				.from('image_variants')
				.update({ mime: 'image/jpeg' })
				.eq('image_hash', image.hash);
			expect(swapped.error?.code, name).toBe('42501');
			const deleted = await db.from('images').delete().eq('hash', image.hash);
			expect(deleted.error?.code, name).toBe('42501');
			const deletedCopies = await db.from('image_variants').delete().eq('image_hash', image.hash);
			expect(deletedCopies.error?.code, name).toBe('42501');
		}
		// everything as it was
		expect(await findImage(serviceClient(), 'c'.repeat(64))).toBeNull();
		expect(await findImage(serviceClient(), 'd'.repeat(64))).toBeNull();
		const { data } = await serviceClient()
			.from('image_variants')
			.select('width, mime')
			.eq('image_hash', image.hash);
		expect(data).toHaveLength(image.variants.length);
		expect(data).not.toContainEqual({ width: 7, mime: 'image/webp' });
		const { data: row } = await serviceClient()
			.from('images')
			.select('uploaded_by')
			.eq('hash', image.hash)
			.single();
		expect(row?.uploaded_by).toBe(uploader.id);
	});
});

describe('served by the built app', () => {
	let app: Awaited<ReturnType<typeof startApp>>;
	beforeAll(async () => {
		app = await startApp({ ...testEnv(), TSUNAGU_MAIL_DIR: '' });
	}, 60_000);
	afterAll(() => stopApp(app?.child));

	it('every address imageSources gives answers with the bytes, type and caching headers', async () => {
		const sources = imageSources({ hash: image.hash, width: image.width, height: image.height });
		const urls = [sources.src, ...sources.srcset.split(', ').map((s) => s.split(' ')[0])];
		expect(urls).toEqual([
			`/images/${image.hash}/800.jpg`,
			`/images/${image.hash}/400.webp`,
			`/images/${image.hash}/800.webp`,
			`/images/${image.hash}/1600.webp`
		]);
		expect(sources.srcset).toContain(`/images/${image.hash}/1600.webp 1600w`);
		const byUrl = new Map(
			image.variants.map((v) => [
				`/images/${image.hash}/${v.width}.${v.mime === 'image/webp' ? 'webp' : 'jpg'}`,
				v
			])
		);
		for (const url of urls) {
			// a session cookie changes nothing: none is read (a bad one would be deleted elsewhere), none set
			const response = await fetch(`${app.base}${url}`, {
				headers: { cookie: 'tsunagu_session=not-a-session' }
			});
			expect(response.status, url).toBe(200);
			const v = byUrl.get(url)!;
			expect(response.headers.get('content-type')).toBe(v.mime);
			expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
			expect(response.headers.get('etag')).toBe(`"${v.sha256}"`);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('set-cookie')).toBeNull();
			const body = Buffer.from(await response.arrayBuffer());
			expect(body.equals(v.bytes)).toBe(true);
			const meta = await sharp(body).metadata();
			expect([meta.width, meta.height]).toEqual([v.width, v.height]);
			expect(meta.exif).toBeUndefined();
			expect(body.includes(GPS_POINTER)).toBe(false);
			expect(body.includes(Buffer.from('PhoneMaker'))).toBe(false);
		}
	});

	it('a bad session cookie is deleted on a page, but not even read for an image', async () => {
		const cookie = 'tsunagu_session=not-a-session';
		const page = await fetch(`${app.base}/`, { headers: { cookie } });
		expect(page.headers.get('set-cookie')).toMatch(/^tsunagu_session=;/);
		const img = await fetch(`${app.base}/images/${image.hash}/400.webp`, { headers: { cookie } });
		expect(img.status).toBe(200);
		expect(img.headers.get('set-cookie')).toBeNull();
	});

	it('answers 304 to a matching If-None-Match', async () => {
		const v = image.variants[0];
		const response = await fetch(`${app.base}/images/${image.hash}/${v.width}.webp`, {
			headers: { 'if-none-match': `"${v.sha256}"` }
		});
		expect(response.status).toBe(304);
		expect(response.headers.get('etag')).toBe(`"${v.sha256}"`);
	});

	it('404 for an unknown image, a width it does not have, and other file names', async () => {
		for (const path of [
			`/images/${'f'.repeat(64)}/800.webp`,
			`/images/${image.hash}/1200.webp`,
			`/images/${image.hash}/1600.jpg`,
			`/images/${image.hash}/800.png`,
			`/images/${image.hash}/0800.webp`,
			`/images/${image.hash.toUpperCase()}/800.webp`,
			`/images/nothex/800.webp`
		]) {
			const response = await fetch(`${app.base}${path}`);
			expect(response.status, path).toBe(404);
		}
	});
});
