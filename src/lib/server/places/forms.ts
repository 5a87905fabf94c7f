// The place form (/places/new, /places/<id>/edit): what keepers type, checked
// as a whole before anything is written, with the same rules as
// private.write_place (which checks them again). Built per request so that the
// messages come out in the request's language. Works without JavaScript: the
// hours are two parallel arrays of eight times (月 … 日, 祝日), the yes/no
// questions are selects with 「未確認」, the point is two text fields (the map
// beside them fills them in).
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { keptPhotoCount, orderedPhotos, type PhotoFormValues } from '$lib/forms/photos';
import {
	MAX_PLACE_PHOTOS,
	PLACE_AUDIENCES,
	PLACE_DAYS,
	PLACE_KINDS,
	type PlaceDetail,
	type PlaceFormValues,
	type PlaceInput
} from '$lib/places/types';
import {
	optionalEmail,
	optionalHttpUrl,
	optionalPhone,
	optionalText
} from '$lib/server/forms/fields';

export { orderedPhotos };

/** 未確認 / はい / いいえ */
export const TRISTATE = ['', 'yes', 'no'] as const;
export type Tristate = (typeof TRISTATE)[number];
const tristate = () => z.enum(TRISTATE).default('');
const toBool = (v: Tristate) => (v === '' ? null : v === 'yes');
const fromBool = (v: boolean | null): Tristate => (v === null ? '' : v ? 'yes' : 'no');

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;
/** A time as typed (１０：００, 9:30) → `HH:MM`, or null. */
export function typedTime(typed: string): string | null {
	const v = typed.normalize('NFKC').trim();
	if (!TIME.test(v)) return null;
	const [h, min] = v.split(':');
	return `${h.padStart(2, '0')}:${min}`;
}

/** A coordinate as typed (full-width digits allowed) → a number, or null. */
export function typedNumber(typed: string): number | null {
	const v = typed.normalize('NFKC').replace(/[,\s]/g, '');
	return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : null;
}

export interface PlaceChoices {
	/** organizations the person keeps places for (coordinators: every one) */
	organizationIds: Set<string>;
	areaIds: Set<string>;
	/** whether a place may belong to no organization (coordinators) */
	allowNoOrganization: boolean;
}

export function placeSchema(choices: PlaceChoices) {
	const short = m.place_form_error_short_text();
	return z
		.object({
			name: z
				.string()
				.trim()
				.min(1, m.place_form_error_name())
				.max(100, m.place_form_error_name())
				.default(''),
			nameKana: optionalText(100, short),
			kinds: z
				.array(z.enum(PLACE_KINDS))
				.default([])
				.refine((v) => v.length > 0, m.place_refusal_no_kind()),
			areaId: z
				.string()
				.default('')
				.refine((v) => v === '' || choices.areaIds.has(v), m.common_error_unknown_area()),
			address: optionalText(200, short),
			latitude: z.string().trim().default(''),
			longitude: z.string().trim().default(''),
			organizationId: z
				.string()
				.default('')
				.refine(
					(v) => (v === '' ? choices.allowNoOrganization : choices.organizationIds.has(v)),
					m.place_form_error_organization()
				),
			audiences: z.array(z.enum(PLACE_AUDIENCES)).default([]),
			opens: z.array(z.string().trim()).default([]),
			closes: z.array(z.string().trim()).default([]),
			hoursNote: optionalText(500, short),
			closedDays: optionalText(200, short),
			feeFree: tristate(),
			fee: optionalText(200, short),
			capacity: z.string().trim().default(''),
			mealsProvided: tristate(),
			foodAllowed: tristate(),
			transport: tristate(),
			accessibility: optionalText(1000, short),
			phone: optionalPhone(m.place_form_error_phone()),
			email: optionalEmail(m.place_form_error_email()),
			url: optionalHttpUrl(m.place_form_error_url()),
			description: optionalText(5000, m.place_form_error_description()),
			hidden: z.boolean().default(false),
			photoHashes: z.array(z.string()).default([]),
			photoAlts: z.array(z.string().trim()).default([]),
			photoOrder: z.array(z.string()).default([]),
			photoRemove: z.array(z.string()).default([]),
			newPhotoAlt: optionalText(200, m.practice_form_error_alt_too_long()),
			newPhoto: z.string().optional()
		})
		.superRefine((v, ctx) => {
			const issue = (path: (string | number)[], message: string) =>
				ctx.addIssue({ code: 'custom', path, message });
			const lat = v.latitude === '' ? null : typedNumber(v.latitude);
			const lng = v.longitude === '' ? null : typedNumber(v.longitude);
			if (v.latitude !== '' && lat === null) issue(['latitude'], m.place_form_error_number());
			if (v.longitude !== '' && lng === null) issue(['longitude'], m.place_form_error_number());
			if ((v.latitude === '') !== (v.longitude === ''))
				issue([v.latitude === '' ? 'latitude' : 'longitude'], m.place_refusal_point_incomplete());
			if (lat !== null && (lat < 20 || lat > 46))
				issue(['latitude'], m.place_refusal_outside_japan());
			if (lng !== null && (lng < 122 || lng > 154))
				issue(['longitude'], m.place_refusal_outside_japan());
			PLACE_DAYS.forEach((_, i) => {
				const opens = v.opens[i] ?? '';
				const closes = v.closes[i] ?? '';
				if (!opens && !closes) return;
				const o = typedTime(opens);
				const c = typedTime(closes);
				if (!o) issue(['opens', i], m.place_form_error_time());
				if (!c) issue(['closes', i], m.place_form_error_time());
				if (o && c && c <= o) issue(['closes', i], m.place_refusal_closes_before_opens());
			});
			if (v.capacity !== '') {
				const n = typedNumber(v.capacity);
				if (n === null || !Number.isInteger(n) || n < 1 || n > 100000)
					issue(['capacity'], m.place_form_error_capacity());
			}
			v.photoHashes.forEach((hash, i) => {
				if (v.photoRemove.includes(hash)) return;
				const alt = v.photoAlts[i] ?? '';
				if (!alt) issue(['photoAlts', i], m.practice_refusal_photo_alt_required());
				else if (alt.length > 200) issue(['photoAlts', i], m.practice_form_error_alt_too_long());
			});
		});
}

