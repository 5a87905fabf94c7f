// The signed-in person's suspension in force, read once per request: the
// header's banner (root layout) and the page's permissions (threads, comments)
// both need it, and they load side by side. A page read (GET) takes it from
// the session's status (validate_session reads it with the session: no
// request); after a form's action (POST) it is read again, as the action may
// have changed it.
import { getRequestEvent } from '$app/server';
import { statusIsCurrent } from '$lib/server/auth/status';
import { mySuspension } from '$lib/server/db/moderation';
import { requestDb } from '$lib/server/db/request';

// keyed by the request's locals: SvelteKit gives each load its own event object
const read = new WeakMap<App.Locals, ReturnType<typeof mySuspension>>();

export function currentSuspension(userId: string): ReturnType<typeof mySuspension> {
	const { locals } = getRequestEvent();
	if (statusIsCurrent() && locals.status) return Promise.resolve(locals.status.suspension);
	let suspension = read.get(locals);
	if (!suspension) {
		suspension = mySuspension(requestDb(), userId);
		read.set(locals, suspension);
	}
	return suspension;
}
