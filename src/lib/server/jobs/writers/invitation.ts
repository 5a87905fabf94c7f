// Invitation mails: an invitation into an organization by email (payload
// invitation_id, from organization_invitations) and a request to co-host an
// event (payload event_id and organization_id, from the 'cohost_invited'
// notice to each owner and editor). Nothing is sent once it was answered,
// withdrawn or expired.
import { mailEvent } from '../../db/mail';
import {
	mailCohostRequest,
	mailIsOrganizationEditor,
	mailNames,
	mailOrganizationInvitation
} from '../../db/mail-notices';
import { composeCohostMail, composeOrganizationInvitationMail } from '../../mail/invitation';
import { addressed, recipientFor } from './common';
import type { MailWriter, SendMailPayload } from './types';

interface InvitationPayload extends SendMailPayload {
	invitation_id?: string;
	event_id?: string;
	organization_id?: string;
}

export const writeInvitationMail: MailWriter = async (ctx, raw) => {
	const p = raw as InvitationPayload;
	const recipient = await recipientFor(ctx, p);
	if (!recipient) return null;
	const common = {
		locale: recipient.locale,
		origin: ctx.env.origin,
		recipientName: recipient.displayName,
		unsubscribeUrl: recipient.unsubscribe?.url ?? null
	};
	if (p.invitation_id) {
		const invitation = await mailOrganizationInvitation(ctx.db, p.invitation_id);
		if (!invitation?.open || invitation.inviteeId !== p.user_id) return null;
		const names = await mailNames(ctx.db, invitation.createdBy ? [invitation.createdBy] : []);
		const mail = composeOrganizationInvitationMail({
			...common,
			inviterName: invitation.createdBy ? (names.get(invitation.createdBy) ?? null) : null,
			organization: invitation.organization,
			role: invitation.role === 'editor' ? 'editor' : 'member',
			expiresAt: invitation.expiresAt
		});
		return { ...mail, ...addressed(recipient) };
	}
	if (p.event_id && p.organization_id) {
		const [request, event, editor] = await Promise.all([
			mailCohostRequest(ctx.db, p.event_id, p.organization_id),
			mailEvent(ctx.db, p.event_id),
			mailIsOrganizationEditor(ctx.db, p.user_id, p.organization_id)
		]);
		if (!request?.open || !event || event.status === 'cancelled' || !editor) return null;
		const names = await mailNames(ctx.db, request.invitedBy ? [request.invitedBy] : []);
		const mail = composeCohostMail({
			...common,
			inviterName: request.invitedBy ? (names.get(request.invitedBy) ?? null) : null,
			organization: request.organization,
			event: {
				id: event.id,
				title: event.title,
				startsAt: event.startsAt,
				endsAt: event.endsAt,
				allDay: event.allDay,
				organizerName: event.organizationName
			}
		});
		return { ...mail, ...addressed(recipient) };
	}
	return null;
};
