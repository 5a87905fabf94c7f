// Loading a 声's pages: the 声 (RLS decides who reads it) and whether the
// viewer manages its event (moves and edits it). 404 when it is not there
// for the viewer.
import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { findEvent } from '$lib/server/db/events';
import { requestDb } from '$lib/server/db/request';
import { findVoice } from '$lib/server/db/voices';
import { managesEvent } from '$lib/server/events/access';

export async function loadVoiceContext(voiceId: string) {
	const db = requestDb();
	const { locals } = getRequestEvent();
	const voice = await findVoice(db, voiceId);
	if (!voice) error(404, 'Not Found');
	const event = locals.user ? await findEvent(db, voice.event.id) : null;
	const canManage = event ? await managesEvent(db, event, locals.user) : false;
	return { db, voice, canManage };
}

/** The same for its organisers only: 403 for others (after sign-in). */
export async function loadManagedVoice(voiceId: string) {
	const context = await loadVoiceContext(voiceId);
	if (!context.canManage) error(403, 'Forbidden');
	return context;
}
