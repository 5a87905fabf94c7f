// Mail preferences (/account/notifications), client-safe. The defaults live in
// SQL (private.mail_preference); these are the names.

/** Mail kinds a member turns on or off (the digest has its frequency instead). */
export const MAIL_KINDS = [
	'confirmations',
	'changes_cancellations',
	'promotions',
	'reminders',
	'thread_replies',
	'mentions',
	'moderation',
	'invitations',
	'practices_recognition'
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const DIGEST_FREQUENCIES = ['none', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export type MailSettings = Record<MailKind, boolean> & { digest: DigestFrequency };

/** A member's preferences: as in force (defaults resolved) and as stored (null: the default). */
export interface NotificationPreferences {
	current: MailSettings;
	stored: { [K in keyof MailSettings]: MailSettings[K] | null };
	followsSomething: boolean;
}
