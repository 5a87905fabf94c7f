import { redirect } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { findCredentialsByUser, sendEmailChange, setPasswordHash } from '$lib/server/auth/account';
import { displayNameSchema, emailChangeSchema, passwordChangeSchema } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guard';
import { startSession } from '$lib/server/auth/login';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { mailThrottleFor, recordAttempt } from '$lib/server/auth/throttle';
import {
	deleteSessionCookie,
	invalidateUserSessions,
	listActiveSessions
} from '$lib/server/auth/session';
import type { Db } from '$lib/server/db/client';
import {
	acceptInvitation,
	declineInvitation,
	listMyInvitations
} from '$lib/server/db/org-invitations';
import {
	findOwnProfile,
	saveOwnProfile,
	setDisplayName,
	type OwnProfile
} from '$lib/server/db/people';
import { requestDb } from '$lib/server/db/request';
import { listAreas, listFields } from '$lib/server/db/taxonomy';
import { refusalMessage } from '$lib/server/forms/refusals';
import { notice, readForm, refuse } from '$lib/server/forms/small';
import { logEvent } from '$lib/server/log';
import { invitationSchema, normalizeBio, profileSchema } from '$lib/server/people/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * What the profile form offers: active areas and fields, plus retired ones the
 * person already has (so that they can still remove them).
 */
async function profileChoices(db: Db, own: OwnProfile) {
	const [areas, fields] = await Promise.all([
		listAreas(db, { includeRetired: true }),
		listFields(db, { includeRetired: true })
	]);
	const held = new Set([...own.areaIds, ...own.fieldIds]);
	const offered = <T extends { id: string; retired_at: string | null }>(items: T[]) =>
		items.filter((i) => !i.retired_at || held.has(i.id));
	return { areas: offered(areas), fields: offered(fields) };
}

const allowedIds = (choices: Awaited<ReturnType<typeof profileChoices>>) => ({
	areas: new Set(choices.areas.map((a) => a.id)),
	fields: new Set(choices.fields.map((f) => f.id))
});

export const load: PageServerLoad = async () => {
	const { user, session } = requireUser();
	const db = requestDb();
	const own = await findOwnProfile(db, user.id);
	const choices = await profileChoices(db, own);
	const [nameForm, passwordForm, profileForm, sessions, invitations, credentials, emailForm] =
		await Promise.all([
			superValidate({ displayName: user.displayName }, zod4(displayNameSchema()), {
				id: 'displayName',
				errors: false
			}),
			superValidate(zod4(passwordChangeSchema('')), { id: 'password' }),
			superValidate(
				{ bio: own.bio, listed: own.listed, areas: own.areaIds, fields: own.fieldIds },
				zod4(profileSchema(allowedIds(choices))),
				{ id: 'profile', errors: false }
			),
			listActiveSessions(user.id, session.id),
			listMyInvitations(db, user.id),
			findCredentialsByUser(user.id),
			superValidate(zod4(emailChangeSchema('')), { id: 'email' })
		]);
	return {
		user,
		nameForm,
		passwordForm,
		profileForm,
		// whether /people/<id> is public now (as saved, not as typed)
		listed: own.listed,
		areas: choices.areas,
		fields: choices.fields,
		sessions,
		invitations,
		email: credentials.email,
		emailVerified: user.emailVerified,
		emailForm
	};
};

