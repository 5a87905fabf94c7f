import { error, redirect } from '@sveltejs/kit';
import { isCoordinator } from '$lib/auth/roles';
import { getRequestEvent } from '$app/server';
import { localizeHref } from '$lib/paraglide/runtime';

/** Call at the top of every load and action that needs a signed-in person. */
export function requireUser() {
	const { locals, url } = getRequestEvent();
	if (!locals.user || !locals.session) {
		const back = encodeURIComponent(url.pathname + url.search);
		redirect(303, `${localizeHref('/login')}?redirectTo=${back}`);
	}
	return { user: locals.user, session: locals.session };
}

/** Coordinators and admins (curate, moderate); 403 for everybody else. */
export function requireCoordinator() {
	const session = requireUser();
	if (!isCoordinator(session.user.role)) error(403, 'Forbidden');
	return session;
}

/** Admins only (areas, fields, site settings). */
export function requireAdmin() {
	const session = requireUser();
	if (session.user.role !== 'admin') error(403, 'Forbidden');
	return session;
}
