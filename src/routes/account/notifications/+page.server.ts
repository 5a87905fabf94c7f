import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guard';
import { listFollows } from '$lib/server/db/follows';
import {
	mailLocale,
	myEmailBouncedAt,
	myNotificationPreferences,
	saveNotificationPreferences,
	setMailLocale
} from '$lib/server/db/notification-preferences';
import { requestDb } from '$lib/server/db/request';
import { takeFlash } from '$lib/server/events/flash';
import { followAction } from '$lib/server/follows/action';
import { preferencesSchema } from '$lib/server/notifications/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, cookies }) => {
	const { user } = requireUser();
	const db = requestDb();
	const [prefs, follows, locale, emailBouncedAt] = await Promise.all([
		myNotificationPreferences(db, user.id),
		listFollows(db, user.id),
		mailLocale(db, user.id),
		myEmailBouncedAt(db)
	]);
	const prefsForm = await superValidate({ ...prefs.current, locale }, zod4(preferencesSchema()), {
		id: 'prefs',
		errors: false
	});
	return { prefsForm, follows, emailBouncedAt, flash: takeFlash(cookies, url) };
};

export const actions: Actions = {
	save: async ({ request }) => {
		const { user } = requireUser();
		const prefsForm = await superValidate(request, zod4(preferencesSchema()), { id: 'prefs' });
		if (!prefsForm.valid) return fail(400, { prefsForm });
		const db = requestDb();
		const [before, locale] = await Promise.all([
			myNotificationPreferences(db, user.id),
			mailLocale(db, user.id)
		]);
		await saveNotificationPreferences(db, user.id, prefsForm.data, before);
		if (prefsForm.data.locale !== locale) await setMailLocale(db, user.id, prefsForm.data.locale);
		return message(prefsForm, m.prefs_saved());
	},
	// フォローをやめる on the list (the form names the area, field or organization)
	follow: async (event) => followAction(event, 'posted', '/account/notifications', 'follows')
};
