// Task send_mail: one mail, added by private.enqueue_mail in the transaction of
// its cause. Written from the database as it is now (a burst of edits gives the
// latest state), sent over SMTP, logged in mail_log by graphile-worker's job id.
//
// Never twice: graphile-worker locks a job for one worker at a time. A job
// retried after a crash finds its mail_log row: 'sent' means done. The one
// window left is between the SMTP server accepting the message and the row
// saying 'sent' (milliseconds): a crash there sends the mail again on retry,
// with the same Message-ID. We chose that over the opposite (marking before
// sending), which would lose the mail when the crash falls before the send:
// a rare duplicate is better than a notice that never arrives.
import type { JobHelpers } from 'graphile-worker';
import { mailLogBegin, mailLogFinish } from '../db/mail';
import type { JobContext } from './config';
import { mailWriters } from './writers';
import type { SendMailPayload } from './writers/types';

export function sendMailTask(ctx: JobContext) {
	return async (raw: unknown, helpers: JobHelpers) => {
		const payload = raw as SendMailPayload & { once_key?: string };
		const job = helpers.job;
		const started = await mailLogBegin(ctx.db, {
			id: job.id,
			key: job.key,
			onceKey: payload.once_key ?? null,
			kind: payload.kind,
			userId: payload.user_id
		});
		if (started === 'done') return;
		try {
			const result = await writeAndSend(ctx, payload, job.id);
			await mailLogFinish(ctx.db, job.id, result);
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			const last = job.attempts >= job.max_attempts;
			await mailLogFinish(ctx.db, job.id, { status: last ? 'failed' : 'sending', error: message });
			throw e; // graphile-worker retries with its backoff
		}
	};
}

async function writeAndSend(ctx: JobContext, p: SendMailPayload, jobId: string) {
	const writer = mailWriters[p.kind];
	if (!writer) throw new Error(`no writer for mail kind ${p.kind}`);
	const mail = await writer(ctx, p);
	if (!mail) return { status: 'skipped' as const };
	const host = new URL(ctx.env.origin).host;
	const messageId = await ctx.mailer.send({ ...mail, messageId: `<mail-${jobId}@${host}>` });
	return { status: 'sent' as const, recipient: mail.to, subject: mail.subject, messageId };
}
