// Form schemas of a person's profile and invitations. Built per request so
// that the messages come out in the request's language.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

export const BIO_MAX = 400;

/** Browsers send textarea line breaks as CRLF; store LF, without trailing blanks. */
export const normalizeBio = (bio: string) => bio.replace(/\r\n?/g, '\n').trimEnd();

/** Characters as PostgreSQL's char_length counts them (code points, not UTF-16 units). */
export const charCount = (text: string) => [...text].length;

/** `allowed`: the area and field ids this person may choose (see profileChoices). */
export const profileSchema = (allowed: { areas: Set<string>; fields: Set<string> }) =>
	z.object({
		bio: z
			.string()
			.default('')
			.superRefine((bio, ctx) => {
				const count = charCount(normalizeBio(bio));
				if (count > BIO_MAX)
					ctx.addIssue({ code: 'custom', message: m.profile_bio_too_long({ count }) });
			}),
		listed: z.boolean().default(false),
		areas: z
			.array(z.string().max(36))
			.default([])
			.refine((ids) => ids.every((id) => allowed.areas.has(id)), m.profile_unknown_area()),
		fields: z
			.array(z.string().max(36))
			.default([])
			.refine((ids) => ids.every((id) => allowed.fields.has(id)), m.profile_unknown_field())
	});

export const invitationSchema = () => z.object({ invitation: z.uuid() });
