-- Hardening of accounts and organizations (issue 7: what a black-box test found).
--  1. Login throttling without lock-outs: limits per client (email + address)
--     and per address refuse; the limit per email only slows down.
--  2. organization_members no longer tells anybody who belongs where unless
--     that person lists their profile.

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
