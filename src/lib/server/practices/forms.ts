// The practice form (/practices/new, /practices/<id>/edit): what editors type,
// checked as a whole before anything is written, with the same rules as
// save_practice (which checks them again). Built per request so that the
// messages come out in the request's language. Works without JavaScript:
// repeated rows (figures, partner names) are parallel arrays of strings, with
// a few empty rows; the existing photos are rows of hidden hash, alt text,
// position and "remove"; one new photo (a file and its alt text) comes with
// each save (the file is read in photos.ts, outside the schema).
import { z } from 'zod';
import { keptPhotoCount, orderedPhotos } from '$lib/forms/photos';
import { optionalText } from '$lib/server/forms/fields';
import { m } from '$lib/paraglide/messages';
import {
	AUDIENCES,
	MAX_PRACTICE_PHOTOS,
	STORY_SECTIONS,
	type PracticeDetail,
	type PracticeFormValues,
	type PracticeInput,
	type StorySection
} from '$lib/practices/types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: string) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/** A figure's value as typed: full-width digits and separators allowed (４０, 1,200). */
export const figureNumber = (typed: string): number | null => {
	const v = typed.normalize('NFKC').replace(/[,，\s]/g, '');
	return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : null;
};

/** Empty rows (figures, partners, new photo slots) the form shows beyond the filled ones. */
export const SPARE_ROWS = 2;

export interface PracticeChoices {
	organizationIds: Set<string>;
	areaIds: Set<string>;
	fieldIds: Set<string>;
	partnerIds: Set<string>;
	eventIds: Set<string>;
	placeIds: Set<string>;
}

const storyFields = () =>
	Object.fromEntries(
		STORY_SECTIONS.map((key) => [key, optionalText(5000, m.practice_form_error_story_too_long())])
	) as Record<StorySection, ReturnType<typeof optionalText>>;

const ids = (allowed: Set<string>, message: string) =>
	z
		.array(z.string())
		.default([])
		.refine((list) => list.every((id) => allowed.has(id)), message);

export function practiceSchema(choices: PracticeChoices) {
	return z
		.object({
			leadOrganizationId: z
				.string()
				.default('')
				.refine((v) => v !== '', m.practice_refusal_no_lead_organization())
				.refine(
					(v) => v === '' || choices.organizationIds.has(v),
					m.practice_form_error_organization()
				),
			title: z
				.string()
				.trim()
				.min(1, m.practice_form_error_title())
				.max(120, m.practice_form_error_title())
				.default(''),
			summary: z
				.string()
				.trim()
				.min(1, m.practice_form_error_summary())
				.max(200, m.practice_form_error_summary())
				.default(''),
			audiences: z.array(z.enum(AUDIENCES)).default([]),
			audienceNote: optionalText(200, m.practice_form_error_short_text()),
			frequency: optionalText(200, m.practice_form_error_short_text()),
			venue: optionalText(200, m.practice_form_error_short_text()),
			cost: optionalText(200, m.practice_form_error_short_text()),
			funding: optionalText(200, m.practice_form_error_short_text()),
			startedOn: z.string().default('').refine(isDate, m.practice_refusal_no_start_date()),
			endedOn: z
				.string()
				.default('')
				.refine((v) => v === '' || isDate(v), m.practice_form_error_date()),
			...storyFields(),
			figureLabels: z.array(z.string().trim()).default([]),
			figureValues: z.array(z.string().trim()).default([]),
			figureUnits: z.array(z.string().trim()).default([]),
			partnerOrgIds: ids(choices.partnerIds, m.practice_form_error_organization()),
			partnerNames: z.array(z.string().trim()).default([]),
			areaIds: ids(choices.areaIds, m.common_error_unknown_area()),
			fieldIds: ids(choices.fieldIds, m.common_error_unknown_field()),
			eventIds: ids(choices.eventIds, m.practice_form_error_event()),
			placeIds: ids(choices.placeIds, m.event_error_place_unknown()),
			photoHashes: z.array(z.string()).default([]),
			photoAlts: z.array(z.string().trim()).default([]),
			photoOrder: z.array(z.string()).default([]),
			photoRemove: z.array(z.string()).default([]),
			newPhotoAlt: optionalText(200, m.practice_form_error_alt_too_long()),
			/** errors about the new photo's file (the file itself is read in photos.ts) */
			newPhoto: z.string().optional()
		})
		.superRefine((v, ctx) => {
			const issue = (path: (string | number)[], message: string) =>
				ctx.addIssue({ code: 'custom', path, message });
			if (isDate(v.startedOn) && isDate(v.endedOn) && v.endedOn < v.startedOn)
				issue(['endedOn'], m.practice_refusal_ended_before_started());
			v.figureLabels.forEach((label, i) => {
				const value = v.figureValues[i] ?? '';
				const unit = v.figureUnits[i] ?? '';
				if (!label && !value && !unit) return;
				if (!label || label.length > 60)
					issue(['figureLabels', i], m.practice_form_error_figure_label());
				if (figureNumber(value) === null)
					issue(['figureValues', i], m.practice_refusal_figure_not_number());
				if (unit.length > 20) issue(['figureUnits', i], m.practice_form_error_figure_unit());
			});
			v.partnerNames.forEach((name, i) => {
				if (name.length > 100) issue(['partnerNames', i], m.practice_form_error_short_text());
			});
			v.photoHashes.forEach((hash, i) => {
				if (v.photoRemove.includes(hash)) return;
				const alt = v.photoAlts[i] ?? '';
				if (!alt) issue(['photoAlts', i], m.practice_refusal_photo_alt_required());
				else if (alt.length > 200) issue(['photoAlts', i], m.practice_form_error_alt_too_long());
			});
		});
}

