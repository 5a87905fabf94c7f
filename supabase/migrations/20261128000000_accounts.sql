-- Accounts and sessions (the Lucia pattern, DESIGN.md §2).
-- profiles: what the site and RLS know about a person (readable by that person).
-- credentials, sessions, login_attempts: only the service role ever touches
-- them; anon and authenticated have no privileges and no policies.

-- Helpers used by policies live in a schema PostgREST does not expose.
create schema if not exists private;
grant usage on schema private to anon, authenticated, service_role;

create type public.app_role as enum ('member', 'coordinator', 'admin');

create table public.profiles (
	id uuid primary key default extensions.gen_random_uuid(),
	display_name text not null
		constraint profiles_display_name_length check (char_length(btrim(display_name)) between 1 and 50),
	role public.app_role not null default 'member',
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create table public.credentials (
	user_id uuid primary key references public.profiles (id) on delete cascade,
	-- stored lower-cased; one account per address
	email text not null unique
		constraint credentials_email_lower check (email = lower(email) and char_length(email) <= 254),
	password_hash text not null,
	updated_at timestamptz not null default now()
);

create table public.sessions (
	-- hex SHA-256 of the token in the cookie; the token itself is never stored
	id text primary key constraint sessions_id_sha256 check (id ~ '^[0-9a-f]{64}$'),
	user_id uuid not null references public.profiles (id) on delete cascade,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	absolute_expires_at timestamptz not null,
	last_seen_at timestamptz not null default now(),
	user_agent text constraint sessions_user_agent_length check (char_length(user_agent) <= 512),
	ip text constraint sessions_ip_length check (char_length(ip) <= 64)
);
create index sessions_user_id_idx on public.sessions (user_id);
create index sessions_expires_at_idx on public.sessions (expires_at);

create table public.login_attempts (
	id bigint generated always as identity primary key,
	kind text not null constraint login_attempts_kind check (kind in ('login', 'signup')),
	email text constraint login_attempts_email_length check (char_length(email) <= 254),
	ip text constraint login_attempts_ip_length check (char_length(ip) <= 64),
	succeeded boolean not null,
	created_at timestamptz not null default now()
);
create index login_attempts_email_idx on public.login_attempts (kind, email, created_at desc);
create index login_attempts_ip_idx on public.login_attempts (kind, ip, created_at desc);
create index login_attempts_created_at_idx on public.login_attempts (created_at);

-- RLS and privileges -------------------------------------------------------

alter table public.profiles enable row level security;
alter table public.credentials enable row level security;
alter table public.sessions enable row level security;
alter table public.login_attempts enable row level security;

revoke all on public.profiles, public.credentials, public.sessions, public.login_attempts
	from anon, authenticated;
grant select, insert, update, delete on public.profiles, public.credentials, public.sessions,
	public.login_attempts to service_role;

-- A member reads their own profile and may change only their display name.
grant select on public.profiles to authenticated;
grant update (display_name) on public.profiles to authenticated;

create policy "profiles: read own" on public.profiles
	for select to authenticated
	using (id = (select auth.uid()));

create policy "profiles: update own" on public.profiles
	for update to authenticated
	using (id = (select auth.uid()))
	with check (id = (select auth.uid()));

-- credentials, sessions, login_attempts: deliberately no policies.

-- Role of the requesting user, for policies (coordinator/admin rights).
create function private.current_app_role() returns public.app_role
language sql stable security definer set search_path = '' as $$
	select p.role from public.profiles p where p.id = (select auth.uid())
$$;
revoke execute on function private.current_app_role() from public;
grant execute on function private.current_app_role() to anon, authenticated, service_role;

create function private.touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
	new.updated_at := now();
	return new;
end $$;

create trigger profiles_touch before update on public.profiles
	for each row execute function private.touch_updated_at();
create trigger credentials_touch before update on public.credentials
	for each row execute function private.touch_updated_at();

-- A role change ends every session of that person (they log in again with the new rights).
create function private.end_sessions_on_role_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	delete from public.sessions where user_id = new.id;
	return new;
end $$;
revoke execute on function private.end_sessions_on_role_change() from public;

create trigger profiles_role_change after update of role on public.profiles
	for each row when (old.role is distinct from new.role)
	execute function private.end_sessions_on_role_change();

-- Service-role functions -----------------------------------------------------

-- Creates profile and credentials together; returns null when the email is taken.
create function public.create_account(p_email text, p_display_name text, p_password_hash text)
returns uuid language plpgsql set search_path = '' as $$
declare
	v_id uuid;
begin
	if exists (select 1 from public.credentials where email = lower(p_email)) then
		return null;
	end if;
	insert into public.profiles (display_name) values (btrim(p_display_name)) returning id into v_id;
	insert into public.credentials (user_id, email, password_hash)
		values (v_id, lower(p_email), p_password_hash);
	return v_id;
exception when unique_violation then
	return null;
end $$;

-- Seconds until another attempt is allowed (0 = allowed now). Failures count
-- in a sliding 15-minute window, so a lock-out always ends by itself; refused
-- attempts are not recorded as failures and so do not extend it.
create function public.login_retry_after(p_kind text, p_email text, p_ip text)
returns integer language sql stable set search_path = '' as $$
	with email_failures as (
		select a.created_at from public.login_attempts a
		where p_kind = 'login' and a.kind = 'login' and a.email = lower(p_email)
			and not a.succeeded and a.created_at > now() - interval '15 minutes'
			and a.created_at > coalesce((
				select max(s.created_at) from public.login_attempts s
				where s.kind = 'login' and s.email = lower(p_email) and s.succeeded
			), '-infinity')
		order by a.created_at desc offset 4 limit 1
	),
	ip_attempts as (
		select a.created_at from public.login_attempts a
		where a.kind = p_kind and a.ip = p_ip
			and (p_kind = 'signup' or not a.succeeded)
			and a.created_at > now() - interval '15 minutes'
		order by a.created_at desc offset 19 limit 1
	),
	unlocks as (
		select created_at + interval '15 minutes' as at from email_failures
		union all
		select created_at + interval '15 minutes' from ip_attempts
	)
	select coalesce(ceil(extract(epoch from max(at) - now()))::integer, 0) from unlocks
$$;

create function public.record_login_attempt(p_kind text, p_email text, p_ip text, p_succeeded boolean)
returns void language plpgsql set search_path = '' as $$
begin
	insert into public.login_attempts (kind, email, ip, succeeded)
		values (p_kind, lower(p_email), p_ip, p_succeeded);
	-- attempts older than a day matter to nobody
	delete from public.login_attempts where created_at < now() - interval '1 day';
end $$;

-- Validates a session by its id (token hash) in one round trip: deletes it when
-- expired, slides its expiry (30 days, capped by the absolute lifetime) when
-- less than 15 days remain, and records last_seen_at at most every 5 minutes.
create function public.validate_session(p_id text)
returns table (
	session_id text, user_id uuid, display_name text, role public.app_role,
	expires_at timestamptz, refreshed boolean
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
		select s.id, p.id, p.display_name, p.role, s.expires_at, v_refreshed
		from public.profiles p where p.id = s.user_id;
end $$;

revoke execute on function public.create_account(text, text, text),
	public.login_retry_after(text, text, text),
	public.record_login_attempt(text, text, text, boolean),
	public.validate_session(text)
	from public, anon, authenticated;
grant execute on function public.create_account(text, text, text),
	public.login_retry_after(text, text, text),
	public.record_login_attempt(text, text, text, boolean),
	public.validate_session(text)
	to service_role;
