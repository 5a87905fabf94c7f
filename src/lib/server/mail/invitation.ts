// Invitation mails (pure: no database): an invitation into an organization by
// email (who invites, to what and as what, until when, where to answer) and
// a request to co-host an event, sent to the invited organization's owners
// and editors (who asks, which event and when, where to answer).
// Relative imports: the worker runs this outside SvelteKit.
import { formatDate, formatEventTime } from '../../format';
import * as m from '../../paraglide/messages.js';
import { composeMail, eventUrl, siteUrl, type Addressee, type ComposedMail } from './layout';

interface Common extends Addressee {
	/** who asks (null when their name cannot be shown) */
	inviterName: string | null;
	organization: { name: string; slug: string };
	unsubscribeUrl: string | null;
}

export interface OrganizationInvitationInput extends Common {
	role: 'editor' | 'member';
	expiresAt: string;
}

export interface CohostInput extends Common {
	event: {
		id: string;
		title: string;
		startsAt: string;
		endsAt: string;
		allDay: boolean;
		/** the organizing organization, or the organiser's name */
		organizerName: string | null;
	};
}

export function composeOrganizationInvitationMail(
	input: OrganizationInvitationInput
): ComposedMail {
	const o = { locale: input.locale };
	const organization = input.organization.name;
	const role =
		input.role === 'editor' ? m.invitation_role_editor({}, o) : m.invitation_role_member({}, o);
	const intro = input.inviterName
		? m.mail_intro_org_invitation({ name: input.inviterName, organization, role }, o)
		: m.mail_intro_org_invitation_unnamed({ organization, role }, o);
	return composeMail(input, m.mail_subject_org_invitation({ organization }, o), [
		{ text: intro },
		{
			rows: [
				[m.mail_label_organization({}, o), organization],
				[m.mail_label_expires({}, o), formatDate(input.expiresAt, input.locale)]
			]
		},
		{
			label: m.mail_invitation_accept({}, o),
			url: siteUrl(input.origin, input.locale, '/account#invitations-heading')
		},
		{
			label: m.mail_link({}, o),
			url: siteUrl(
				input.origin,
				input.locale,
				`/orgs/${encodeURIComponent(input.organization.slug)}`
			)
		}
	]);
}

export function composeCohostMail(input: CohostInput): ComposedMail {
	const o = { locale: input.locale };
	const organization = input.organization.name;
	const title = input.event.title;
	const intro = input.inviterName
		? m.mail_intro_cohost({ name: input.inviterName, title, organization }, o)
		: m.mail_intro_cohost_unnamed({ title, organization }, o);
	const rows: [string, string][] = [
		[m.mail_label_event({}, o), title],
		[
			m.mail_label_when({}, o),
			formatEventTime(input.event.startsAt, input.event.endsAt, input.event.allDay, input.locale)
		]
	];
	if (input.event.organizerName)
		rows.push([m.mail_label_organizer({}, o), input.event.organizerName]);
	rows.push([m.mail_label_organization({}, o), organization]);
	return composeMail(input, m.mail_subject_cohost({ title }, o), [
		{ text: intro },
		{ rows },
		{
			label: m.mail_cohost_answer({}, o),
			url: siteUrl(
				input.origin,
				input.locale,
				`/orgs/${encodeURIComponent(input.organization.slug)}#cohost-requests`
			)
		},
		{ label: m.mail_link({}, o), url: eventUrl(input.origin, input.locale, input.event.id) }
	]);
}
