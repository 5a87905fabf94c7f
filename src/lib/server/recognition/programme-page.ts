// Load and save of the programme editor, shared by its new and edit pages.
import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireCoordinator } from '$lib/server/auth/guard';
import { eventOptions, publishedPracticeOptions, saveProgramme } from '$lib/server/db/programmes';
import { requestDb } from '$lib/server/db/request';
import { refusalMessage } from '$lib/server/forms/refusals';
import { logEvent } from '$lib/server/log';
import { m } from '$lib/paraglide/messages';
import { readProgrammeForm } from './programme-form';

/**
 * The practices and events the form offers, with those the programme holds (`current`) however
 * far down the lists they would sort.
 */
export async function programmeChoices(current?: { eventId: string; practiceIds: string[] }) {
	const db = requestDb();
	const [practices, events] = await Promise.all([
		publishedPracticeOptions(db, undefined, current?.practiceIds),
		eventOptions(db, undefined, undefined, current ? [current.eventId] : [])
	]);
	return { practices, events };
}

/** Saves the posted programme; the form again (400/409) or a redirect to the editor. */
export async function saveProgrammeAction(request: Request, id: string | null) {
	const { user } = requireCoordinator();
	const db = requestDb();
	const data = await request.formData();
	// the practices the form names, checked by id wherever they would sort in its list
	const named = [...data.getAll('practiceId'), data.get('addPracticeId')].filter(
		(v): v is string => typeof v === 'string'
	);
	const practices = new Map(
		(await publishedPracticeOptions(db, undefined, named)).map((p) => [p.id, p])
	);
	const read = readProgrammeForm(data, practices);
	if (!read.ok) return fail(400, { programme: { values: read.values, errors: read.errors } });
	const result = await saveProgramme(db, id, {
		eventId: read.values.eventId,
		title: read.values.title,
		isPublic: read.values.isPublic,
		items: read.values.rows.map((r) => ({
			practiceId: r.practiceId,
			presenter: r.presenter,
			paragraph: r.paragraph,
			startsAt: r.startsAt || null
		}))
	});
	if (!result.ok)
		return fail(409, {
			programme: {
				values: read.values,
				errors: {
					rows: {},
					title: refusalMessage(result.refusal, {
						not_published: m.recognition_refusal_not_published
					})
				}
			}
		});
	logEvent('programme_saved', { userId: user.id, programmeId: result.id });
	redirect(303, `${localizeHref(`/coordinate/programmes/${result.id}`)}?saved=1`);
}
