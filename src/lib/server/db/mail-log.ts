// The mail log as admins read it (/admin/mail; RLS: admins only).
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';

export interface MailLogRow {
	id: string;
	kind: string;
	recipient: string | null;
	subject: string | null;
	status: string;
	attempts: number;
	lastError: string | null;
	updatedAt: string;
}

/** The latest rows, or only the mail that did not arrive: given up after the last try, or bounced. */
export async function listMailLog(db: Db, opts: { failedOnly: boolean; limit: number }) {
	let query = db
		.from('mail_log')
		.select('id, kind, recipient, subject, status, attempts, last_error, updated_at')
		.order('updated_at', { ascending: false })
		.limit(opts.limit);
	if (opts.failedOnly) query = query.in('status', ['failed', 'bounced']);
	const { data, error } = await query;
	if (error) dbFailure(error);
	return data.map((r): MailLogRow => ({
		id: r.id,
		kind: r.kind,
		recipient: r.recipient,
		subject: r.subject,
		status: r.status,
		attempts: r.attempts,
		lastError: r.last_error,
		updatedAt: r.updated_at
	}));
}
