// The 発表会 programme form (/coordinate/programmes/new and /<id>): a title,
// the event, public or not, and the practices in order, each with a time,
// presenter and paragraph. Rows repeat (name="practiceId" …, read with
// getAll in order), so that it works without JavaScript: a row's 順番 number
// reorders it, 外す removes it, 追加 appends a practice with its lead
// organization as presenter and its summary as paragraph.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import {
	PROGRAMME_PARAGRAPH_MAX,
	PROGRAMME_PRESENTER_MAX,
	type ProgrammeErrors,
	type ProgrammeRow,
	type ProgrammeValues
} from '$lib/recognition/types';

export type { ProgrammeErrors, ProgrammeRow, ProgrammeValues };
import type { PracticeOption } from '$lib/server/db/programmes';

const uuid = z.uuid();
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Reads the posted form: the values (as typed) and what is wrong with them. */
export function readProgrammeForm(
	data: FormData,
	practices: Map<string, PracticeOption>
): { values: ProgrammeValues; errors: ProgrammeErrors; ok: boolean } {
	const text = (k: string) => {
		const v = data.get(k);
		return typeof v === 'string' ? v.trim() : '';
	};
	const all = (k: string) => data.getAll(k).map((v) => (typeof v === 'string' ? v : ''));
	const ids = all('practiceId');
	const presenters = all('presenter');
	const paragraphs = all('paragraph');
	const times = all('startsAt');
	const orders = all('order');
	const removed = new Set(all('remove'));
	const rows: ProgrammeRow[] = ids
		.map((id, i) => ({
			practiceId: id,
			title: practices.get(id)?.title ?? '',
			startsAt: (times[i] ?? '').trim(),
			presenter: (presenters[i] ?? '').trim(),
			paragraph: (paragraphs[i] ?? '').replace(/\r\n/g, '\n').trim(),
			order: Number(orders[i]) || i + 1
		}))
		.filter((r) => !removed.has(r.practiceId) && uuid.safeParse(r.practiceId).success);
	const add = text('addPracticeId');
	const added = practices.get(add);
	if (added && !rows.some((r) => r.practiceId === add))
		rows.push({
			practiceId: added.id,
			title: added.title,
			startsAt: '',
			presenter: added.organizationName ?? '',
			paragraph: added.summary,
			order: rows.length + 1
		});
	rows.sort((a, b) => a.order - b.order);
	rows.forEach((r, i) => (r.order = i + 1));
	const values: ProgrammeValues = {
		title: text('title'),
		eventId: text('eventId'),
		isPublic: data.get('isPublic') === 'on',
		rows
	};
	const errors: ProgrammeErrors = { rows: {} };
	if (values.title.length < 1 || values.title.length > 120)
		errors.title = m.recognition_programme_error_title();
	if (!uuid.safeParse(values.eventId).success)
		errors.eventId = m.recognition_programme_error_event();
	for (const r of rows) {
		if (!practices.has(r.practiceId))
			errors.rows[r.practiceId] = m.recognition_refusal_not_published();
		else if (r.presenter.length < 1 || [...r.presenter].length > PROGRAMME_PRESENTER_MAX)
			errors.rows[r.practiceId] = m.recognition_programme_error_presenter({
				max: PROGRAMME_PRESENTER_MAX
			});
		else if (r.paragraph.length < 1 || [...r.paragraph].length > PROGRAMME_PARAGRAPH_MAX)
			errors.rows[r.practiceId] = m.recognition_programme_error_paragraph({
				max: PROGRAMME_PARAGRAPH_MAX
			});
		else if (r.startsAt !== '' && !TIME.test(r.startsAt))
			errors.rows[r.practiceId] = m.recognition_programme_error_time();
	}
	const ok = !errors.title && !errors.eventId && Object.keys(errors.rows).length === 0;
	return { values, errors, ok };
}
