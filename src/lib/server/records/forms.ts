// The form of a held date's record (/events/<id>/records/<date>/edit): what
// is checked before anything is written, and what is sent to the database.
// Counts are typed as text and checked here, so that "12人" or "-3" comes back
// in its field with a message instead of turning into 0.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { isHttpUrl } from '$lib/forms/patterns';
import { PARTICIPANT_KINDS, RECORD_LIMITS, type ParticipantKind } from '$lib/records/types';
import { optionalText } from '$lib/server/forms/fields';
import type { RecordInput } from '$lib/server/db/records';

// full-width digits typed with a Japanese keyboard count as digits
const COUNT = /^[0-9０-９]{1,6}$/;
const readCount = (v: string) => (v === '' ? 0 : Number(v.normalize('NFKC')));

export const peopleKey = (kind: ParticipantKind) => `people_${kind}` as const;
export const firstTimeKey = (kind: ParticipantKind) => `first_${kind}` as const;

const countField = () =>
	z
		.string()
		.trim()
		.default('')
		.refine(
			(v) => v === '' || (COUNT.test(v) && readCount(v) <= RECORD_LIMITS.people),
			m.record_error_count()
		);

/** The addresses typed one a line, blank lines left out. */
export const materialLines = (text: string) =>
	text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '');

/**
 * `attended`: the date's registrations marked as attended (with companions),
 * which the attendance adds to the walk-ins; the headcounts by kind may not
 * add up to more than that.
 */
export function recordSchema(attended: number) {
	const counts = Object.fromEntries(
		PARTICIPANT_KINDS.flatMap((kind) => [
			[peopleKey(kind), countField()],
			[firstTimeKey(kind), countField()]
		])
	) as Record<
		`people_${ParticipantKind}` | `first_${ParticipantKind}`,
		ReturnType<typeof countField>
	>;
	return z
		.object({
			forumName: z
				.string()
				.trim()
				.min(1, m.record_error_forum_name())
				.max(RECORD_LIMITS.forumName, m.record_error_too_long()),
			venue: z
				.string()
				.trim()
				.min(1, m.record_error_venue())
				.max(RECORD_LIMITS.venue, m.record_error_too_long()),
			agenda: optionalText(RECORD_LIMITS.agenda, m.record_error_too_long()),
			summary: optionalText(RECORD_LIMITS.summary, m.record_error_too_long()),
			minutes: optionalText(RECORD_LIMITS.minutes, m.record_error_too_long()),
			materials: z
				.string()
				.default('')
				.refine(
					(v) => materialLines(v).length <= RECORD_LIMITS.materials,
					m.record_error_materials_count({ max: RECORD_LIMITS.materials })
				)
				.refine(
					(v) => materialLines(v).every((l) => l.length <= 500 && isHttpUrl(l)),
					m.record_error_materials_url()
				),
			walkIns: countField(),
			isPublic: z.boolean().default(false),
			// not a field: where the sum of the headcounts is refused
			headcounts: z.string().default(''),
			...counts
		})
		.superRefine((v, ctx) => {
			let total = 0;
			for (const kind of PARTICIPANT_KINDS) {
				const people = v[peopleKey(kind)];
				const first = v[firstTimeKey(kind)];
				if (!COUNT.test(people || '0') || !COUNT.test(first || '0')) continue;
				total += readCount(people);
				if (readCount(first) > readCount(people))
					ctx.addIssue({
						code: 'custom',
						path: [firstTimeKey(kind)],
						message: m.record_error_first_time_over()
					});
			}
			const walkIns = COUNT.test(v.walkIns || '0') ? readCount(v.walkIns) : 0;
			if (total > attended + walkIns)
				ctx.addIssue({
					code: 'custom',
					path: ['headcounts'],
					message: m.record_error_headcount_over({ counted: total, attendance: attended + walkIns })
				});
		});
}

export type RecordForm = z.infer<ReturnType<typeof recordSchema>>;

/** What a checked form writes. */
export function recordInput(form: RecordForm): RecordInput {
	return {
		forumName: form.forumName,
		venue: form.venue,
		agenda: form.agenda,
		summary: form.summary,
		minutes: form.minutes,
		materials: materialLines(form.materials),
		walkIns: readCount(form.walkIns),
		isPublic: form.isPublic,
		headcounts: PARTICIPANT_KINDS.map((kind) => ({
			kind,
			people: readCount(form[peopleKey(kind)]),
			firstTime: readCount(form[firstTimeKey(kind)])
		})).filter((h) => h.people > 0 || h.firstTime > 0)
	};
}

/** The form's values for a record (or for a new one: the event's title and venue). */
export function recordValues(
	record: Omit<RecordInput, 'materials'> & { materials: string[] }
): Partial<RecordForm> {
	const values: Record<string, string | boolean> = {
		forumName: record.forumName,
		venue: record.venue,
		agenda: record.agenda,
		summary: record.summary,
		minutes: record.minutes,
		materials: record.materials.join('\n'),
		walkIns: record.walkIns ? String(record.walkIns) : '',
		isPublic: record.isPublic
	};
	for (const h of record.headcounts) {
		values[peopleKey(h.kind)] = String(h.people);
		values[firstTimeKey(h.kind)] = h.firstTime ? String(h.firstTime) : '';
	}
	return values;
}
