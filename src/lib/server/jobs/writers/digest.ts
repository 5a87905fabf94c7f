// 今週末と来週のイベント (weekly) and 新しく公開されたイベント (daily): the digest of
// what a member follows, added by private.enqueue_digests with its window in
// the payload. The events are read now, at send time: one cancelled or
// unpublished meanwhile is left out, and with nothing left there is no mail.
import { digestEvents } from '../../db/digest';
import { composeDigestMail } from '../../mail/digest';
import { addressed, recipientFor } from './common';
import type { MailWriter, SendMailPayload } from './types';

interface DigestPayload extends SendMailPayload {
	frequency: 'weekly' | 'daily';
	/** the dates listed: [from, to) */
	from: string;
	to: string;
	/** daily: only events whose followed-event notice came in [new_since, new_until) */
	new_since?: string;
	new_until?: string;
}

export const writeDigestMail: MailWriter = async (ctx, raw) => {
	const p = raw as DigestPayload;
	const recipient = await recipientFor(ctx, p);
	if (!recipient) return null;
	const events = await digestEvents(ctx.db, p.user_id, {
		from: p.from,
		to: p.to,
		newSince: p.new_since ?? null,
		newUntil: p.new_until ?? null
	});
	if (!events.length) return null;
	// the digest is governed by a preference, so recipientFor signed its one-click link
	if (!recipient.unsubscribe) throw new Error('a digest without its one-click unsubscribe link');
	const mail = composeDigestMail({
		frequency: p.frequency === 'daily' ? 'daily' : 'weekly',
		locale: recipient.locale,
		origin: ctx.env.origin,
		recipientName: recipient.displayName,
		window: { from: p.from, to: p.to },
		events,
		unsubscribeUrl: recipient.unsubscribe.url
	});
	return { ...mail, ...addressed(recipient) };
};
