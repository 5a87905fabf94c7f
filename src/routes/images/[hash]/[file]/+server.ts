// A stored image's copy: /images/<hash>/<width>.webp or .jpg. The address
// changes when the content does, so every answer may be cached for a year by
// anyone; nothing depends on who asks (the session is not even read for these
// addresses: hooks.server.ts), and the anon client reads, as RLS allows anyone.
import { error } from '@sveltejs/kit';
import { anonDb } from '$lib/server/db/client';
import { findImageVariant } from '$lib/server/db/images';
import type { ImageMime } from '$lib/server/images/process';
import type { RequestHandler } from './$types';

const FILE = /^([1-9][0-9]{0,3})\.(webp|jpg)$/;
const MIME: Record<string, ImageMime> = { webp: 'image/webp', jpg: 'image/jpeg' };

export const GET: RequestHandler = async ({ params, request }) => {
	const file = FILE.exec(params.file);
	if (!/^[0-9a-f]{64}$/.test(params.hash) || !file) error(404, 'Not Found');
	const variant = await findImageVariant(anonDb(), params.hash, Number(file[1]), MIME[file[2]]);
	if (!variant) error(404, 'Not Found');

	const etag = `"${variant.sha256}"`;
	const headers = {
		'content-type': variant.mime,
		'cache-control': 'public, max-age=31536000, immutable',
		etag,
		'x-content-type-options': 'nosniff'
	};
	if (
		request.headers
			.get('if-none-match')
			?.split(/\s*,\s*/)
			.includes(etag)
	) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(new Uint8Array(variant.bytes), {
		headers: { ...headers, 'content-length': String(variant.bytes.length) }
	});
};
