import { requestDb } from '$lib/server/db/request';
import { loadVoiceList } from '$lib/server/voices/list';
import type { PageServerLoad } from './$types';

// /voices?q=&area=<slug>&field=<slug>&status=&year=<年度>&page=n: public 声 only
// (those who manage some see them all at /coordinate/voices or on their records).
export const load: PageServerLoad = async ({ url }) =>
	loadVoiceList(requestDb(), url, { publicOnly: true });
