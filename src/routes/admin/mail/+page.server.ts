import { requireAdmin } from '$lib/server/auth/guard';
import { listMailLog } from '$lib/server/db/mail-log';
import { requestDb } from '$lib/server/db/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireAdmin();
	const db = requestDb();
	const [failed, recent] = await Promise.all([
		listMailLog(db, { failedOnly: true, limit: 100 }),
		listMailLog(db, { failedOnly: false, limit: 50 })
	]);
	return { failed, recent };
};
