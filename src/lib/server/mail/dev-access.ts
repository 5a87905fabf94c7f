// /dev/mail is there only when the local stack's launcher started the
// development mailbox (scripts/lib/jobs.ts sets TSUNAGU_MAIL_DIR then, and
// never when SUPABASE_URL names a real project): 404 on a deployed site.
import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';

export function devMailDir(): string {
	const dir = env.TSUNAGU_MAIL_DIR;
	if (!dir) error(404, 'Not Found');
	return dir;
}
