// The event form: what organisers type, checked as a whole (times, window,
// recurrence) before anything is written. Built per request so that the
// messages come out in the request's language.
import { z } from 'zod';
import {
	optionalEmail,
	optionalHttpUrl,
	optionalPhone,
	optionalText
} from '$lib/server/forms/fields';
import { isEventKind } from '$lib/events/kinds';
import type { EventFormValues } from '$lib/events/types';
import { buildRrule, expandRrule, MAX_OCCURRENCES, tokyoInstant } from '$lib/events/recurrence';
import { m } from '$lib/paraglide/messages';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** A real calendar date (no 2026-13-01) and a real time of day (no 24:00 or 25:00). */
const isDate = (v: string) => DATE.test(v) && tokyoInstant(v) !== null;
const isTime = (v: string) => TIME.test(v) && tokyoInstant('2000-01-01', v) !== null;

export interface EventChoices {
	areaIds: Set<string>;
	fieldIds: Set<string>;
	organizationIds: Set<string>;
	cohostIds: Set<string>;
	/** published places of the directory (the 会場 choice) */
	placeIds: Set<string>;
}

/** Tokyo "YYYY-MM-DDTHH:MM" (datetime-local) → instant. */
export const localDateTime = (value: string) => {
	const [date, time] = value.split('T');
	return date && time ? tokyoInstant(date, time.slice(0, 5)) : null;
};

