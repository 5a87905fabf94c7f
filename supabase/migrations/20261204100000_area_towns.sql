-- Everyday use (issue 9, part B):
--  1. Towns (町名) of each area, so that a resident finds their 圏域 from the
--     name of their town (/areas), searchable as the rest of the site is
--     (substrings of the normalised name and reading).
--  2. Event lists that show a series as one card: each matching event once,
--     at its next date, with how many more dates it has in the window. The
--     functions take the page's limit themselves (a SQL function with a SET
--     clause is never inlined, so a limit applied outside would come after
--     the whole result was built). The queries whose best plan depends on
--     the arguments (the limit, which filters are set, the window) are
--     PL/pgSQL with plan_cache_mode = force_custom_plan: planned for each
--     call with its values. A non-inlined SQL function is planned once
--     without them (PostgreSQL 17), and that generic plan read every future
--     date: 600 ms instead of 2 ms for the first page of 37,000 dates.
--     They list only what RLS shows everybody (dates of published and
--     cancelled events) and say so in their filters, and run as their owner
--     (private, security definer): RLS would add nothing but a policy
--     function call on every date read (private.event_visible), which made a
--     count of 1000 cards 5 times slower.
--  3. The areas with nothing coming up (/coordinate).
--  4. Indexes behind the lists of /me and /coordinate, so that each one reads
--     what it shows.

-- Towns ---------------------------------------------------------------------------

create table public.area_towns (
	id uuid primary key default extensions.gen_random_uuid(),
	area_id uuid not null references public.areas (id) on delete cascade,
	name text not null constraint area_towns_name_length check (char_length(btrim(name)) between 1 and 50),
	-- the reading in hiragana, so that ときわだいら finds 常盤平
	kana text constraint area_towns_kana_length check (char_length(kana) <= 100),
	sort_order integer not null default 0,
	created_at timestamptz not null default now(),
	search_text text generated always as (private.search_normalize(name || ' ' || coalesce(kana, ''))) stored,
	-- a town split between two areas is listed in both
	constraint area_towns_unique unique (area_id, name)
);
create index area_towns_search_idx on public.area_towns using gin (search_text extensions.gin_trgm_ops);

alter table public.area_towns enable row level security;
grant select on public.area_towns to anon, authenticated;
grant insert (area_id, name, kana, sort_order), update (area_id, name, kana, sort_order), delete
	on public.area_towns to authenticated;
grant select, insert, update, delete on public.area_towns to service_role;

create policy "area_towns: anyone reads" on public.area_towns for select to anon, authenticated using (true);
create policy "area_towns: admins add" on public.area_towns for insert to authenticated
	with check ((select private.is_admin()));
create policy "area_towns: admins change" on public.area_towns for update to authenticated
	using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "area_towns: admins remove" on public.area_towns for delete to authenticated
	using ((select private.is_admin()));

-- The towns whose name or reading contains p_q, in the areas' order (areas in
-- use only). At most p_limit (1 to 100) rows.
create function public.search_area_towns(p_q text, p_limit integer default 30)
returns table (area_id uuid, name text, kana text)
language sql stable set search_path = '' as $$
	select t.area_id, t.name, t.kana
	from public.area_towns t join public.areas a on a.id = t.area_id
	where nullif(btrim(p_q), '') is not null
		and t.search_text like private.contains_pattern(btrim(p_q))
		and a.retired_at is null
	order by a.sort_order, a.name_ja, t.sort_order, t.name
	limit least(greatest(coalesce(p_limit, 30), 1), 100)
$$;
revoke execute on function public.search_area_towns(text, integer) from public;
grant execute on function public.search_area_towns(text, integer) to anon, authenticated, service_role;

-- A series as one card ------------------------------------------------------------
--
-- The filters are those of search_occurrences (the same names and meaning).
-- An event's card is its first scheduled date in the window (its first date
-- when every date in the window is cancelled), among the dates that match the
-- date filters (seats left). The scan walks event_occurrences_starts_idx in
-- time order and keeps a date only when no earlier date of its event is its
-- card (a probe of event_occurrences_event_idx between the window's start and
-- this date), so a page reads the dates up to the last card it shows.
-- Security definer: it reads only published and cancelled events (public to
-- everybody under RLS) and accepted co-hosts, as RLS would show them.

