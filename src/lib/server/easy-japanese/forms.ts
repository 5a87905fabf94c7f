// The やさしい日本語 form (issue 16), one for events, practices and places
// (/events/<id>/easy, /practices/<id>/easy, /places/<id>/easy): a summary and a
// body, checked for length only. The guideline's checker ($lib/easy-japanese/
// check) runs in the page on what is typed, never blocking: with JavaScript
// as people type, without it after 「チェックする」 (the `check` action answers
// the form as typed, unsaved). Saving lands on the page's やさしい日本語 version.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import {
	EASY_BODY_MAX,
	EASY_PARAM,
	EASY_SUMMARY_MAX,
	type EasySubject,
	type EasyVersion
} from '$lib/easy-japanese/version';
import { m } from '$lib/paraglide/messages';
import { saveEasyVersion } from '$lib/server/db/easy-versions';
import { requestDb } from '$lib/server/db/request';
import { redirectWithFlash } from '$lib/server/events/flash';
import { optionalText } from '$lib/server/forms/fields';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';

export const easySchema = () =>
	z.object({
		summary: optionalText(EASY_SUMMARY_MAX, m.easy_summary_too_long()),
		body: optionalText(EASY_BODY_MAX, m.easy_body_too_long())
	});

/** The form as the page starts it: the version there is, or empty. */
export const easyForm = (version: EasyVersion) =>
	superValidate({ summary: version.summary ?? '', body: version.body ?? '' }, zod4(easySchema()), {
		errors: false
	});

/** 「チェックする」 without JavaScript: the text back as typed, nothing saved. */
export async function checkEasyForm(event: RequestEvent) {
	const form = await superValidate(event.request, zod4(easySchema()));
	return form.valid ? { form } : fail(400, { form });
}

/**
 * 保存する: writes both fields (both empty: the version is removed) and lands on
 * the subject's page (`path`, localized) showing it, with a flash at #easy.
 */
export async function saveEasyForm(
	event: RequestEvent,
	target: { subject: EasySubject; id: string; path: string }
) {
	const form = await superValidate(event.request, zod4(easySchema()));
	if (!form.valid) return fail(400, { form });
	const version = { summary: form.data.summary || null, body: form.data.body || null };
	const saved = await saveEasyVersion(requestDb(), target.subject, target.id, version);
	if (!saved.ok)
		return message(form, refusalMessage(saved.refusal), {
			status: saved.refusal === 'bad_length' ? 400 : 403
		});
	const removed = !version.summary && !version.body;
	logEvent('easy_version_saved', { subject: target.subject, id: target.id, removed });
	redirectWithFlash(
		event.cookies,
		event.url,
		target.path,
		{ text: removed ? m.easy_form_removed() : m.easy_form_saved(), ok: true, target: 'easy' },
		removed ? '' : `?${EASY_PARAM}=1`
	);
}
