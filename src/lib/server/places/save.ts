// Saving the place form (/places/new and /places/<id>/edit share it): the
// whole form checked first (superforms + zod), then who may write, then the
// one new photo (stored only after the checks), then save_place with
// everything in one transaction. A refusal goes next to its field and the form
// keeps what was typed; nothing is written unless all of it is fine. A save is
// also a confirmation (最終確認日 becomes today); a correction the keeper
// came from (?correction=<id>) is marked as dealt with.
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { isCoordinator } from '$lib/auth/roles';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { canKeepPlaceOf, editsFor } from '$lib/permissions';
import type { SessionUser } from '$lib/server/auth/session';
import { requireUser } from '$lib/server/auth/guard';
import type { Db } from '$lib/server/db/client';
import { listOrganizationChoices } from '$lib/server/db/orgs';
import { myMemberships } from '$lib/server/orgs/memberships';
import { getPlace, resolveCorrection, savePlace, type PlaceDetail } from '$lib/server/db/places';
import { requestDb } from '$lib/server/db/request';
import { listAreas } from '$lib/server/db/taxonomy';
import { redirectWithFlash } from '$lib/server/events/flash';
import { refusalMessage } from '$lib/server/forms/refusals';
import { postedFile, storeUpload } from '$lib/server/images/upload';
import { logEvent } from '$lib/server/log';
import { UUID } from '$lib/forms/patterns';
import { orderedPhotos, placeInputOf, placeSchema, roomForPhoto, type PlaceChoices } from './forms';
import { geocode } from './geocode';

/** What the form offers: active areas, and the organizations the person keeps places for. */
export async function placeChoices(db: Db, user: SessionUser, current?: PlaceDetail | null) {
	const [areas, memberships, orgs] = await Promise.all([
		listAreas(db, { includeRetired: true }),
		myMemberships(db, user.id),
		isCoordinator(user.role) ? listOrganizationChoices(db) : Promise.resolve([])
	]);
	const edited = memberships
		.filter((mb) => editsFor(mb.role))
		.map((mb) => ({ id: mb.id, name: mb.name }));
	const organizations = isCoordinator(user.role) ? [...orgs] : edited;
	// the place's own organization stays choosable for whoever may edit it
	if (current?.organization && !organizations.some((o) => o.id === current.organization?.id))
		organizations.push({ id: current.organization.id, name: current.organization.name });
	const activeAreas = areas.filter((a) => !a.retired_at || a.id === current?.area?.id);
	const choices: PlaceChoices = {
		organizationIds: new Set(organizations.map((o) => o.id)),
		areaIds: new Set(activeAreas.map((a) => a.id)),
		allowNoOrganization: isCoordinator(user.role)
	};
	return {
		lists: { organizations, areas: activeAreas, editorOf: edited.map((o) => o.id) },
		choices
	};
}

/** The place for its edit page and action: 404 when hidden, 403 when not the viewer's to keep. */
export async function editablePlace(id: string) {
	const { user } = requireUser();
	const db = requestDb();
	const [place, memberships] = await Promise.all([getPlace(db, id), myMemberships(db, user.id)]);
	if (!place) error(404, 'Not Found');
	const editorOf = new Set(memberships.filter((mb) => editsFor(mb.role)).map((mb) => mb.id));
	if (!canKeepPlaceOf(user, place.organization?.id ?? null, editorOf)) error(403, 'Forbidden');
	return { user, place };
}

/** The form action of both pages. `current`: the place being edited (null: a new one). */
export async function savePlaceForm(event: RequestEvent, current: PlaceDetail | null) {
	const { user } = requireUser();
	const db = requestDb();
	const body = await event.request.formData();
	const { choices } = await placeChoices(db, user, current);
	const form = await superValidate(body, zod4(placeSchema(choices)));
	const file = postedFile(body, 'newPhotoFile');
	if (file && !form.data.newPhotoAlt)
		setError(form, 'newPhotoAlt', m.practice_refusal_photo_alt_required());
	if (file && !roomForPhoto(form.data))
		setError(form, 'newPhoto', m.practice_refusal_too_many_photos());
	if (!form.valid) return fail(400, { form });

	let added: { hash: string; alt: string } | null = null;
	if (file) {
		const stored = await storeUpload(file, user.id);
		if (!stored.ok) return setError(form, 'newPhoto', stored.message);
		added = { hash: stored.image.hash, alt: form.data.newPhotoAlt };
	}

	const input = placeInputOf(current?.id ?? null, form.data, orderedPhotos(form.data, added));
	const saved = await savePlace(db, input);
	if (!saved.ok) {
		const at = {
			unknown_area: 'areaId',
			outside_japan: 'latitude',
			point_incomplete: 'latitude',
			too_many_photos: 'newPhoto',
			photo_alt_required: 'newPhotoAlt',
			forbidden: 'organizationId'
		} as const;
		const field = (at as Partial<Record<string, (typeof at)[keyof typeof at]>>)[saved.refusal];
		if (field) return setError(form, field, refusalMessage(saved.refusal));
		return message(form, refusalMessage(saved.refusal), {
			status: saved.refusal === 'bad_length' ? 400 : 403
		});
	}
	logEvent(current ? 'place_saved' : 'place_created', { userId: user.id, placeId: saved.id });

	// the correction the keeper came to deal with
	const correction = event.url.searchParams.get('correction');
	if (correction && UUID.test(correction)) await resolveCorrection(db, correction);

	const path = localizeHref(`/places/${saved.id}`);
	redirectWithFlash(event.cookies, event.url, path, {
		text: added ? m.place_saved_with_photo() : m.place_saved(),
		ok: true,
		target: 'place-status'
	});
}

/**
 * 住所から位置を探す (both pages): the whole form comes back as it was typed,
 * with the point of its address filled in, or a message next to the address.
 * Nothing is written. The other fields are not checked here (the save does).
 */
export async function locatePlaceForm(event: RequestEvent, current: PlaceDetail | null) {
	const { user } = requireUser();
	const body = await event.request.formData();
	const { choices } = await placeChoices(requestDb(), user, current);
	const form = await superValidate(body, zod4(placeSchema(choices)), { errors: false });
	const address = form.data.address.trim();
	if (!address) return setError(form, 'address', m.place_locate_no_address());
	const found = await geocode(address);
	if (found === 'unavailable') return setError(form, 'address', m.place_locate_unavailable());
	if (!found) return setError(form, 'address', m.place_locate_not_found());
	form.data.latitude = found.latitude.toFixed(6);
	form.data.longitude = found.longitude.toFixed(6);
	return message(form, m.place_locate_found({ title: found.title || address }));
}
