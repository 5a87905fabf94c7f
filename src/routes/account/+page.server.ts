import { redirect } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { findCredentialsByUser, setPasswordHash } from '$lib/server/auth/account';
import { displayNameSchema, passwordChangeSchema } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guard';
import { startSession } from '$lib/server/auth/login';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import {
	deleteSessionCookie,
	invalidateUserSessions,
	listUserSessions
} from '$lib/server/auth/session';
import { requestDb } from '$lib/server/db/request';
import { logEvent } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { user, session } = requireUser();
	const [nameForm, passwordForm, sessions] = await Promise.all([
		superValidate({ displayName: user.displayName }, zod4(displayNameSchema()), {
			id: 'displayName',
			errors: false
		}),
		superValidate(zod4(passwordChangeSchema('')), { id: 'password' }),
		listUserSessions(user.id, session.id)
	]);
	return { user, nameForm, passwordForm, sessions };
};

export const actions: Actions = {
	displayName: async ({ request }) => {
		const { user } = requireUser();
		const nameForm = await superValidate(request, zod4(displayNameSchema()), { id: 'displayName' });
		if (!nameForm.valid) return fail(400, { nameForm });
		// through RLS: the policy lets a person update only their own profile
		const { error } = await requestDb()
			.from('profiles')
			.update({ display_name: nameForm.data.displayName })
			.eq('id', user.id);
		if (error) throw new Error(error.message);
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
		if (!(await verifyPassword(credentials.password_hash, currentPassword))) {
			return setError(passwordForm, 'currentPassword', m.error_current_password_wrong());
		}
		await setPasswordHash(user.id, await hashPassword(newPassword));
		// every other device is logged out; this one gets a fresh session
		await invalidateUserSessions(user.id);
		await startSession(event, user.id);
		logEvent('password_changed', { userId: user.id });
		return message(passwordForm, m.account_password_changed());
	},

	logoutEverywhere: async ({ cookies, url }) => {
		const { user } = requireUser();
		await invalidateUserSessions(user.id);
		deleteSessionCookie(cookies, url);
		logEvent('logout_everywhere', { userId: user.id });
		redirect(303, localizeHref('/login'));
	}
};
