// Mail preferences (/account/notifications): one row per member, only once they
// saved; a null column means "the default", resolved in SQL
// (private.mail_preference, public.my_notification_preferences) so that the
// mail worker (private.wants_mail) and the page agree. RLS: one's own row only.
import type { Db } from '$lib/server/db/client';
import { dbFailure } from '$lib/server/db/errors';
import {
	DIGEST_FREQUENCIES,
	MAIL_KINDS,
	type DigestFrequency,
	type MailSettings,
	type NotificationPreferences
} from '$lib/notifications/preferences';

const isFrequency = (v: string | null): v is DigestFrequency =>
	(DIGEST_FREQUENCIES as readonly (string | null)[]).includes(v);

/** The signed-in person's preferences: in force, as stored, and whether they follow something. */
export async function myNotificationPreferences(
	db: Db,
	userId: string
): Promise<NotificationPreferences> {
	const [resolved, stored] = await Promise.all([
		db.rpc('my_notification_preferences').single(),
		db
			.from('notification_preferences')
			.select(
				'confirmations, changes_cancellations, promotions, reminders, thread_replies, mentions, moderation, invitations, practices_recognition, digest_frequency'
			)
			.eq('user_id', userId)
			.maybeSingle()
	]);
	if (resolved.error) dbFailure(resolved.error);
	if (stored.error) dbFailure(stored.error);
	const r = resolved.data;
	const s = stored.data;
	const current = {
		digest: isFrequency(r.digest_frequency) ? r.digest_frequency : 'none'
	} as MailSettings;
	const kept = {
		digest: s && isFrequency(s.digest_frequency) ? s.digest_frequency : null
	} as NotificationPreferences['stored'];
	for (const kind of MAIL_KINDS) {
		current[kind] = r[kind];
		kept[kind] = s ? s[kind] : null;
	}
	return { current, stored: kept, followsSomething: r.follows_something };
}

/**
 * Saves what the person chose. A setting left as it was while still at its
 * default stays "the default" (null), so that it follows the default if that
 * changes (the digest becomes weekly once they follow something).
 */
export async function saveNotificationPreferences(
	db: Db,
	userId: string,
	chosen: MailSettings,
	before: NotificationPreferences
): Promise<void> {
	const keep = <K extends keyof MailSettings>(key: K): MailSettings[K] | null =>
		before.stored[key] === null && chosen[key] === before.current[key] ? null : chosen[key];
	const { error } = await db.from('notification_preferences').upsert(
		{
			user_id: userId,
			confirmations: keep('confirmations'),
			changes_cancellations: keep('changes_cancellations'),
			promotions: keep('promotions'),
			reminders: keep('reminders'),
			thread_replies: keep('thread_replies'),
			mentions: keep('mentions'),
			moderation: keep('moderation'),
			invitations: keep('invitations'),
			practices_recognition: keep('practices_recognition'),
			digest_frequency: keep('digest')
		},
		{ onConflict: 'user_id' }
	);
	if (error) dbFailure(error);
}

/**
 * One-click unsubscribe: turns exactly this kind off (the digest: frequency
 * none) for the member. Call it with the service role, and only after the
 * link's signature was checked (mail/unsubscribe.ts). False when the member is gone.
 */
export async function unsubscribeMail(db: Db, userId: string, kind: string): Promise<boolean> {
	const { data, error } = await db.rpc('unsubscribe_mail', { p_user: userId, p_kind: kind });
	if (error) dbFailure(error);
	return data === true;
}

/** Since when mail to the signed-in member's address is refused for good (null: it is not). */
export async function myEmailBouncedAt(db: Db): Promise<string | null> {
	const { data, error } = await db.rpc('my_email_bounced_at');
	if (error) dbFailure(error);
	return data ?? null;
}

/** The language the member reads mail in (profiles.locale). */
export async function mailLocale(db: Db, userId: string): Promise<'ja' | 'en'> {
	const { data, error } = await db.from('profiles').select('locale').eq('id', userId).single();
	if (error) dbFailure(error);
	return data.locale === 'en' ? 'en' : 'ja';
}

export async function setMailLocale(db: Db, userId: string, locale: 'ja' | 'en') {
	const { error } = await db.from('profiles').update({ locale }).eq('id', userId);
	if (error) dbFailure(error);
}
