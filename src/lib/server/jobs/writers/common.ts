// What every writer of a notice mail starts with: the recipient (address, name,
// language) and, for a kind the member can turn off, the one-click unsubscribe
// link for its footer (mail/unsubscribe.ts). The digest and any later family
// call this too.
import { mailRecipient } from '../../db/mail';
import { preferenceOf } from '../../mail/preferences';
import { unsubscribeFor, type Unsubscribe } from '../../mail/unsubscribe';
import type { JobContext } from '../config';
import type { SendMailPayload } from './types';

export interface Recipient {
	email: string;
	displayName: string;
	locale: 'ja' | 'en';
	/** null for mails that cannot be turned off (account mails) */
	unsubscribe: Unsubscribe | null;
}

/** The member a job mails, or null when the account is gone. */
export async function recipientFor(ctx: JobContext, p: SendMailPayload): Promise<Recipient | null> {
	const r = await mailRecipient(ctx.db, p.user_id);
	if (!r) return null;
	const preference = preferenceOf(p.kind);
	return {
		...r,
		unsubscribe: preference ? unsubscribeFor(ctx.env, p.user_id, preference, r.locale) : null
	};
}

/** The envelope part of a written mail: address, headers, the link in the footer. */
export const addressed = (r: Recipient) => ({
	to: r.email,
	unsubscribeUrl: r.unsubscribe?.url ?? null,
	...(r.unsubscribe ? { headers: { ...r.unsubscribe.headers } } : {})
});
