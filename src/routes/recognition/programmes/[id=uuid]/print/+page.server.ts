// The printable 発表会 programme (A4 portrait): the event, then each practice
// in order with its time, presenter and paragraph. Everybody once public
// (RLS on programmes), coordinators always.
import { error } from '@sveltejs/kit';
import { findProgramme } from '$lib/server/db/programmes';
import { requestDb } from '$lib/server/db/request';
import { serverEnv } from '$lib/server/env';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const programme = await findProgramme(requestDb(), params.id);
	if (!programme) error(404, 'Not Found');
	return { programme, municipality: serverEnv.municipalityName };
};