export type { PlaceFormValues };
// the schema gives exactly what the pages expect, and the photo rows are the shared component's
type SchemaValues = z.output<ReturnType<typeof placeSchema>>;
const sameShape = (v: SchemaValues): PlaceFormValues => v;
const photoShape = (v: PlaceFormValues): PhotoFormValues => v;
void sameShape;
void photoShape;

/** The form's first values for an existing place (the edit page). */
export function placeFormValues(p: PlaceDetail): Partial<PlaceFormValues> {
	const hours = new Map(p.hours.map((h) => [h.day, h]));
	return {
		name: p.name,
		nameKana: p.nameKana ?? '',
		kinds: p.kinds,
		areaId: p.area?.id ?? '',
		address: p.address ?? '',
		latitude: p.latitude === null ? '' : String(p.latitude),
		longitude: p.longitude === null ? '' : String(p.longitude),
		organizationId: p.organization?.id ?? '',
		audiences: p.audiences,
		opens: PLACE_DAYS.map((d) => hours.get(d)?.opens ?? ''),
		closes: PLACE_DAYS.map((d) => hours.get(d)?.closes ?? ''),
		hoursNote: p.hoursNote ?? '',
		closedDays: p.closedDays ?? '',
		feeFree: fromBool(p.feeFree),
		fee: p.fee ?? '',
		capacity: p.capacity === null ? '' : String(p.capacity),
		mealsProvided: fromBool(p.mealsProvided),
		foodAllowed: fromBool(p.foodAllowed),
		transport: fromBool(p.transport),
		accessibility: p.accessibility ?? '',
		phone: p.phone ?? '',
		email: p.email ?? '',
		url: p.url ?? '',
		description: p.description ?? '',
		hidden: !p.published,
		photoHashes: p.photos.map((ph) => ph.hash),
		photoAlts: p.photos.map((ph) => ph.alt),
		photoOrder: p.photos.map((_, i) => String(i + 1)),
		photoRemove: [],
		newPhotoAlt: ''
	};
}

export const roomForPhoto = (v: Pick<PlaceFormValues, 'photoHashes' | 'photoRemove'>) =>
	keptPhotoCount(v) < MAX_PLACE_PHOTOS;

const orNull = (v: string) => (v === '' ? null : v);

/** save_place's input from the checked form (and the photos as they will be). */
export function placeInputOf(
	id: string | null,
	v: PlaceFormValues,
	photos: { hash: string; alt: string }[]
): PlaceInput {
	const hours = PLACE_DAYS.flatMap((day, i) => {
		const opens = typedTime(v.opens[i] ?? '');
		const closes = typedTime(v.closes[i] ?? '');
		return opens && closes ? [{ day, opens, closes }] : [];
	});
	return {
		...(id ? { id } : {}),
		name: v.name,
		name_kana: orNull(v.nameKana),
		kinds: v.kinds,
		area_id: orNull(v.areaId),
		address: orNull(v.address),
		latitude: v.latitude === '' ? null : typedNumber(v.latitude),
		longitude: v.longitude === '' ? null : typedNumber(v.longitude),
		organization_id: orNull(v.organizationId),
		audiences: v.audiences,
		hours,
		hours_note: orNull(v.hoursNote),
		closed_days: orNull(v.closedDays),
		fee_free: toBool(v.feeFree),
		fee: orNull(v.fee),
		capacity: v.capacity === '' ? null : typedNumber(v.capacity),
		meals_provided: toBool(v.mealsProvided),
		food_allowed: toBool(v.foodAllowed),
		transport: toBool(v.transport),
		accessibility: orNull(v.accessibility),
		phone: orNull(v.phone),
		email: orNull(v.email),
		url: orNull(v.url),
		description: orNull(v.description),
		published: !v.hidden,
		photos: photos.map((p) => ({ image_hash: p.hash, alt: p.alt }))
	};
}