export type { PracticeFormValues };
// the schema gives exactly what the pages expect
type SchemaValues = z.output<ReturnType<typeof practiceSchema>>;
const sameShape = (v: SchemaValues): PracticeFormValues => v;
void sameShape;

/** The form's first values for an existing practice (the edit page). */
export function practiceFormValues(p: PracticeDetail): Partial<PracticeFormValues> {
	return {
		leadOrganizationId: p.leadOrganization.id,
		title: p.title,
		summary: p.summary,
		audiences: p.audiences,
		audienceNote: p.audienceNote ?? '',
		frequency: p.frequency ?? '',
		venue: p.venue ?? '',
		cost: p.cost ?? '',
		funding: p.funding ?? '',
		startedOn: p.startedOn,
		endedOn: p.endedOn ?? '',
		...(Object.fromEntries(STORY_SECTIONS.map((k) => [k, p.story[k] ?? ''])) as Record<
			StorySection,
			string
		>),
		figureLabels: p.figures.map((f) => f.label),
		figureValues: p.figures.map((f) => String(f.value)),
		figureUnits: p.figures.map((f) => f.unit),
		partnerOrgIds: p.partners.flatMap((x) => (x.org ? [x.org.id] : [])),
		partnerNames: p.partners.flatMap((x) => (x.org ? [] : [x.name])),
		areaIds: p.areas.map((a) => a.id),
		fieldIds: p.fields.map((f) => f.id),
		eventIds: p.events.map((e) => e.id),
		placeIds: p.places.map((x) => x.id),
		photoHashes: p.photos.map((ph) => ph.hash),
		photoAlts: p.photos.map((ph) => ph.alt),
		photoOrder: p.photos.map((_, i) => String(i + 1)),
		photoRemove: [],
		newPhotoAlt: ''
	};
}

export { orderedPhotos };

export const roomForPhoto = (v: Pick<PracticeFormValues, 'photoHashes' | 'photoRemove'>) =>
	keptPhotoCount(v) < MAX_PRACTICE_PHOTOS;

/** save_practice's input from the checked form (and the photos as they will be). */
export function practiceInputOf(
	id: string | null,
	v: PracticeFormValues,
	photos: { hash: string; alt: string }[]
): PracticeInput {
	const figures = v.figureLabels.flatMap((label, i) => {
		const value = v.figureValues[i] ?? '';
		const unit = v.figureUnits[i] ?? '';
		if (!label && !value && !unit) return [];
		return [{ label, value: figureNumber(value) ?? value, unit }];
	});
	return {
		id,
		leadOrganizationId: v.leadOrganizationId,
		title: v.title,
		summary: v.summary,
		audiences: v.audiences,
		audienceNote: v.audienceNote,
		frequency: v.frequency,
		venue: v.venue,
		cost: v.cost,
		funding: v.funding,
		startedOn: v.startedOn,
		endedOn: v.endedOn,
		story: Object.fromEntries(STORY_SECTIONS.map((k) => [k, v[k]])) as Record<StorySection, string>,
		figures,
		partners: [
			...v.partnerOrgIds.map((organizationId) => ({ organizationId })),
			...v.partnerNames.filter((name) => name !== '').map((name) => ({ name }))
		],
		areaIds: v.areaIds,
		fieldIds: v.fieldIds,
		eventIds: v.eventIds,
		placeIds: v.placeIds,
		photos
	};
}
