// The coordinators' award form (/coordinate/awards/new and …/<id>/edit): the
// choices it offers (published practices, organizations, events), and saving
// it with every refusal next to its field.
import { fail, setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import type { RecipientRef } from '$lib/recognition/types';
import type { Db } from '$lib/server/db/client';
import { createAward, updateAward, type AwardRefusal } from '$lib/server/db/awards';
import { listOrganizationChoices } from '$lib/server/db/orgs';
import { eventOptions, publishedPracticeOptions } from '$lib/server/db/programmes';
import { refusalMessage } from '$lib/server/forms/refusals';
import { awardSchema, recipientOfForm, type AwardForm } from './forms';

/**
 * `current`: what the form holds (the award's recipient and event, a nomination's recipient),
 * offered however far down the lists it would sort.
 */
export async function awardChoices(
	db: Db,
	current: { practiceId?: string; organizationId?: string; eventId?: string } = {}
) {
	const [practices, organizations, events] = await Promise.all([
		publishedPracticeOptions(db, undefined, current.practiceId ? [current.practiceId] : []),
		listOrganizationChoices(db, current.organizationId ? [current.organizationId] : []),
		eventOptions(db, undefined, undefined, current.eventId ? [current.eventId] : [])
	]);
	return {
		practices: practices.map((p) => ({
			id: p.id,
			label: p.title,
			organizationName: p.organizationName
		})),
		organizations,
		events
	};
}

/** The form's starting values for a recipient (from the address, a nomination or an award). */
export function recipientValues(ref: RecipientRef | null) {
	if (!ref) return { recipientKind: '', practiceId: '', organizationId: '', person: '' };
	if ('practiceId' in ref)
		return {
			recipientKind: 'practice',
			practiceId: ref.practiceId,
			organizationId: '',
			person: ''
		};
	if ('organizationId' in ref)
		return {
			recipientKind: 'organization',
			practiceId: '',
			organizationId: ref.organizationId,
			person: ''
		};
	return { recipientKind: 'person', practiceId: '', organizationId: '', person: ref.profileId };
}

export const emptyAwardForm = (values: Partial<AwardForm>) =>
	superValidate(values, zod4(awardSchema()), { id: 'award', errors: false });

/** Where each refusal is shown. */
function placeRefusal(form: SuperValidated<AwardForm>, refusal: AwardRefusal) {
	const overrides = {
		not_published: m.recognition_refusal_not_published,
		not_found: m.recognition_error_not_found
	};
	const text = refusalMessage(refusal, overrides);
	const recipientField =
		form.data.recipientKind === 'practice'
			? 'practiceId'
			: form.data.recipientKind === 'organization'
				? 'organizationId'
				: 'person';
	if (refusal === 'not_published' || refusal === 'not_listed' || refusal === 'not_found')
		return setError(form, recipientField, text);
	if (refusal === 'bad_length') return setError(form, 'citation', text);
	return setError(form, '', text, { status: refusal === 'forbidden' ? 403 : 409 });
}

/**
 * Saves the posted form: a new award (`awardId` null; with the form's
 * nomination, which it answers) or changes to one. The id, or the form to
 * show again.
 */
export async function saveAwardForm(
	db: Db,
	request: Request,
	awardId: string | null
): Promise<{ ok: true; id: string } | { ok: false; failure: ReturnType<typeof fail> }> {
	const form = await superValidate(request, zod4(awardSchema()), { id: 'award' });
	if (!form.valid) return { ok: false, failure: fail(400, { form }) };
	const input = {
		recipient: recipientOfForm(form.data),
		name: form.data.name,
		citation: form.data.citation,
		awardedOn: form.data.awardedOn,
		eventId: form.data.eventId || null
	};
	const result = awardId
		? await updateAward(db, awardId, input)
		: await createAward(db, input, form.data.nominationId || null);
	if (!result.ok) return { ok: false, failure: placeRefusal(form, result.refusal) };
	return { ok: true, id: awardId ?? ('id' in result ? String(result.id) : '') };
}
