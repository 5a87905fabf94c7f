// The organization profile form. Built per request (messages in the request's
// language) with the areas and fields a person may choose.
import { z } from 'zod';
import { EMAIL, SLUG } from '$lib/forms/patterns';
import {
	optionalEmail,
	optionalHttpUrl,
	optionalPhone,
	optionalText
} from '$lib/server/forms/fields';
import { m } from '$lib/paraglide/messages';
import { isOrgKind, ORG_ROLES } from '$lib/orgs/kinds';
import { HIDE_REASON_MAX } from '$lib/orgs/types';

export function organizationSchema(choices: { areaIds: Set<string>; fieldIds: Set<string> }) {
	return z
		.object({
			name: z
				.string()
				.trim()
				.min(1, m.org_error_name_required())
				.max(100, m.org_error_name_too_long()),
			kana: optionalText(200, m.org_error_kana_too_long()),
			slug: z
				.string()
				.trim()
				.toLowerCase()
				.max(80, m.org_error_slug_format())
				.refine((v) => v === '' || (v.length >= 3 && SLUG.test(v)), m.org_error_slug_format())
				.default(''),
			// a plain string so that nothing is preselected; only a known kind passes
			kind: z
				.string()
				.refine((v): boolean => isOrgKind(v), m.org_error_kind_required())
				.default(''),
			municipalityWide: z.boolean().default(false),
			areaIds: z
				.array(z.string())
				.default([])
				.refine((ids) => ids.every((id) => choices.areaIds.has(id)), m.common_error_unknown_area()),
			fieldIds: z
				.array(z.string())
				.default([])
				.refine(
					(ids) => ids.every((id) => choices.fieldIds.has(id)),
					m.common_error_unknown_field()
				),
			description: optionalText(10000, m.org_error_description_too_long()),
			contactEmail: optionalEmail(m.common_error_email_invalid()),
			contactPhone: optionalPhone(m.common_error_phone_invalid()),
			website: optionalHttpUrl(m.org_error_website_invalid())
		})
		.superRefine((v, ctx) => {
			if (!v.municipalityWide && v.areaIds.length === 0) {
				ctx.addIssue({ code: 'custom', path: ['areaIds'], message: m.org_error_area_required() });
			}
		});
}

export const inviteByEmailSchema = () =>
	z.object({
		email: z.string().trim().min(1, m.error_email_required()).regex(EMAIL, m.error_email_invalid()),
		role: z.enum(['editor', 'member'] as const).default('member')
	});

export const inviteLinkSchema = () =>
	z.object({ role: z.enum(['editor', 'member'] as const).default('member') });

export const memberRoleSchema = () => z.object({ userId: z.uuid(), role: z.enum(ORG_ROLES) });

/** A coordinator's reason for hiding an organization: a small form (Moderation.svelte). */
export const hideSchema = () =>
	z.object({
		reason: z
			.string()
			.trim()
			.default('')
			.refine((v) => v.length > 0, m.org_error_hide_reason_required())
			.refine((v) => v.length <= HIDE_REASON_MAX, m.org_error_hide_reason_too_long())
	});
