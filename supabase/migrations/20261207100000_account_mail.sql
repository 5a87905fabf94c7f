-- Accounts that mail makes possible (issue 11): password reset, confirming an
-- address, sign-up that does not tell whether an address is taken, changing
-- one's address. Every link is a one-time token of which only the SHA-256 is
-- stored (account_tokens, like sessions); the raw token travels only in the
-- mail job's payload. Each mail is enqueued by private.enqueue_mail in the
-- transaction that creates its token. Everything here is for the service role
-- (the app's server); anon and members cannot touch any of it.
--
--  1. account_tokens, and login_attempts counting the requests that send mail
--  2. the throttle of those requests (per address and per client)
--  3. sign-up and confirming an address
--  4. password reset
--  5. changing one's address (and undoing a change one did not make)
--  6. what an unconfirmed member may not do (private.refuse_unverified)
--  7. validate_session says whether the person's address is confirmed

-- 1. Tokens ------------------------------------------------------------------------

-- purpose and validity:
--   password_reset  1 hour, to the account's address; any use ends the others
--   verify_email    3 days, to the account's address (sign-up, 確認メールをもう一度送る)
--   email_change    24 hours, to the NEW address (email = the new address)
--   email_revert    7 days, to the OLD address in the notice of a change (email = the old address)
-- A token is good while unused, unexpired and, for password_reset and
-- verify_email, while the account still has the address it was sent to.
-- Rows live until they expire: every function that creates one first deletes
-- the expired ones, so the table holds at most a week of requests, which the
-- throttle below bounds.
create table public.account_tokens (
	token_hash text primary key constraint account_tokens_hash_sha256 check (token_hash ~ '^[0-9a-f]{64}$'),
	purpose text not null constraint account_tokens_purpose
		check (purpose in ('password_reset', 'verify_email', 'email_change', 'email_revert')),
	user_id uuid not null references public.profiles (id) on delete cascade,
	email text not null constraint account_tokens_email check (email = lower(email) and char_length(email) <= 254),
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	used_at timestamptz
);
create index account_tokens_user_idx on public.account_tokens (user_id, purpose);
create index account_tokens_expires_idx on public.account_tokens (expires_at);

alter table public.account_tokens enable row level security;
revoke all on public.account_tokens from anon, authenticated;
grant select, insert, update, delete on public.account_tokens to service_role;
-- deliberately no policies: only the service role and the functions below touch it

create function private.token_hash(p_token text) returns text
language sql immutable set search_path = '' as $$
	select encode(sha256(convert_to(p_token, 'UTF8')), 'hex')
$$;
revoke execute on function private.token_hash(text) from public;

create function private.new_account_token(p_purpose text, p_user uuid, p_email text, p_token text, p_valid interval)
returns void language plpgsql security definer set search_path = '' as $$
begin
	delete from public.account_tokens where expires_at < now();
	insert into public.account_tokens (token_hash, purpose, user_id, email, expires_at)
		values (private.token_hash(p_token), p_purpose, p_user, lower(p_email), now() + p_valid);
end $$;
revoke execute on function private.new_account_token(text, uuid, text, text, interval) from public;

-- The token row when it can be used now (locked for the transaction), else null.
create function private.usable_account_token(p_purpose text, p_token text) returns public.account_tokens
language plpgsql security definer set search_path = '' as $$
declare
	t public.account_tokens;
begin
	select * into t from public.account_tokens a
		where a.token_hash = private.token_hash(p_token) and a.purpose = p_purpose
		for update;
	if not found or t.used_at is not null or t.expires_at <= now() then
		return null;
	end if;
	if p_purpose in ('password_reset', 'verify_email') and not exists (
		select 1 from public.credentials c where c.user_id = t.user_id and c.email = t.email) then
		return null;
	end if;
	return t;
end $$;
revoke execute on function private.usable_account_token(text, text) from public;

-- What a link's page shows before it is used: the address it is about when the
-- token can be used (the account's for a reset, the new one for a change, the
-- old one for an undo), else null (unknown, used or expired: one answer).
create function public.account_token_email(p_purpose text, p_token text) returns text
language plpgsql stable security definer set search_path = '' as $$
declare
	v_email text;
begin
	select a.email into v_email from public.account_tokens a
		where a.token_hash = private.token_hash(p_token) and a.purpose = p_purpose
			and a.used_at is null and a.expires_at > now()
			and (p_purpose not in ('password_reset', 'verify_email') or exists (
				select 1 from public.credentials c where c.user_id = a.user_id and c.email = a.email));
	return v_email;
end $$;

-- login_attempts also counts the requests that send an account mail.
alter table public.login_attempts drop constraint login_attempts_kind;
alter table public.login_attempts add constraint login_attempts_kind
	check (kind in ('login', 'signup', 'password_reset', 'verify_resend', 'email_change'));

-- 2. Throttle ----------------------------------------------------------------------

-- Seconds until another request of this kind may send mail (0: now). Counted
-- whether or not the address has an account, so the answer says nothing about
-- it. Per address (p_email: the address typed for a reset, the member's own for
-- a resend or a change): 3 in a sliding hour. Per client address (only when
-- p_per_ip, false for loopback as in login_throttle): 10 in 15 minutes.
create function public.account_mail_throttle(p_kind text, p_email text, p_ip text, p_per_ip boolean)
returns integer language plpgsql stable set search_path = '' as $$
declare
	v_email_until timestamptz;
	v_ip_until timestamptz;
begin
	select a.created_at + interval '1 hour' into v_email_until
	from public.login_attempts a
	where a.kind = p_kind and a.email = lower(p_email) and a.created_at > now() - interval '1 hour'
	order by a.created_at desc offset 2 limit 1;
	if p_per_ip then
		select a.created_at + interval '15 minutes' into v_ip_until
		from public.login_attempts a
		where a.kind = p_kind and a.ip = p_ip and a.created_at > now() - interval '15 minutes'
		order by a.created_at desc offset 9 limit 1;
	end if;
	return greatest(0, coalesce(ceil(extract(epoch from greatest(v_email_until, v_ip_until) - now()))::integer, 0));
end $$;

-- 3. Sign-up and confirming an address ------------------------------------------------

-- Sign-up: a new address gets the account (unconfirmed) and the confirmation
-- mail (verify_email); a taken address gets nothing created, and its owner is
-- mailed instead (signup_existing: log in or reset the password), at most
-- once an hour. The id of the new account, or null when the address was taken.
create function public.sign_up(p_email text, p_display_name text, p_password_hash text, p_token text)
returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_email text := lower(btrim(p_email));
	v_owner uuid;
	v_id uuid;
begin
	select c.user_id into v_owner from public.credentials c where c.email = v_email;
	if v_owner is null then
		insert into public.profiles (display_name) values (btrim(p_display_name)) returning id into v_id;
		begin
			insert into public.credentials (user_id, email, password_hash)
				values (v_id, v_email, p_password_hash);
		exception when unique_violation then
			-- taken at the same moment by another sign-up
			delete from public.profiles where id = v_id;
			v_id := null;
			select c.user_id into v_owner from public.credentials c where c.email = v_email;
		end;
	end if;
	if v_id is not null then
		perform private.new_account_token('verify_email', v_id, v_email, p_token, interval '3 days');
		perform private.enqueue_mail('verify_email', v_id,
			jsonb_build_object('token', p_token, 'to', v_email), null);
		return v_id;
	end if;
	perform private.enqueue_mail('signup_existing', v_owner,
		jsonb_build_object('to', v_email,
			'once_key', 'signup_existing:' || v_owner || ':' || to_char(now() at time zone 'UTC', 'YYYYMMDDHH24')),
		'mail:signup_existing:' || v_owner);
	return null;
end $$;

-- 確認メールをもう一度送る: a new link to the member's address; false (nothing
-- sent) when the address is confirmed already.
create function public.request_email_verification(p_user uuid, p_token text)
returns boolean language plpgsql security definer set search_path = '' as $$
declare
	c public.credentials;
