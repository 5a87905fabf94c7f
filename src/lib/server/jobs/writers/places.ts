// Place mails, from the notice that caused them: place_correction (to the
// place's keepers) and places_stale (the monthly reminder), kind 'place',
// preference reminders. Nothing is sent when the correction was dealt with
// meanwhile or every place was confirmed since.
import { mailPlaceNotice } from '../../db/mail-places';
import { composePlaceMail } from '../../mail/places';
import { staleBefore } from '../../../places/stale';
import { addressed, recipientFor } from './common';
import type { MailWriter, SendMailPayload } from './types';

interface PlacePayload extends SendMailPayload {
	notification_id?: string;
}

export const writePlaceMail: MailWriter = async (ctx, raw) => {
	const p = raw as PlacePayload;
	if (!p.notification_id) return null;
	const [recipient, notice] = await Promise.all([
		recipientFor(ctx, p),
		mailPlaceNotice(ctx.db, p.notification_id, staleBefore(new Date()))
	]);
	if (!recipient || !notice || notice.userId !== p.user_id) return null;
	const mail = composePlaceMail({
		locale: recipient.locale,
		origin: ctx.env.origin,
		recipientName: recipient.displayName,
		unsubscribeUrl: recipient.unsubscribe?.url ?? null,
		notice
	});
	return { ...mail, ...addressed(recipient) };
};
