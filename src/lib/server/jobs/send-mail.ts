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
import {
	mailEvent,
	mailLogBegin,
	mailLogFinish,
	mailOccurrenceEvent,
	mailOccurrences,
	mailRecipient,
	mailWaitlistPosition,
	type MailKind
} from '../db/mail';
import { composeEventMail, type Before } from '../mail/compose';
import type { JobContext } from './config';

export interface SendMailPayload {
	kind: MailKind;
	user_id: string;
	event_id?: string;
	occurrence_id?: string | null;
	registration_id?: string;
	before?: Before | null;
	once_key?: string;
}

export function sendMailTask(ctx: JobContext) {
	return async (raw: unknown, helpers: JobHelpers) => {
		const payload = raw as SendMailPayload;
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
	const skipped = { status: 'skipped' as const };
	const recipient = await mailRecipient(ctx.db, p.user_id);
	if (!recipient) return skipped;
	const occurrenceId = p.occurrence_id ?? null;
	let eventId = p.event_id ?? null;
	if (!eventId && occurrenceId) {
		eventId = await mailOccurrenceEvent(ctx.db, occurrenceId);
	}
	if (!eventId) return skipped;
	const event = await mailEvent(ctx.db, eventId);
	if (!event) return skipped;
	const occurrences = (await mailOccurrences(ctx.db, p.user_id, eventId, occurrenceId)).filter(
		(o) => o.registration && o.registration !== 'cancelled'
	);
	// left every date meanwhile: nothing to tell
	if (!occurrences.length) return skipped;
	let kind = p.kind;
	const first = occurrences[0];
	// joined and promoted before the confirmation went out: confirm the place
	if (kind === 'waitlisted' && first.registration === 'going') kind = 'registered';
	if (kind === 'reminder' && (first.status !== 'scheduled' || event.status !== 'published'))
		return skipped;
	const waitlistPosition =
		kind === 'waitlisted' ? await mailWaitlistPosition(ctx.db, p.user_id, first.id) : null;
	const mail = composeEventMail({
		kind,
		locale: 'ja',
		origin: ctx.env.origin,
		recipientName: recipient.displayName,
		event,
		occurrences,
		before: p.before ?? null,
		waitlistPosition
	});
	const host = new URL(ctx.env.origin).host;
	const messageId = await ctx.mailer.send({
		to: recipient.email,
		...mail,
		messageId: `<mail-${jobId}@${host}>`
	});
	return { status: 'sent' as const, recipient: recipient.email, subject: mail.subject, messageId };
}
