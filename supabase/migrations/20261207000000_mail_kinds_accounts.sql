-- What the rest of issue 11 builds on (one migration, so that the account,
-- preference and digest work each add their own without redefining these):
--
-- * every kind of mail the worker writes (mail_log.kind), and 'bounced' for a
--   mail the receiving server refused for good;
-- * the state of a member's address: confirmed (email_verified_at) and
--   refused for good (email_bounced_at, cleared when they confirm it again);
-- * the language a member reads mail in (profiles.locale).

alter table public.mail_log drop constraint mail_log_kind;
alter table public.mail_log add constraint mail_log_kind check (kind in (
	-- what one joined (private.mail_from_notification, private.mail_registration, reminders)
	'registered', 'waitlisted', 'promoted', 'event_changed', 'event_cancelled',
	'occurrence_changed', 'occurrence_cancelled', 'reminder',
	-- threads, moderation and invitations (from their notices)
	'thread_reply', 'mention', 'moderation', 'invitation',
	-- 今週末と来週のイベント: what one follows
	'digest',
	-- accounts: sent whatever the preferences say, never unsubscribable
	'verify_email', 'password_reset', 'signup_existing', 'email_change_confirm', 'email_change_notice'));

alter table public.mail_log drop constraint mail_log_status;
alter table public.mail_log add constraint mail_log_status check
	(status in ('sending', 'sent', 'skipped', 'failed', 'bounced'));

-- Accounts that existed before addresses were confirmed keep working: they
-- count as confirmed. New accounts start unconfirmed (null).
alter table public.credentials
	add column email_verified_at timestamptz,
	add column email_bounced_at timestamptz;
update public.credentials set email_verified_at = updated_at;

alter table public.profiles
	add column locale text not null default 'ja' constraint profiles_locale check (locale in ('ja', 'en'));
grant update (locale) on public.profiles to authenticated;
