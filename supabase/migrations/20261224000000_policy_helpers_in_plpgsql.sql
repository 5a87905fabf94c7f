-- The helpers that row-level security and the page functions call, in PL/pgSQL (issue 13, the
-- benchmark, fifteenth round). They were SQL functions with `set search_path`, which PostgreSQL
-- never inlines and, on PostgreSQL 17, plans again in every statement that calls them: a page
-- of an event or a thread calls them in a dozen statements (the policies on events, threads,
-- posts, organizations and their members; thread_visible in every read of a thread), each
-- planning them anew. PL/pgSQL keeps their plans for the session, as the page functions'
-- (migration 20261220000000_reads_in_plpgsql): thread_visible 0.19 → 0.06 ms a call,
-- event_visible 0.11 → 0.04; on the benchmark's kept stack at size L, PostgreSQL's time for an
-- event page 4.5 → 2.7–3.0 ms, the signed-in event page 6.6 → 4.2–4.5, the organization's page
-- 5.5 → 4.0, a thread page 3.8 → 3.2 (bench/README.md, the fifteenth round).
--
-- Only the language changes: the same statements, the same results, owners, grants, security
-- and search path. Each returns what its statement's first row gives, as before (each is an
-- aggregate, an exists, or a lookup by a unique key: never more than one row);
-- `force_generic_plan` plans them without the arguments' values, as PostgreSQL planned the SQL
-- functions' statements; `#variable_conflict use_column` keeps a name that is both a column and
-- an output column the column, as it was in SQL.

create or replace function private.is_coordinator() returns boolean
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select coalesce((select p.role in ('coordinator', 'admin') from public.profiles p
			where p.id = (select auth.uid())), false)
	);
end $$;

create or replace function private.is_admin() returns boolean
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select coalesce((select p.role = 'admin' from public.profiles p
			where p.id = (select auth.uid())), false)
	);
end $$;

create or replace function private.can_manage_event(p_event uuid) returns boolean
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select (select auth.uid()) is not null and (
			(select private.is_coordinator())
			or exists (select 1 from public.events e where e.id = p_event and e.organizer_id = (select auth.uid()))
			or exists (
				select 1 from public.events e
				join public.organization_members m on m.organization_id = e.organization_id
				where e.id = p_event and m.user_id = (select auth.uid()) and m.role in ('owner', 'editor'))
			or exists (
				select 1 from public.event_cohosts c
				join public.organization_members m on m.organization_id = c.organization_id
				where c.event_id = p_event and c.accepted_at is not null
					and m.user_id = (select auth.uid()) and m.role in ('owner', 'editor')))
	);
end $$;

create or replace function private.edits_for_cohost(p_event uuid) returns boolean
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select (select auth.uid()) is not null and exists (
			select 1 from public.event_cohosts c
			join public.organization_members m on m.organization_id = c.organization_id
			where c.event_id = p_event and m.user_id = (select auth.uid()) and m.role in ('owner', 'editor'))
	);
end $$;

create or replace function private.event_visible(p_event uuid) returns boolean
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select exists (select 1 from public.events e where e.id = p_event and e.status <> 'draft')
			or private.can_manage_event(p_event)
			or private.edits_for_cohost(p_event)
	);
end $$;

create or replace function private.practice_visible(p_practice uuid) returns boolean
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select exists (
			select 1 from public.practices p
			where p.id = p_practice
				and (p.status = 'published'
					or p.lead_organization_id = any (private.my_edited_org_ids())
					or private.is_coordinator()))
	);
end $$;

create or replace function private.thread_visible(p_thread uuid) returns boolean
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select exists (
			select 1 from public.threads t
			where t.id = p_thread
				and ((t.hidden_at is null and t.deleted_at is null)
					or t.author_id = (select auth.uid()) or (select private.is_coordinator()))
				and (t.event_id is null or private.event_visible(t.event_id))
				and (t.practice_id is null or private.practice_visible(t.practice_id)))
	);
end $$;

create or replace function private.my_edited_org_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select coalesce(array_agg(m.organization_id), '{}') from public.organization_members m
		where m.user_id = (select auth.uid()) and m.role in ('owner', 'editor')
	);
end $$;

create or replace function private.org_role(p_org uuid) returns organization_role
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select m.role from public.organization_members m
		where m.organization_id = p_org and m.user_id = (select auth.uid())
	);
end $$;

create or replace function private.occurrence_event(p_occurrence uuid) returns uuid
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select o.event_id from public.event_occurrences o where o.id = p_occurrence
	);
end $$;

create or replace function private.managed_organizations() returns setof uuid
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
	return query
		select m.organization_id from public.organization_members m
		where m.user_id = (select auth.uid()) and m.role in ('owner', 'editor');
end $$;

create or replace function private.can_see_profile(p_profile uuid) returns boolean
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select (select auth.uid()) is not null and (
			p_profile = (select auth.uid())
			or (select private.is_coordinator())
			or exists (
				select 1 from public.organization_members a
				join public.organization_members b on b.organization_id = a.organization_id
				where a.user_id = (select auth.uid()) and b.user_id = p_profile
			)
			or ((exists (select 1 from public.events e where e.organizer_id = (select auth.uid()))
					or exists (select 1 from public.organization_members m
						where m.user_id = (select auth.uid()) and m.role in ('owner', 'editor')))
				and exists (
					select 1 from public.registrations r
					join public.event_occurrences o on o.id = r.occurrence_id
					where r.user_id = p_profile and r.status <> 'cancelled'
						and private.can_manage_event(o.event_id))))
	);
end $$;

create or replace function private.author_names(p_ids uuid[]) returns table (user_id uuid, display_name text)
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
	return query
		select p.id, p.display_name from public.profiles p
		where p.id = any (p_ids[1:200]) and (
			(select private.is_coordinator())
			or exists (select 1 from public.threads t where t.author_id = p.id and t.hidden_at is null and t.deleted_at is null)
			or exists (select 1 from public.posts x where x.author_id = p.id and x.hidden_at is null and x.deleted_at is null));
end $$;

create or replace function private.current_app_role() returns public.app_role
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select p.role from public.profiles p where p.id = (select auth.uid())
	);
end $$;

create or replace function private.voice_event(p_voice uuid) returns uuid
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		select v.event_id from public.voices v where v.id = p_voice
	);
end $$;

