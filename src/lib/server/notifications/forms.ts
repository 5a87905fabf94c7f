// The mail preferences form (/account/notifications): a checkbox per mail kind,
// the digest frequency and the language of mails (profiles.locale). Unticked
// boxes are absent from the post: false.
import { z } from 'zod';
import { DIGEST_FREQUENCIES } from '$lib/notifications/preferences';

export const preferencesSchema = () =>
	z.object({
		confirmations: z.boolean().default(false),
		changes_cancellations: z.boolean().default(false),
		promotions: z.boolean().default(false),
		reminders: z.boolean().default(false),
		thread_replies: z.boolean().default(false),
		mentions: z.boolean().default(false),
		moderation: z.boolean().default(false),
		invitations: z.boolean().default(false),
		practices_recognition: z.boolean().default(false),
		digest: z.enum(DIGEST_FREQUENCIES).default('none'),
		locale: z.enum(['ja', 'en']).default('ja')
	});
