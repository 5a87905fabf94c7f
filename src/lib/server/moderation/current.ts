// The signed-in person's suspension in force, read once per request: the
// header's banner (root layout) and the page's permissions (threads, comments)
// both need it, and they load side by side.
import type { RequestEvent } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { mySuspension } from '$lib/server/db/moderation';
import { requestDb } from '$lib/server/db/request';

const read = new WeakMap<RequestEvent, ReturnType<typeof mySuspension>>();

export function currentSuspension(userId: string): ReturnType<typeof mySuspension> {
	const event = getRequestEvent();
	let suspension = read.get(event);
	if (!suspension) {
		suspension = mySuspension(requestDb(), userId);
		read.set(event, suspension);
	}
	return suspension;
}