create function private.event_series_page(
	p_from timestamptz, p_to timestamptz, p_q text, p_kind public.event_kind, p_area uuid, p_field uuid,
	p_organization uuid, p_seats_left boolean, p_online boolean, p_limit integer, p_offset integer
) returns table (occurrence_id uuid, event_id uuid, starts_at timestamptz)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
begin
	return query
	select o.id, o.event_id, o.starts_at
	from public.event_occurrences o join public.events e on e.id = o.event_id
	-- the starts_at bound lets the index on starts_at do the work; events longer than 31 days are not a thing here
	where o.starts_at >= p_from - interval '31 days' and o.ends_at >= p_from
		and (p_to is null or o.starts_at < p_to)
		and e.status in ('published', 'cancelled')
		and (nullif(btrim(p_q), '') is null or e.search_text like private.contains_pattern(btrim(p_q)))
		and (p_kind is null or e.kind = p_kind)
		and (p_area is null or e.area_id = p_area)
		and (p_field is null or exists (select 1 from public.event_fields f where f.event_id = e.id and f.field_id = p_field))
		and (p_organization is null or e.organization_id = p_organization
			or exists (select 1 from public.event_cohosts c where c.event_id = e.id and c.organization_id = p_organization
				and c.accepted_at is not null))
		-- a place for a newcomer: free places and nobody waiting for them
		and (not p_seats_left or (o.status = 'scheduled' and e.status = 'published'
			and (e.capacity is null or (o.going_count < e.capacity and o.waiting_count = 0))))
		and (not p_online or e.online_url is not null)
		-- no earlier date of the event is its card: an earlier scheduled one
		-- (or, for a cancelled date, any earlier one) that matches
		and not exists (
			select 1 from public.event_occurrences p
			where p.event_id = o.event_id
				and p.starts_at >= p_from - interval '31 days' and p.starts_at <= o.starts_at
				and (p.starts_at < o.starts_at or p.id < o.id)
				and p.ends_at >= p_from
				and (p.status = 'scheduled' or o.status = 'cancelled')
				and (not p_seats_left or (p.status = 'scheduled'
					and (e.capacity is null or (p.going_count < e.capacity and p.waiting_count = 0)))))
		-- a cancelled date is the card only when no date of the event in the window takes place
		and (o.status = 'scheduled' or not exists (
			select 1 from public.event_occurrences s
			where s.event_id = o.event_id and s.status = 'scheduled'
				and s.starts_at >= p_from - interval '31 days' and s.ends_at >= p_from
				and (p_to is null or s.starts_at < p_to)))
	order by o.starts_at, o.id
	limit p_limit offset p_offset;
end $$;
revoke execute on function private.event_series_page(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean, integer, integer) from public;
grant execute on function private.event_series_page(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean, integer, integer) to anon, authenticated, service_role;

-- How many dates of a published event take place after the given one (its
-- start and id) in the window, counted up to 100 (0 for any other event):
-- event_occurrences_event_idx from that date on. Security definer for the
-- same reason as above: a published event's dates are public.
create function private.further_dates(
	p_event uuid, p_after_start timestamptz, p_after_id uuid, p_from timestamptz, p_to timestamptz,
	p_seats_left boolean
) returns integer
language sql stable security definer set search_path = '' as $$
	select coalesce((
		select (select count(*)::integer from (
			select 1 from public.event_occurrences f
			where f.event_id = p_event and f.status = 'scheduled'
				and f.starts_at >= p_after_start and (f.starts_at > p_after_start or f.id > p_after_id)
				and f.ends_at >= p_from and (p_to is null or f.starts_at < p_to)
				and (not p_seats_left or e.capacity is null or (f.going_count < e.capacity and f.waiting_count = 0))
			limit 100) further)
		from public.events e where e.id = p_event and e.status = 'published'), 0)
$$;
revoke execute on function private.further_dates(uuid, timestamptz, uuid, timestamptz, timestamptz, boolean)
	from public;
grant execute on function private.further_dates(uuid, timestamptz, uuid, timestamptz, timestamptz, boolean)
	to anon, authenticated, service_role;

