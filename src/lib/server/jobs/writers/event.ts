// Mails about what a member joined: confirmations (with the .ics), promotion,
// changes and cancellations of an event or one date, and 前日のお知らせ.
import {
	mailEvent,
	mailOccurrenceEvent,
	mailOccurrences,
	mailWaitlistPosition
} from '../../db/mail';
import { composeEventMail, type Before } from '../../mail/compose';
import { addressed, recipientFor } from './common';
import type { MailWriter, SendMailPayload } from './types';

interface EventMailPayload extends SendMailPayload {
	event_id?: string;
	occurrence_id?: string | null;
	registration_id?: string;
	before?: Before | null;
	once_key?: string;
}

export const writeEventMail: MailWriter = async (ctx, raw) => {
	const p = raw as EventMailPayload;
	const recipient = await recipientFor(ctx, p);
	if (!recipient) return null;
	const occurrenceId = p.occurrence_id ?? null;
	let eventId = p.event_id ?? null;
	if (!eventId && occurrenceId) {
		eventId = await mailOccurrenceEvent(ctx.db, occurrenceId);
	}
	if (!eventId) return null;
	const event = await mailEvent(ctx.db, eventId);
	if (!event) return null;
	const occurrences = (await mailOccurrences(ctx.db, p.user_id, eventId, occurrenceId)).filter(
		(o) => o.registration && o.registration !== 'cancelled'
	);
	// left every date meanwhile: nothing to tell
	if (!occurrences.length) return null;
	let kind = p.kind;
	const first = occurrences[0];
	// joined and promoted before the confirmation went out: confirm the place
	if (kind === 'waitlisted' && first.registration === 'going') kind = 'registered';
	if (kind === 'reminder' && (first.status !== 'scheduled' || event.status !== 'published'))
		return null;
	const waitlistPosition =
		kind === 'waitlisted' ? await mailWaitlistPosition(ctx.db, p.user_id, first.id) : null;
	const mail = composeEventMail({
		kind,
		locale: recipient.locale,
		origin: ctx.env.origin,
		recipientName: recipient.displayName,
		event,
		occurrences,
		before: p.before ?? null,
		waitlistPosition,
		unsubscribeUrl: recipient.unsubscribe?.url ?? null
	});
	return { ...mail, ...addressed(recipient) };
};
