-- Hardening of accounts and organizations (issue 7: what a black-box test found).
--  1. Login throttling without lock-outs: limits per client (email + address)
--     and per address refuse; the limit per email only slows down.
--  2. organization_members no longer tells anybody who belongs where unless
--     that person lists their profile.
--  3. Invitations by email are counted per inviting member (they tell whether
--     an address has an account).

-- 1. Login throttling ------------------------------------------------------------

-- A client is an email tried from one address (the app passes an IPv6 /64 as
-- one address). Its failures are looked up by this index; the per-email and
-- per-address counts keep using the indexes of 20261128000000.
create index login_attempts_client_idx on public.login_attempts (kind, email, ip, created_at desc);

-- What the next attempt must do: wait `retry_after` seconds (refused, HTTP 429)
-- or, when allowed, be delayed by `delay_seconds` before the password is
-- checked. Windows slide over 15 minutes, and refused attempts are not
-- recorded, so every wait ends by itself.
--   login, per client (p_email from p_ip): the 5th failure since that client
--     last got in locks that client until the failure is 15 minutes old;
--   login and sign-up, per address (only when p_per_ip: the app passes false
--     for loopback addresses, which every visitor shares behind a proxy without
--     ADDRESS_HEADER): 20 failed logins, or 20 sign-ups, in 15 minutes;
--   login, per email across all clients: from the 10th failure since anyone
--     last got in, 1, 2, 4, 8, then at most 10 seconds of delay — never a
--     refusal, so the owner on a client that has not failed still gets in.
-- Unknown emails are throttled exactly like known ones.
create function public.login_throttle(p_kind text, p_email text, p_ip text, p_per_ip boolean)
returns table (retry_after integer, delay_seconds integer)
language plpgsql stable set search_path = '' as $$
declare
	v_email text := lower(p_email);
	v_window timestamptz := now() - interval '15 minutes';
	v_client_until timestamptz;
	v_ip_until timestamptz;
	v_email_failures integer := 0;
begin
	if p_kind = 'login' then
		select a.created_at + interval '15 minutes' into v_client_until
		from public.login_attempts a
		where a.kind = 'login' and a.email = v_email and a.ip = p_ip
			and not a.succeeded and a.created_at > v_window
			and a.created_at > coalesce((
				select max(s.created_at) from public.login_attempts s
				where s.kind = 'login' and s.email = v_email and s.ip = p_ip
					and s.succeeded and s.created_at > v_window
			), '-infinity')
		order by a.created_at desc offset 4 limit 1;

		select count(*) into v_email_failures from (
			select 1 from public.login_attempts a
			where a.kind = 'login' and a.email = v_email
				and not a.succeeded and a.created_at > v_window
				and a.created_at > coalesce((
					select max(s.created_at) from public.login_attempts s
					where s.kind = 'login' and s.email = v_email and s.succeeded and s.created_at > v_window
				), '-infinity')
			limit 14
		) f;
	end if;

	if p_per_ip then
		select a.created_at + interval '15 minutes' into v_ip_until
		from public.login_attempts a
		where a.kind = p_kind and a.ip = p_ip
			and (p_kind = 'signup' or not a.succeeded)
			and a.created_at > v_window
		order by a.created_at desc offset 19 limit 1;
	end if;

	retry_after := greatest(0, coalesce(ceil(extract(epoch from greatest(v_client_until, v_ip_until) - now()))::integer, 0));
	delay_seconds := case when v_email_failures >= 10 then least(10, 1 << (v_email_failures - 10)) else 0 end;
	return next;
end $$;

-- Service role only, like everything about credentials.
revoke execute on function public.login_throttle(text, text, text, boolean) from public, anon, authenticated;
grant execute on function public.login_throttle(text, text, text, boolean) to service_role;

-- Replaced by login_throttle: it locked an email for every client.
drop function public.login_retry_after(text, text, text);

-- 2. Who sees memberships ---------------------------------------------------------

-- The organizations the requesting person manages (owner or editor). Security
-- definer: a policy on organization_members cannot read organization_members
-- itself. Called once per query, as `in (select …)`.
create function private.managed_organizations() returns setof uuid
language sql stable security definer set search_path = '' as $$
	select m.organization_id from public.organization_members m
	where m.user_id = (select auth.uid()) and m.role in ('owner', 'editor')
$$;
revoke execute on function private.managed_organizations() from public;
grant execute on function private.managed_organizations() to authenticated, service_role;

-- Before: anyone read every membership of a visible organization, with user
-- ids and roles, also of people who do not list their profile. Now:
--   anon and members: memberships of people whose profile is listed, in
--     organizations they can see;
--   a person: all of their own memberships;
--   owners and editors: every member of the organizations they manage;
--   coordinators: everything.
-- `exists` on a primary key rather than `in (select …)`: the planner then looks
-- up only the rows a page shows (one organization's members, one person's
-- memberships) and hashes the whole table only for a whole-table read.
-- profiles' own policy ends in `listed or private.can_see_profile(id)`;
-- with `p.listed` tested first, no function runs per row.
drop policy "organization_members: read with the organization" on public.organization_members;