begin
	select * into c from public.credentials where user_id = p_user;
	if not found or c.email_verified_at is not null then
		return false;
	end if;
	perform private.new_account_token('verify_email', p_user, c.email, p_token, interval '3 days');
	perform private.enqueue_mail('verify_email', p_user,
		jsonb_build_object('token', p_token, 'to', c.email), null);
	return true;
end $$;

-- Confirms the address the link was sent to (also clears a bounce): the
-- member's id, or null when the link cannot be used.
create function public.verify_email(p_token text) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
	t public.account_tokens := private.usable_account_token('verify_email', p_token);
begin
	if t.token_hash is null then
		return null;
	end if;
	update public.credentials set email_verified_at = coalesce(email_verified_at, now()), email_bounced_at = null
		where user_id = t.user_id;
	update public.account_tokens set used_at = now() where token_hash = t.token_hash;
	delete from public.account_tokens
		where user_id = t.user_id and purpose = 'verify_email' and token_hash <> t.token_hash;
	return t.user_id;
end $$;

-- 4. Password reset -------------------------------------------------------------------

-- パスワードを忘れた方: a one-hour link to the address, when it has an account;
-- nothing otherwise (the page answers the same).
create function public.request_password_reset(p_email text, p_token text)
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_email text := lower(btrim(p_email));
	v_user uuid;
