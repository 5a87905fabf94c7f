// Form schemas for the admin pages (areas, fields). Built per request so that
// the messages come out in the request's language. Limits mirror the check
// constraints of the areas and fields tables.
import { z } from 'zod';
import { SLUG } from '$lib/forms/patterns';
import { m } from '$lib/paraglide/messages';
import { FIELD_COLORS } from '$lib/taxonomy/colors';

const slug = () =>
	z
		.string()
		.trim()
		.min(1, m.admin_error_slug_required())
		.max(60, m.admin_error_slug_too_long())
		.regex(SLUG, m.admin_error_slug_format());

const nameJa = () =>
	z
		.string()
		.trim()
		.min(1, m.admin_error_name_ja_required())
		.max(50, m.admin_error_name_ja_too_long());

const nameEn = () =>
	z
		.string()
		.trim()
		.min(1, m.admin_error_name_en_required())
		.max(80, m.admin_error_name_en_too_long());

export const areaSchema = () =>
	z.object({
		slug: slug(),
		nameJa: nameJa(),
		nameEn: nameEn(),
		kana: z.string().trim().max(100, m.admin_error_kana_too_long()),
		description: z.string().trim().max(500, m.admin_error_description_too_long())
	});

export const fieldSchema = () =>
	z.object({
		slug: slug(),
		nameJa: nameJa(),
		nameEn: nameEn(),
		color: z.enum(FIELD_COLORS, { message: m.admin_error_color() })
	});

export type AreaValues = z.infer<ReturnType<typeof areaSchema>>;
export type FieldValues = z.infer<ReturnType<typeof fieldSchema>>;
