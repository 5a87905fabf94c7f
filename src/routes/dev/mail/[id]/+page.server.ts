import { error } from '@sveltejs/kit';
import { devMailDir } from '$lib/server/mail/dev-access';
import { readDevMail } from '$lib/server/mail/dev-store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const mail = await readDevMail(devMailDir(), params.id);
	if (!mail) error(404, 'Not Found');
	return {
		mail: {
			to: mail.to,
			subject: mail.subject,
			date: mail.date,
			text: mail.text,
			attachments: mail.attachments.map((a) => a.filename)
		}
	};
};