begin
	select c.user_id into v_user from public.credentials c where c.email = v_email;
	if v_user is null then
		return;
	end if;
	perform private.new_account_token('password_reset', v_user, v_email, p_token, interval '1 hour');
	perform private.enqueue_mail('password_reset', v_user,
		jsonb_build_object('token', p_token, 'to', v_email), null);
end $$;

-- Sets the new password from a reset link: the token is marked used, the
-- account's other reset links end, every session of the person ends (the app
-- then starts a fresh one) and the address counts as confirmed (the link
-- reached it). The member's id, or null when the link cannot be used.
create function public.reset_password(p_token text, p_password_hash text) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
	t public.account_tokens := private.usable_account_token('password_reset', p_token);
begin
	if t.token_hash is null then
		return null;
	end if;
	update public.credentials set password_hash = p_password_hash,
		email_verified_at = coalesce(email_verified_at, now()), email_bounced_at = null
		where user_id = t.user_id;
	update public.account_tokens set used_at = now() where token_hash = t.token_hash;
	delete from public.account_tokens
		where user_id = t.user_id and purpose = 'password_reset' and token_hash <> t.token_hash;
	delete from public.sessions where user_id = t.user_id;
	return t.user_id;
end $$;

-- 5. Changing one's address ---------------------------------------------------------------

-- A link to the new address (email_change_confirm), replacing any earlier
-- request. A new address that already has an account gets nothing, and the
-- caller's answer is the same (its owner is not bothered, and nobody learns
-- that it is taken).
create function public.request_email_change(p_user uuid, p_new_email text, p_token text)
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_email text := lower(btrim(p_new_email));
begin
	delete from public.account_tokens where user_id = p_user and purpose = 'email_change' and used_at is null;
	if exists (select 1 from public.credentials c where c.email = v_email) then
		return;
	end if;
	perform private.new_account_token('email_change', p_user, v_email, p_token, interval '24 hours');
	perform private.enqueue_mail('email_change_confirm', p_user,
		jsonb_build_object('token', p_token, 'to', v_email), null);
end $$;

-- The link in email_change_confirm: the address becomes the new one, confirmed.
-- When the old one was confirmed, it is told (email_change_notice), with a
-- link that undoes the change (p_revert_token, 7 days). 'changed'; 'taken'
-- when the address got an account meanwhile (nothing changes, the link is
-- used up); 'invalid' when the link cannot be used.
create function public.confirm_email_change(p_token text, p_revert_token text) returns text
language plpgsql security definer set search_path = '' as $$
declare
	t public.account_tokens := private.usable_account_token('email_change', p_token);
	c public.credentials;
begin
	if t.token_hash is null then
		return 'invalid';
	end if;
	update public.account_tokens set used_at = now() where token_hash = t.token_hash;
	select * into c from public.credentials where user_id = t.user_id for update;
	if exists (select 1 from public.credentials o where o.email = t.email and o.user_id <> t.user_id) then
		return 'taken';
	end if;
	begin
		update public.credentials set email = t.email, email_verified_at = now(), email_bounced_at = null
			where user_id = t.user_id;
	exception when unique_violation then
		return 'taken';
	end;
	if c.email_verified_at is not null and c.email <> t.email then
		perform private.new_account_token('email_revert', t.user_id, c.email, p_revert_token, interval '7 days');
		perform private.enqueue_mail('email_change_notice', t.user_id,
			jsonb_build_object('to', c.email, 'new_email', t.email, 'token', p_revert_token,
				'changed_at', now()), null);
	end if;
	return 'changed';
end $$;

-- The link in email_change_notice (心当たりがない場合): the old address comes
-- back, confirmed, every session ends, pending changes are dropped, and a
-- password reset link is made at once (p_reset_token) so that the owner sets a
-- new password next. 'reverted', 'taken' (the old address has another account
-- now) or 'invalid'.
create function public.revert_email_change(p_token text, p_reset_token text) returns text
language plpgsql security definer set search_path = '' as $$
declare
	t public.account_tokens := private.usable_account_token('email_revert', p_token);
begin
	if t.token_hash is null then
		return 'invalid';
	end if;
	update public.account_tokens set used_at = now() where token_hash = t.token_hash;
	if exists (select 1 from public.credentials o where o.email = t.email and o.user_id <> t.user_id) then
		return 'taken';
	end if;
	update public.credentials set email = t.email, email_verified_at = now(), email_bounced_at = null
		where user_id = t.user_id;
	delete from public.sessions where user_id = t.user_id;
	delete from public.account_tokens
		where user_id = t.user_id and purpose in ('email_change', 'password_reset') and used_at is null;
	perform private.new_account_token('password_reset', t.user_id, t.email, p_reset_token, interval '1 hour');
	return 'reverted';
