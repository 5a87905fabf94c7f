// The award and nomination forms (superforms + zod, built per request so that
// messages come in the request's language), and reading a recipient from an
// address (?practice=, ?organization=, ?person=).
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import {
	AWARD_CITATION_MAX,
	AWARD_NAME_MAX,
	NOMINATION_REASON_MAX,
	type RecipientRef
} from '$lib/recognition/types';

const uuid = z.uuid();
const isUuid = (v: string) => uuid.safeParse(v).success;

/** /people/<id> or the bare id, as a coordinator pastes it. */
export function personIdOf(text: string): string | null {
	const match = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i.exec(
		text.trim()
	);
	return match ? match[1].toLowerCase() : null;
}

export const RECIPIENT_KINDS = ['practice', 'organization', 'person'] as const;

export function awardSchema() {
	return z
		.object({
			recipientKind: z
				.string()
				.refine(
					(v) => (RECIPIENT_KINDS as readonly string[]).includes(v),
					m.recognition_error_recipient()
				)
				.default(''),
			practiceId: z.string().default(''),
			organizationId: z.string().default(''),
			person: z.string().trim().max(200).default(''),
			name: z
				.string()
				.trim()
				.min(1, m.recognition_error_name_required())
				.max(AWARD_NAME_MAX, m.recognition_error_name_too_long({ max: AWARD_NAME_MAX })),
			citation: z
				.string()
				.trim()
				.min(1, m.recognition_error_citation_required())
				.max(
					AWARD_CITATION_MAX,
					m.recognition_error_citation_too_long({ max: AWARD_CITATION_MAX })
				),
			awardedOn: z
				.string()
				.regex(/^\d{4}-\d{2}-\d{2}$/, m.recognition_error_date())
				.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), m.recognition_error_date())
				.default(''),
			eventId: z
				.string()
				.refine((v) => v === '' || isUuid(v), m.recognition_error_event())
				.default(''),
			nominationId: z
				.string()
				.refine((v) => v === '' || isUuid(v))
				.default('')
		})
		.superRefine((v, ctx) => {
			if (v.recipientKind === 'practice' && !isUuid(v.practiceId))
				ctx.addIssue({
					code: 'custom',
					path: ['practiceId'],
					message: m.recognition_error_practice()
				});
			if (v.recipientKind === 'organization' && !isUuid(v.organizationId))
				ctx.addIssue({
					code: 'custom',
					path: ['organizationId'],
					message: m.recognition_error_organization()
				});
			if (v.recipientKind === 'person' && !personIdOf(v.person))
				ctx.addIssue({ code: 'custom', path: ['person'], message: m.recognition_error_person() });
		});
}
export type AwardForm = z.infer<ReturnType<typeof awardSchema>>;

/** The recipient a valid award form names. */
export function recipientOfForm(f: AwardForm): RecipientRef {
	if (f.recipientKind === 'practice') return { practiceId: f.practiceId };
	if (f.recipientKind === 'organization') return { organizationId: f.organizationId };
	return { profileId: personIdOf(f.person) ?? '' };
}

export function nominationSchema() {
	return z.object({
		reason: z
			.string()
			.trim()
			.min(1, m.recognition_error_reason_required())
			.max(
				NOMINATION_REASON_MAX,
				m.recognition_error_reason_too_long({ max: NOMINATION_REASON_MAX })
			)
	});
}

/** What the address names (?practice= or ?organization=; ?person= when people are allowed). */
export function recipientFromParams(
	params: URLSearchParams,
	allowPerson: boolean
): RecipientRef | null {
	const named = (['practice', 'organization', ...(allowPerson ? ['person'] : [])] as const).flatMap(
		(key) => {
			const v = params.get(key);
			return v !== null && isUuid(v) ? [{ key, v: v.toLowerCase() }] : [];
		}
	);
	if (named.length !== 1) return null;
	const { key, v } = named[0];
	if (key === 'practice') return { practiceId: v };
	if (key === 'organization') return { organizationId: v };
	return { profileId: v };
}
