// Which preference (on /account/notifications) governs each kind of mail. A
// kind not listed here (the account mails: confirming an address, a password
// reset, …) is sent whatever the preferences say and has no unsubscribe link.
// Relative imports: the worker runs this outside SvelteKit.
import { MAIL_KINDS } from '../../notifications/preferences';
import type { MailKind } from '../db/mail';

/** A kind of mail a member turns off: one of the checkboxes, or the digest. */
export type PreferenceKind = (typeof MAIL_KINDS)[number] | 'digest';

export const PREFERENCE_KINDS: readonly PreferenceKind[] = [...MAIL_KINDS, 'digest'];

export const isPreferenceKind = (v: unknown): v is PreferenceKind =>
	typeof v === 'string' && (PREFERENCE_KINDS as readonly string[]).includes(v);

const GOVERNED: Partial<Record<MailKind, PreferenceKind>> = {
	registered: 'confirmations',
	waitlisted: 'confirmations',
	event_changed: 'changes_cancellations',
	event_cancelled: 'changes_cancellations',
	occurrence_changed: 'changes_cancellations',
	occurrence_cancelled: 'changes_cancellations',
	promoted: 'promotions',
	reminder: 'reminders',
	thread_reply: 'thread_replies',
	mention: 'mentions',
	moderation: 'moderation',
	invitation: 'invitations',
	practice: 'practices_recognition',
	recognition: 'practices_recognition',
	// an organiser's own reminder: write the record of a held date
	record: 'reminders',
	voice: 'practices_recognition',
	// a keeper's own reminders: a change reported on a place, places to check
	place: 'reminders',
	digest: 'digest'
};

/** The preference that governs a kind of mail, or null (sent always, no unsubscribe). */
export const preferenceOf = (kind: MailKind): PreferenceKind | null => GOVERNED[kind] ?? null;