end $$;

revoke execute on function
	public.account_token_email(text, text),
	public.account_mail_throttle(text, text, text, boolean),
	public.sign_up(text, text, text, text),
	public.request_email_verification(uuid, text),
	public.verify_email(text),
	public.request_password_reset(text, text),
	public.reset_password(text, text),
	public.request_email_change(uuid, text, text),
	public.confirm_email_change(text, text),
	public.revert_email_change(text, text)
	from public, anon, authenticated;
grant execute on function
	public.account_token_email(text, text),
	public.account_mail_throttle(text, text, text, boolean),
	public.sign_up(text, text, text, text),
	public.request_email_verification(uuid, text),
	public.verify_email(text),
	public.request_password_reset(text, text),
	public.reset_password(text, text),
	public.request_email_change(uuid, text, text),
	public.confirm_email_change(text, text),
	public.revert_email_change(text, text)
	to service_role;

-- 6. Unconfirmed members ----------------------------------------------------------------

-- A new account may browse, fill its profile, follow and change its settings,
-- but joins events and writes what others read only once its address is
-- confirmed. Like refuse_suspended: a trigger on the rows a member creates,
-- looking at auth.uid() (kept inside definer functions such as
-- join_occurrence), so the service role (jobs, seeding) passes. Accounts made
-- before addresses were confirmed count as confirmed (20261207000000).
create function private.is_unverified(p_user uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select p_user is not null and exists (
		select 1 from public.credentials c where c.user_id = p_user and c.email_verified_at is null)
$$;
revoke execute on function private.is_unverified(uuid) from public;
grant execute on function private.is_unverified(uuid) to authenticated, service_role;

create function private.refuse_unverified() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if private.is_unverified((select auth.uid())) then
		raise exception 'confirm your email address first' using errcode = 'P0001', hint = 'unverified';
	end if;
	return new;
end $$;
revoke execute on function private.refuse_unverified() from public;

-- Joining a date (and re-joining one), threads, posts, reports, events and
-- organizations. (An unconfirmed member has no events, organizations or posts
-- yet, so what follows from those needs no trigger of its own.) Triggers fire
-- in name order: *_refuse_suspended, then *_refuse_unverified, then *_write.
create trigger registrations_refuse_unverified before insert on public.registrations
	for each row execute function private.refuse_unverified();
create trigger registrations_refuse_unverified_rejoin before update of status on public.registrations
	for each row when (old.status = 'cancelled' and new.status <> 'cancelled')
	execute function private.refuse_unverified();
create trigger threads_refuse_unverified before insert on public.threads
	for each row execute function private.refuse_unverified();
create trigger posts_refuse_unverified before insert on public.posts
	for each row execute function private.refuse_unverified();
create trigger reports_refuse_unverified before insert on public.reports
	for each row execute function private.refuse_unverified();
create trigger events_refuse_unverified before insert on public.events
	for each row execute function private.refuse_unverified();
create trigger organizations_refuse_unverified before insert on public.organizations
	for each row execute function private.refuse_unverified();

-- 7. The session says whether the address is confirmed ---------------------------------------

-- As in 20261128000000, plus email_verified: every page knows it (the banner,
-- the forms that would be refused) without another request.
drop function public.validate_session(text);
create function public.validate_session(p_id text)
returns table (
	session_id text, user_id uuid, display_name text, role public.app_role,
	expires_at timestamptz, refreshed boolean, email_verified boolean
)
language plpgsql set search_path = '' as $$
declare
	s public.sessions;
	v_refreshed boolean := false;
begin
	select * into s from public.sessions where id = p_id;
	if not found then
		return;
	end if;
	if now() >= s.expires_at or now() >= s.absolute_expires_at then
		delete from public.sessions where id = p_id;
		return;
	end if;
	if s.expires_at - now() < interval '15 days' and s.expires_at < s.absolute_expires_at then
		s.expires_at := least(now() + interval '30 days', s.absolute_expires_at);
		v_refreshed := true;
	end if;
	if v_refreshed or now() - s.last_seen_at > interval '5 minutes' then
		update public.sessions set expires_at = s.expires_at, last_seen_at = now() where id = p_id;
	end if;
	return query
		select s.id, p.id, p.display_name, p.role, s.expires_at, v_refreshed,
			coalesce(c.email_verified_at is not null, false)
		from public.profiles p left join public.credentials c on c.user_id = p.id
		where p.id = s.user_id;
end $$;
revoke execute on function public.validate_session(text) from public, anon, authenticated;
grant execute on function public.validate_session(text) to service_role;