export const actions: Actions = {
	displayName: async ({ request }) => {
		const { user } = requireUser();
		const nameForm = await superValidate(request, zod4(displayNameSchema()), { id: 'displayName' });
		if (!nameForm.valid) return fail(400, { nameForm });
		await setDisplayName(requestDb(), user.id, nameForm.data.displayName);
		return message(nameForm, m.account_saved());
	},

	password: async (event) => {
		const { user } = requireUser();
		const credentials = await findCredentialsByUser(user.id);
		const passwordForm = await superValidate(
			event.request,
			zod4(passwordChangeSchema(credentials.email)),
			{ id: 'password' }
		);
		const { currentPassword, newPassword } = passwordForm.data;
		passwordForm.data = { currentPassword: '', newPassword: '' };
		if (!passwordForm.valid) return fail(400, { passwordForm });
		if (!(await verifyPassword(credentials.passwordHash, currentPassword))) {
			return setError(passwordForm, 'currentPassword', m.error_current_password_wrong());
		}
		await setPasswordHash(user.id, await hashPassword(newPassword));
		// every other device is logged out; this one gets a fresh session
		await invalidateUserSessions(user.id);
		await startSession(event, user.id);
		logEvent('password_changed', { userId: user.id });
		return message(passwordForm, m.account_password_changed());
	},

	/**
	 * A new address: a confirmation link goes to it (nothing when it has an
	 * account: the same answer), and the address changes only when the link is
	 * used (/account/email/<token>). Needs the current password.
	 */
	email: async (event) => {
		const { user } = requireUser();
		const credentials = await findCredentialsByUser(user.id);
		const emailForm = await superValidate(
			event.request,
			zod4(emailChangeSchema(credentials.email)),
			{ id: 'email' }
		);
		const { password } = emailForm.data;
		emailForm.data.password = ''; // never sent back to the browser
		if (!emailForm.valid) return fail(400, { emailForm });
		if (!(await verifyPassword(credentials.passwordHash, password))) {
			return setError(emailForm, 'password', m.error_current_password_wrong());
		}
		const ip = event.getClientAddress();
		const retryAfter = await mailThrottleFor('email_change', credentials.email, ip);
		if (retryAfter > 0) {
			logEvent('email_change_throttled', { userId: user.id, ip, retryAfter });
			event.setHeaders({ 'retry-after': String(retryAfter) });
			return message(
				emailForm,
				m.account_email_throttled({ minutes: Math.ceil(retryAfter / 60) }),
				{ status: 429 }
			);
		}
		await recordAttempt('email_change', credentials.email, ip, true);
		await sendEmailChange(user.id, emailForm.data.newEmail);
		logEvent('email_change_requested', { userId: user.id });
		return message(emailForm, m.account_email_sent());
	},

	logoutEverywhere: async ({ cookies, url }) => {
		const { user } = requireUser();
		await invalidateUserSessions(user.id);
		deleteSessionCookie(cookies, url);
		logEvent('logout_everywhere', { userId: user.id });
		redirect(303, localizeHref('/login'));
	},

	profile: async ({ request }) => {
		const { user } = requireUser();
		const db = requestDb();
		const choices = await profileChoices(db, await findOwnProfile(db, user.id));
		const profileForm = await superValidate(request, zod4(profileSchema(allowedIds(choices))), {
			id: 'profile'
		});
		if (!profileForm.valid) return fail(400, { profileForm });
		const { bio, listed, areas, fields } = profileForm.data;
		await saveOwnProfile(db, {
			bio: normalizeBio(bio),
			listed,
			areaIds: [...new Set(areas)],
			fieldIds: [...new Set(fields)]
		});
		return message(profileForm, m.profile_saved());
	},

	acceptInvitation: async ({ request }) => {
		requireUser();
		const posted = await readForm(request, invitationSchema());
		const accepted = posted
			? await acceptInvitation(requestDb(), posted.invitation)
			: ({ ok: false, refusal: 'invalid_invitation' } as const);
		if (!accepted.ok) return refuse(400, 'invitation', refusalMessage(accepted.refusal));
		redirect(303, localizeHref(`/orgs/${accepted.slug}`));
	},

	declineInvitation: async ({ request }) => {
		const { user } = requireUser();
		const posted = await readForm(request, invitationSchema());
		const declined = posted
			? await declineInvitation(requestDb(), user.id, posted.invitation)
			: ({ ok: false, refusal: 'invalid_invitation' } as const);
		if (!declined.ok) return refuse(400, 'invitation', refusalMessage(declined.refusal));
		return notice('invitation', m.invitation_declined());
	}
};
