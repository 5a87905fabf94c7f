// Saving the practice form (/practices/new and /practices/<id>/edit share it):
// the whole form checked first (superforms + zod), then who may write, then
// the one new photo (processImage, then saveImage with the service role: only
// after the checks), then save_practice with everything in one transaction,
// then 提出する when that button was pressed. A refusal goes next to its field
// and the form keeps what was typed; nothing is written unless all of it is fine.
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { setError, superValidate, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { canWritePracticeFor, practicePermissions } from '$lib/permissions';
import { requireUser } from '$lib/server/auth/guard';
import {
	getPractice,
	savePractice,
	submitPractice,
	type PracticeDetail
} from '$lib/server/db/practices';
import { mySuspension } from '$lib/server/db/moderation';
import { requestDb } from '$lib/server/db/request';
import { redirectWithFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { postedFile, storeUpload } from '$lib/server/images/upload';
import { logEvent } from '$lib/server/log';
import { editedOrganizations } from '$lib/server/orgs/memberships';
import { organizationSearch } from '$lib/server/orgs/search';
import { practiceChoices, sentPracticeOrganizationIds } from './choices';
import { orderedPhotos, practiceInputOf, practiceSchema, roomForPhoto } from './forms';

/**
 * 「探す」 among the partners, on both pages: the form comes back as it was typed, with what was
 * found (a photo chosen is not kept: a browser sends a file once).
 */
export async function findPartnersAction(event: RequestEvent, current: PracticeDetail | null) {
	const { user } = requireUser();
	const db = requestDb();
	const body = await event.request.formData();
	const lead = body.get('leadOrganizationId');
	const { choices, lists } = await practiceChoices(
		db,
		user,
		typeof lead === 'string' ? lead : '',
		current,
		sentPracticeOrganizationIds(body)
	);
	const form = await superValidate(body, zod4(practiceSchema(choices)), { errors: false });
	return { form, partnerSearch: await organizationSearch(db, body, lists.partners) };
}

/** The form action of both pages. `current`: the practice being edited (null: a new one). */
export async function savePracticeForm(event: RequestEvent, current: PracticeDetail | null) {
	const { user } = requireUser();
	const db = requestDb();
	const body = await event.request.formData();
	const lead = body.get('leadOrganizationId');
	const posted = typeof lead === 'string' ? lead : '';
	const { choices } = await practiceChoices(
		db,
		user,
		posted,
		current,
		sentPracticeOrganizationIds(body)
	);
	const form = await superValidate(body, zod4(practiceSchema(choices)));
	const file = postedFile(body, 'newPhotoFile');
	if (file && !form.data.newPhotoAlt)
		setError(form, 'newPhotoAlt', m.practice_refusal_photo_alt_required());
	if (file && !roomForPhoto(form.data))
		setError(form, 'newPhoto', m.practice_refusal_too_many_photos());
	if (!form.valid) return fail(400, { form });

	// who may write (save_practice checks it again): an editor of the lead
	// organization, or a coordinator; for an edit also of the current one
	const editorOf = new Set(
		[...choices.organizationIds].filter((id) => id === form.data.leadOrganizationId)
	);
	if (!canWritePracticeFor(user, form.data.leadOrganizationId, editorOf)) error(403, 'Forbidden');

	let added: { hash: string; alt: string } | null = null;
	if (file) {
		const stored = await storeUpload(file, user.id);
		if (!stored.ok) return setError(form, 'newPhoto', stored.message);
		added = { hash: stored.image.hash, alt: form.data.newPhotoAlt };
	}

	const input = practiceInputOf(current?.id ?? null, form.data, orderedPhotos(form.data, added));
	const saved = await savePractice(db, input);
	if (!saved.ok) {
		const at = {
			no_lead_organization: 'leadOrganizationId',
			no_start_date: 'startedOn',
			ended_before_started: 'endedOn',
			too_many_photos: 'newPhoto',
			photo_alt_required: 'newPhotoAlt'
		} as const;
		const field = (at as Partial<Record<string, (typeof at)[keyof typeof at]>>)[saved.refusal];
		if (field) return setError(form, field, refusalMessage(saved.refusal));
		return message(form, refusalMessage(saved.refusal), {
			status: saved.refusal === 'bad_length' ? 400 : 403
		});
	}
	logEvent(current ? 'practice_saved' : 'practice_created', {
		userId: user.id,
		practiceId: saved.id
	});

	let text: string = added ? m.practice_saved_with_photo() : m.practice_saved();
	let ok = true;
	if (body.get('intent') === 'submit') {
		const submitted = await submitPractice(db, saved.id);
		text = submitted.ok ? m.practice_submitted() : refusalMessage(submitted.refusal);
		ok = submitted.ok;
		if (submitted.ok) logEvent('practice_submitted', { userId: user.id, practiceId: saved.id });
	}
	const path = localizeHref(`/practices/${saved.id}/edit`);
	redirectWithFlash(event.cookies, event.url, path, { text, ok, target: 'practice-status' });
}

/** The practice for its edit page and action: 404 when hidden, 403 when not the viewer's to edit. */
export async function editablePractice(id: string) {
	const { user } = requireUser();
	const db = requestDb();
	const [practice, editorOf, suspension] = await Promise.all([
		getPractice(db, id),
		editedOrganizations(db, user.id),
		mySuspension(db, user.id)
	]);
	if (!practice) error(404, 'Not Found');
	const facts = { status: practice.status, leadOrganizationId: practice.leadOrganization.id };
	const can = practicePermissions(user, facts, editorOf, suspension !== null);
	if (!practicePermissions(user, facts, editorOf).edit) error(403, 'Forbidden');
	return { user, practice, can };
}
