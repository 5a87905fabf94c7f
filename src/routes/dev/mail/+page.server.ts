import { devMailDir } from '$lib/server/mail/dev-access';
import { listDevMail } from '$lib/server/mail/dev-store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const mails = await listDevMail(devMailDir());
	return {
		mails: mails
			.slice(0, 200)
			.map((x) => ({ id: x.id, to: x.to, subject: x.subject, date: x.date }))
	};
};
