// The name of each kind of mail a member can turn off, as /account/notifications
// calls it (client-safe): the unsubscribe page says which one it stops.
import { m } from '$lib/paraglide/messages';

const LABELS: Record<string, () => string> = {
	confirmations: m.prefs_confirmations,
	changes_cancellations: m.prefs_changes_cancellations,
	promotions: m.prefs_promotions,
	reminders: m.prefs_reminders,
	thread_replies: m.prefs_thread_replies,
	mentions: m.prefs_mentions,
	moderation: m.prefs_moderation,
	invitations: m.prefs_invitations,
	practices_recognition: m.practice_prefs_mail,
	digest: m.prefs_digest_legend
};

/** The label of a preference kind (mail kinds and the digest), or null for anything else. */
export const preferenceLabel = (kind: string): string | null =>
	Object.hasOwn(LABELS, kind) ? LABELS[kind]() : null;