-- A page of event cards (p_limit 1 to 100, from p_offset), in the order of
-- their dates: the date of each card and how many more dates of its event
-- take place in the window after it (counted up to 100; none for a cancelled
-- event). Drafts are never listed, not even to their organisers.
create function public.search_event_series(
	p_from timestamptz, p_to timestamptz default null, p_q text default null,
	p_kind public.event_kind default null, p_area uuid default null, p_field uuid default null,
	p_organization uuid default null, p_seats_left boolean default false, p_online boolean default false,
	p_limit integer default 20, p_offset integer default 0
) returns table (occurrence_id uuid, further integer)
language sql stable set search_path = '' as $$
	select page.occurrence_id,
		private.further_dates(page.event_id, page.starts_at, page.occurrence_id, p_from, p_to, p_seats_left)
	from private.event_series_page(p_from, p_to, p_q, p_kind, p_area, p_field, p_organization, p_seats_left,
		p_online, least(greatest(coalesce(p_limit, 20), 1), 100), greatest(coalesce(p_offset, 0), 0)) page
	order by page.starts_at, page.occurrence_id
$$;

-- How many cards the filters give, counted up to p_cap (1 to 10000): a list
-- says "1000 or more" rather than reading every future date.
create function public.count_event_series(
	p_from timestamptz, p_to timestamptz default null, p_q text default null,
	p_kind public.event_kind default null, p_area uuid default null, p_field uuid default null,
	p_organization uuid default null, p_seats_left boolean default false, p_online boolean default false,
	p_cap integer default 1000
) returns integer
language sql stable set search_path = '' as $$
	select count(*)::integer
	from private.event_series_page(p_from, p_to, p_q, p_kind, p_area, p_field, p_organization, p_seats_left,
		p_online, least(greatest(coalesce(p_cap, 1000), 1), 10000), 0)
$$;

revoke execute on function
	public.search_event_series(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid, boolean, boolean,
		integer, integer),
	public.count_event_series(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid, boolean, boolean,
		integer)
	from public;
grant execute on function
	public.search_event_series(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid, boolean, boolean,
		integer, integer),
	public.count_event_series(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid, boolean, boolean,
		integer)
	to anon, authenticated, service_role;

-- Areas with nothing coming up ---------------------------------------------------

-- The areas of published events with a scheduled date in the next p_days
-- days (1 to 366): the dates of those days (event_occurrences_starts_idx),
-- not the areas' whole history. Security definer: those dates are public.
create function private.busy_areas(p_days integer) returns setof uuid
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
begin
	return query
	select distinct e.area_id
	from public.event_occurrences o join public.events e on e.id = o.event_id
	where o.starts_at >= now()
		and o.starts_at < now() + make_interval(days => least(greatest(coalesce(p_days, 60), 1), 366))
		and o.status = 'scheduled' and e.status = 'published' and e.area_id is not null;
end $$;
revoke execute on function private.busy_areas(integer) from public;
grant execute on function private.busy_areas(integer) to anon, authenticated, service_role;

-- Areas in use with nothing coming up in the next p_days days, in the areas' order.
create function public.quiet_areas(p_days integer default 60)
returns setof public.areas
language sql stable set search_path = '' as $$
	select a.* from public.areas a
	where a.retired_at is null
		and not exists (select 1 from private.busy_areas(p_days) b where b = a.id)
	order by a.sort_order, a.name_ja
$$;
revoke execute on function public.quiet_areas(integer) from public;
grant execute on function public.quiet_areas(integer) to anon, authenticated, service_role;

-- Indexes for /me and /coordinate ------------------------------------------------

-- an organiser's events and an organization's events, newest first (these
-- replace the single-column indexes on the same foreign keys)
create index events_organizer_created_idx on public.events (organizer_id, created_at desc);
drop index public.events_organizer_idx;
create index events_organization_created_idx on public.events (organization_id, created_at desc);
drop index public.events_organization_idx;
-- recently published
create index events_published_idx on public.events (published_at desc) where published_at is not null;
-- drafts, oldest first
create index events_drafts_idx on public.events (created_at) where status = 'draft';
-- organizations waiting for verification (確認待ち), oldest first
create index organizations_unverified_idx on public.organizations (created_at)
	where verified_at is null and hidden_at is null;
