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
//
// What the member chose: a mail of a kind they can turn off (mail/preferences.ts)
// is written only when private.wants_mail says so (their preference, and not
// while their address bounced); otherwise it is logged 'skipped'. Such a mail
// carries List-Unsubscribe / List-Unsubscribe-Post (RFC 8058). A permanent SMTP
// failure for the address (5xx to RCPT TO or DATA) marks it bounced and logs
// the mail 'bounced', without retries.
import type { JobHelpers } from 'graphile-worker';
import { mailLogBegin, mailLogFinish, mailMarkBounced, mailWanted } from '../db/mail';
import { preferenceOf } from '../mail/preferences';
import { isPermanentFailure } from '../mail/transport';
import { unsubscribeFor } from '../mail/unsubscribe';
import type { JobContext } from './config';
import { mailWriters } from './writers';
import type { MailJob, SendMailPayload } from './writers/types';

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
			const result = await writeAndSend(ctx, payload, { id: job.id, key: job.key });
			await mailLogFinish(ctx.db, job.id, result);
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			const last = job.attempts >= job.max_attempts;
			await mailLogFinish(ctx.db, job.id, { status: last ? 'failed' : 'sending', error: message });
			throw e; // graphile-worker retries with its backoff
		}
	};
}

async function writeAndSend(ctx: JobContext, p: SendMailPayload, job: MailJob) {
	const writer = mailWriters[p.kind];
	if (!writer) throw new Error(`no writer for mail kind ${p.kind}`);
	const preference = preferenceOf(p.kind);
	if (preference && !(await mailWanted(ctx.db, p.user_id, preference))) {
		return { status: 'skipped' as const };
	}
	const mail = await writer(ctx, p, job);
	if (!mail) return { status: 'skipped' as const };
	const headers = preference
		? {
				...unsubscribeFor(ctx.env, p.user_id, preference).headers,
				...(mail.unsubscribeUrl ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>` } : {}),
				...mail.headers
			}
		: mail.headers;
	const host = new URL(ctx.env.origin).host;
	try {
		const messageId = await ctx.mailer.send({
			to: mail.to,
			subject: mail.subject,
			text: mail.text,
			html: mail.html,
			ics: mail.ics,
			headers,
			messageId: `<mail-${job.id}@${host}>`
		});
		return { status: 'sent' as const, recipient: mail.to, subject: mail.subject, messageId };
	} catch (e) {
		if (!isPermanentFailure(e)) throw e;
		await mailMarkBounced(ctx.db, p.user_id, mail.to);
		return {
			status: 'bounced' as const,
			recipient: mail.to,
			subject: mail.subject,
			error: e instanceof Error ? e.message : String(e)
		};
	}
}