export function eventSchema(choices: EventChoices) {
	return z
		.object({
			title: z
				.string()
				.trim()
				.min(1, m.event_error_title_required())
				.max(120, m.event_error_title_too_long()),
			kind: z
				.string()
				.refine((v): boolean => isEventKind(v), m.event_error_kind_required())
				.default(''),
			summary: optionalText(200, m.event_error_summary_too_long()),
			body: optionalText(20000, m.event_error_body_too_long()),
			date: z.string().regex(DATE, m.event_error_date_required()).default(''),
			allDay: z.boolean().default(false),
			startTime: z.string().default(''),
			endDate: z.string().default(''),
			endTime: z.string().default(''),
			repeat: z.enum(['none', 'weekly', 'monthly']).default('none'),
			repeatEnd: z.enum(['count', 'until']).default('count'),
			repeatCount: z.string().trim().default(''),
			repeatUntil: z.string().default(''),
			placeId: z
				.string()
				.default('')
				.refine((v) => v === '' || choices.placeIds.has(v), m.event_error_place_unknown()),
			venueName: optionalText(200, m.event_error_venue_too_long()),
			venueAddress: optionalText(300, m.event_error_venue_too_long()),
			onlineUrl: optionalHttpUrl(m.event_error_online_url()),
			areaId: z
				.string()
				.default('')
				.refine((v) => v === '' || choices.areaIds.has(v), m.common_error_unknown_area()),
			fieldIds: z
				.array(z.string())
				.default([])
				.refine(
					(ids) => ids.every((id) => choices.fieldIds.has(id)),
					m.common_error_unknown_field()
				),
			organizationId: z
				.string()
				.default('')
				.refine((v) => v === '' || choices.organizationIds.has(v), m.event_error_organization()),
			cohostIds: z
				.array(z.string())
				.default([])
				.refine((ids) => ids.every((id) => choices.cohostIds.has(id)), m.event_error_cohost()),
			capacity: z
				.string()
				.trim()
				.default('')
				.refine(
					(v) => v === '' || (/^\d+$/.test(v) && +v >= 1 && +v <= 100000),
					m.event_error_capacity()
				),
			registrationOpens: z.string().default(''),
			registrationCloses: z.string().default(''),
			waitlist: z.boolean().default(true),
			audienceNote: optionalText(300, m.event_error_text_too_long()),
			accessibility: optionalText(500, m.event_error_text_too_long()),
			contactName: optionalText(100, m.event_error_text_too_long()),
			contactPhone: optionalPhone(m.common_error_phone_invalid()),
			contactEmail: optionalEmail(m.common_error_email_invalid()),
			fee: optionalText(100, m.event_error_fee_too_long()),
			belongings: optionalText(300, m.event_error_belongings_too_long()),
			howToApply: optionalText(500, m.event_error_how_to_apply_too_long()),
			deadlineNote: optionalText(200, m.event_error_deadline_note_too_long())
		})
		.superRefine((v, ctx) => {
			const issue = (path: string, message: string) =>
				ctx.addIssue({ code: 'custom', path: [path], message });
			const times = eventTimes(v);
			if (!tokyoInstant(v.date)) issue('date', m.event_error_date_required());
			if (!v.allDay && !isTime(v.startTime)) issue('startTime', m.event_error_time_required());
			if (!v.allDay && !isTime(v.endTime)) issue('endTime', m.event_error_time_required());
			if (v.endDate && !isDate(v.endDate)) issue('endDate', m.event_error_date_required());
			if (times && times.endsAt <= times.startsAt)
				issue('endTime', m.event_error_end_before_start());
			if (!v.venueName && !v.onlineUrl && !v.placeId)
				issue('venueName', m.event_error_place_required());

			const opens = v.registrationOpens ? localDateTime(v.registrationOpens) : null;
			const closes = v.registrationCloses ? localDateTime(v.registrationCloses) : null;
			if (v.registrationOpens && !opens) issue('registrationOpens', m.event_error_datetime());
			if (v.registrationCloses && !closes) issue('registrationCloses', m.event_error_datetime());
			if (times && closes && closes > times.startsAt)
				issue('registrationCloses', m.event_error_closes_after_start());
			if (opens && closes && closes <= opens)
				issue('registrationCloses', m.event_error_closes_before_opens());

			if (v.repeat !== 'none') {
				if (v.repeatEnd === 'count' && !(/^\d+$/.test(v.repeatCount) && +v.repeatCount >= 1)) {
					issue('repeatCount', m.event_error_repeat_count());
				} else if (v.repeatEnd === 'count' && +v.repeatCount > MAX_OCCURRENCES) {
					issue('repeatCount', m.event_error_too_many({ max: MAX_OCCURRENCES }));
				}
				if (v.repeatEnd === 'until' && !(DATE.test(v.repeatUntil) && tokyoInstant(v.repeatUntil))) {
					issue('repeatUntil', m.event_error_date_required());
				} else if (times && v.repeatEnd === 'until') {
					const starts = expandRrule(buildRrule(repeatInput(v, times.startsAt)), times.startsAt);
					if (starts.length > MAX_OCCURRENCES)
						issue('repeatUntil', m.event_error_too_many({ max: MAX_OCCURRENCES }));
				}
			}
		});
}

/** Start and end instants of the (first) occurrence, or null while the date or times are invalid. */
export function eventTimes(
	v: Pick<EventFormValues, 'date' | 'allDay' | 'startTime' | 'endDate' | 'endTime'>
) {
	if (v.allDay) {
		const startsAt = tokyoInstant(v.date, '00:00');
		const lastDay = tokyoInstant(v.endDate || v.date, '00:00');
		if (!startsAt || !lastDay) return null;
		return { startsAt, endsAt: new Date(lastDay.getTime() + 86400_000) };
	}
	const startsAt = tokyoInstant(v.date, v.startTime);
	const endsAt = tokyoInstant(v.endDate || v.date, v.endTime);
	return startsAt && endsAt ? { startsAt, endsAt } : null;
}

export function repeatInput(
	v: Pick<EventFormValues, 'repeat' | 'repeatEnd' | 'repeatCount' | 'repeatUntil'>,
	startsAt: Date
) {
	return {
		repeat: v.repeat,
		startsAt,
		count: v.repeatEnd === 'count' ? Number(v.repeatCount) : null,
		until: v.repeatEnd === 'until' ? v.repeatUntil : null
	};
}