create policy "organization_members: anon reads listed people" on public.organization_members
	for select to anon
	using (
		exists (select 1 from public.profiles p where p.id = user_id and p.listed)
		and exists (select 1 from public.organizations o where o.id = organization_id)
	);

create policy "organization_members: own, managed, listed; coordinators all" on public.organization_members
	for select to authenticated
	using (
		user_id = (select auth.uid())
		or (select private.is_coordinator())
		or organization_id in (select private.managed_organizations())
		or (exists (select 1 from public.profiles p where p.id = user_id and p.listed)
			and exists (select 1 from public.organizations o where o.id = organization_id))
	);

-- How many members an organization has in all (its page says "and 3 more with
-- a private profile"): a number, never who. Null when the organization is
-- hidden from the caller (the public wrapper runs with the caller's RLS).
create function private.organization_member_count(p_org uuid) returns integer
language sql stable security definer set search_path = '' as $$
	select count(*)::integer from public.organization_members m where m.organization_id = p_org
$$;
revoke execute on function private.organization_member_count(uuid) from public;
grant execute on function private.organization_member_count(uuid) to anon, authenticated, service_role;

create function public.organization_member_count(p_org uuid) returns integer
language sql stable set search_path = '' as $$
	select private.organization_member_count(o.id) from public.organizations o where o.id = p_org
$$;
revoke execute on function public.organization_member_count(uuid) from public;
grant execute on function public.organization_member_count(uuid) to anon, authenticated, service_role;

-- 3. Invitations by email, counted -------------------------------------------------

-- Every invitation by email a member sends, whatever its outcome: an answer
-- of "no account with this address" is exactly what must be limited. Written
-- only by private.invite_by_email (definer); nobody reads it through the API.
create table public.email_invitation_attempts (
	id bigint generated always as identity primary key,
	user_id uuid not null references public.profiles (id) on delete cascade,
	created_at timestamptz not null default now()
);
create index email_invitation_attempts_user_idx on public.email_invitation_attempts (user_id, created_at desc);

alter table public.email_invitation_attempts enable row level security;
revoke all on public.email_invitation_attempts from anon, authenticated;
grant select, insert, update, delete on public.email_invitation_attempts to service_role;
-- deliberately no policies: only the service role and the definer function touch it

-- The outcome is now returned rather than raised: a raised error rolls back
-- the transaction, and with it the counted attempt. Refusals are still raised,
-- with a hint: not_owner, owner_by_transfer, throttled (20 invitations by
-- email per member in a sliding hour; refused ones are not counted).
drop function public.invite_organization_member(uuid, text, public.organization_role);
drop function private.invite_by_email(uuid, text, public.organization_role);

create function private.invite_by_email(p_org uuid, p_email text, p_role public.organization_role)
returns text language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_user uuid;
begin
	if private.org_role(p_org) is distinct from 'owner' then
		raise exception 'only owners invite' using errcode = '42501', hint = 'not_owner';
	end if;
	if p_role = 'owner' then
		raise exception 'invite as editor or member, then transfer ownership'
			using errcode = '22023', hint = 'owner_by_transfer';
	end if;
	-- one at a time per member, so that parallel requests cannot pass the count together
	perform pg_advisory_xact_lock(hashtextextended('email_invitation:' || v_uid::text, 0));
	if (select count(*) from (
		select 1 from public.email_invitation_attempts a
		where a.user_id = v_uid and a.created_at > now() - interval '1 hour'
		limit 20) recent) >= 20 then
		raise exception 'too many invitations by email; try again later'
			using errcode = 'P0001', hint = 'throttled';
	end if;
	delete from public.email_invitation_attempts a
		where a.user_id = v_uid and a.created_at <= now() - interval '1 hour';
	insert into public.email_invitation_attempts (user_id) values (v_uid);

	select c.user_id into v_user from public.credentials c where c.email = lower(btrim(p_email));
	if v_user is null then
		return 'no_account';
	end if;
	if exists (select 1 from public.organization_members m where m.organization_id = p_org and m.user_id = v_user) then
		return 'already_member';
	end if;
	delete from public.organization_invitations i
		where i.organization_id = p_org and i.invitee_id = v_user and i.accepted_at is null;
	insert into public.organization_invitations (organization_id, role, invitee_id, created_by)
		values (p_org, p_role, v_user, v_uid);
	return 'invited';
end $$;
revoke execute on function private.invite_by_email(uuid, text, public.organization_role) from public;
grant execute on function private.invite_by_email(uuid, text, public.organization_role) to authenticated;

-- 'invited', 'no_account' or 'already_member'; refusals raise (see above).
create function public.invite_organization_member(p_org uuid, p_email text, p_role public.organization_role)
returns text language sql set search_path = '' as $$
	select private.invite_by_email(p_org, p_email, p_role)
$$;
revoke execute on function public.invite_organization_member(uuid, text, public.organization_role) from public, anon;
grant execute on function public.invite_organization_member(uuid, text, public.organization_role)
	to authenticated, service_role;
