// The forms of a 声: writing it (on its record's page, and its own edit
// page) and moving it a step (its page). What the database refuses is
// checked here first, so that the message stands next to its field and the
// form keeps what was typed; the database checks it again (move_voice).
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { optionalText } from '$lib/server/forms/fields';
import type { VoiceInput, VoiceStepInput } from '$lib/server/db/voices';
import {
	isOnPath,
	isOutcome,
	VOICE_DESTINATIONS,
	VOICE_LIMITS,
	VOICE_STATUSES,
	type Voice,
	type VoiceStatus
} from '$lib/voices/types';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: string) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/**
 * The id in what was pasted to link a thread or a practice: its address on
 * this site (…/threads/<id>, …/practices/<id>) or the id alone; null for
 * anything else, '' for nothing.
 */
export function linkedId(typed: string, section: 'threads' | 'practices'): string | null {
	const v = typed.trim();
	if (v === '') return '';
	if (UUID.test(v) && v.replace(UUID, '') === '') return v.toLowerCase();
	const match = new RegExp(`/${section}/(${UUID.source})(?:[/?#]|$)`, 'i').exec(v);
	return match ? match[1].toLowerCase() : null;
}

export interface VoiceChoices {
	areaIds: Set<string>;
	fieldIds: Set<string>;
}

export function voiceSchema(choices: VoiceChoices) {
	return z.object({
		body: z
			.string()
			.trim()
			.min(1, m.voice_error_body())
			.max(VOICE_LIMITS.body, m.voice_error_too_long()),
		areaId: z
			.string()
			.default('')
			.refine((v) => v === '' || choices.areaIds.has(v), m.common_error_unknown_area()),
		fieldIds: z
			.array(z.string())
			.default([])
			.refine(
				(list) => list.every((id) => choices.fieldIds.has(id)),
				m.common_error_unknown_field()
			),
		isPublic: z.boolean().default(false),
		thread: z
			.string()
			.default('')
			.refine((v) => linkedId(v, 'threads') !== null, m.voice_error_thread_link()),
		practice: z
			.string()
			.default('')
			.refine((v) => linkedId(v, 'practices') !== null, m.voice_error_practice_link())
	});
}

export type VoiceForm = z.infer<ReturnType<typeof voiceSchema>>;

export function voiceInput(form: VoiceForm): VoiceInput {
	return {
		body: form.body,
		areaId: form.areaId || null,
		fieldIds: [...new Set(form.fieldIds)],
		isPublic: form.isPublic,
		threadId: linkedId(form.thread, 'threads') || null,
		practiceId: linkedId(form.practice, 'practices') || null
	};
}

export function voiceValues(voice: Voice, origin: string): VoiceForm {
	return {
		body: voice.body,
		areaId: voice.areaId ?? '',
		fieldIds: voice.fieldIds,
		isPublic: voice.isPublic,
		thread: voice.thread ? `${origin}/threads/${voice.thread.id}` : '',
		practice: voice.practice ? `${origin}/practices/${voice.practice.id}` : ''
	};
}

/**
 * A step from `current` (its status and the forum's day), dated between the
 * forum and `today` (Tokyo, YYYY-MM-DD): off the path it needs a reason, an
 * outcome its answer, a department or organization its name.
 */
export function stepSchema(current: { status: VoiceStatus; raisedOn: string }, today: string) {
	return z
		.object({
			status: z.enum(VOICE_STATUSES, { message: m.voice_error_status() }),
			statusOn: z
				.string()
				.default('')
				.refine(isDate, m.voice_error_date())
				.refine(
					(v) => !isDate(v) || (v >= current.raisedOn && v <= today),
					m.voice_refusal_bad_date()
				),
			note: optionalText(VOICE_LIMITS.note, m.voice_error_too_long()),
			takenTo: z.union([z.enum(VOICE_DESTINATIONS), z.literal('')]).default(''),
			takenToName: optionalText(VOICE_LIMITS.takenToName, m.voice_error_too_long()),
			answer: optionalText(VOICE_LIMITS.answer, m.voice_error_too_long())
		})
		.superRefine((v, ctx) => {
			const issue = (path: string, message: string) =>
				ctx.addIssue({ code: 'custom', path: [path], message });
			if (v.status !== current.status && !isOnPath(current.status, v.status) && v.note === '')
				issue('note', m.voice_refusal_needs_reason());
			if (isOutcome(v.status) && v.answer === '') issue('answer', m.voice_refusal_needs_answer());
			if ((v.takenTo === 'department' || v.takenTo === 'organization') && v.takenToName === '')
				issue('takenToName', m.voice_error_taken_to_name());
		});
}

export type StepForm = z.infer<ReturnType<typeof stepSchema>>;

export function stepInput(form: StepForm): VoiceStepInput {
	return {
		status: form.status,
		statusOn: form.statusOn,
		note: form.note || null,
		takenTo: form.takenTo || null,
		takenToName: form.takenTo ? form.takenToName || null : null,
		answer: form.answer
	};
}

/** The step form starts from the 声 as it is, its date today, and no note. */
export function stepValues(voice: Voice, today: string): StepForm {
	return {
		status: voice.status,
		statusOn: today,
		note: '',
		takenTo: voice.takenTo ?? '',
		takenToName: voice.takenToName ?? '',
		answer: voice.answer
	};
}
