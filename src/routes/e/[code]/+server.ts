// /e/<short code>: the address printed on a flyer, short enough to type
// (abc234; capitals and full-width letters are forgiven), sent on to the
// event's page for good (308). RLS decides: a draft's code is 404 for anybody
// but its organisers, like the draft itself.
import { error, redirect } from '@sveltejs/kit';
import { normalizeShortCode } from '$lib/events/short-code';
import { localizeHref } from '$lib/paraglide/runtime';
import { findEventIdByShortCode } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const code = normalizeShortCode(params.code);
	const id = code && (await findEventIdByShortCode(requestDb(), code));
	if (!id) error(404, 'Not Found');
	redirect(308, localizeHref(`/events/${id}`));
};
