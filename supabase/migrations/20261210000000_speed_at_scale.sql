-- Speed at municipal scale (issue 13, the benchmark): what the benchmark at
-- size L (100,000 events, 500,000 registrations, 200,000 posts) found.
--
-- 1. search_occurrences was a SQL function with `set search_path`, which
--    PostgreSQL never inlines: every call computed every matching date (all
--    future dates for an organization's "other events", a whole year for a
--    feed) and RLS ran private.event_visible() once per row, before PostgREST
--    applied its range. It now takes its page itself (p_limit, p_offset), walks
--    the dates through private.occurrence_page (security definer: it reads
--    only published and cancelled events, which RLS shows everybody), and
--    returns only those rows, so no per-row policy runs for them.
-- 2. The calendar shows at most a few dates a day with the day's total
--    (calendar_occurrences, calendar_day_counts): a month of a busy city has
--    thousands of dates, and a page of all of them is neither fast nor usable.
-- 3. search_threads' "not the comment thread of a draft event" was an EXISTS
--    inside an OR, which the planner turned into a hash of every visible event
--    (all 100,000, with their policy) on every call; it is now a lookup by
--    primary key for the threads the page walks; the threads policy's
--    practice check likewise.
-- 4. The home page's cards and 5. a thread's participants: lookups by key.

-- 1 --------------------------------------------------------------------------------

create function private.occurrence_page(
	p_from timestamptz, p_to timestamptz, p_q text, p_kind public.event_kind, p_area uuid, p_field uuid,
	p_organization uuid, p_seats_left boolean, p_online boolean, p_limit integer, p_offset integer
) returns table (occurrence_id uuid, starts_at timestamptz)
-- rows: a page is small, so callers join its ids to event_occurrences by primary key
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan rows 50 as $$
#variable_conflict use_column
begin
	if p_organization is not null then
		-- an organization's dates: from its events (events_organization_idx, accepted
		-- co-hosts) rather than walking every date of the city in time order
		return query
		select o.id, o.starts_at
		from public.event_occurrences o join public.events e on e.id = o.event_id
		where o.event_id in (
				select x.id from public.events x where x.organization_id = p_organization
				union
				select c.event_id from public.event_cohosts c
				where c.organization_id = p_organization and c.accepted_at is not null)
			and o.starts_at >= p_from - interval '31 days' and o.ends_at >= p_from
			and (p_to is null or o.starts_at < p_to)
			and e.status in ('published', 'cancelled')
			and (nullif(btrim(p_q), '') is null or e.search_text like private.contains_pattern(btrim(p_q)))
			and (p_kind is null or e.kind = p_kind)
			and (p_area is null or e.area_id = p_area)
			and (p_field is null or exists (select 1 from public.event_fields f where f.event_id = e.id and f.field_id = p_field))
			and (not p_seats_left or (o.status = 'scheduled' and e.status = 'published'
				and (e.capacity is null or (o.going_count < e.capacity and o.waiting_count = 0))))
			and (not p_online or e.online_url is not null)
		order by o.starts_at, o.id
		limit p_limit offset p_offset;
		return;
	end if;
	return query
	select o.id, o.starts_at
	from public.event_occurrences o join public.events e on e.id = o.event_id
	-- the starts_at bound lets the index on starts_at do the work; events longer than 31 days are not a thing here
	where o.starts_at >= p_from - interval '31 days' and o.ends_at >= p_from
		and (p_to is null or o.starts_at < p_to)
		and e.status in ('published', 'cancelled')
		and (nullif(btrim(p_q), '') is null or e.search_text like private.contains_pattern(btrim(p_q)))
		and (p_kind is null or e.kind = p_kind)
		and (p_area is null or e.area_id = p_area)
		and (p_field is null or exists (select 1 from public.event_fields f where f.event_id = e.id and f.field_id = p_field))
		-- a place for a newcomer: free places and nobody waiting for them
		and (not p_seats_left or (o.status = 'scheduled' and e.status = 'published'
			and (e.capacity is null or (o.going_count < e.capacity and o.waiting_count = 0))))
		and (not p_online or e.online_url is not null)
	order by o.starts_at, o.id
	limit p_limit offset p_offset;
end $$;
revoke execute on function private.occurrence_page(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean, integer, integer) from public;
grant execute on function private.occurrence_page(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean, integer, integer) to anon, authenticated, service_role;

drop function public.search_occurrences(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid,
	boolean, boolean);

-- Dates (not series) in time order, p_limit (1 to 1000) from p_offset: the
-- calendar feeds, an organization's other events. Security definer: only the
-- dates of published and cancelled events, which RLS shows everybody.
create function public.search_occurrences(
	p_from timestamptz, p_to timestamptz default null, p_q text default null,
	p_kind public.event_kind default null, p_area uuid default null, p_field uuid default null,
	p_organization uuid default null, p_seats_left boolean default false, p_online boolean default false,
	p_limit integer default 100, p_offset integer default 0
) returns setof public.event_occurrences
language sql stable security definer set search_path = '' as $$
	select o.* from private.occurrence_page(p_from, p_to, p_q, p_kind, p_area, p_field, p_organization,
		p_seats_left, p_online, least(greatest(coalesce(p_limit, 100), 1), 1000), greatest(coalesce(p_offset, 0), 0)) page
	join public.event_occurrences o on o.id = page.occurrence_id
	order by page.starts_at, page.occurrence_id
$$;
revoke execute on function public.search_occurrences(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean, integer, integer) from public;
grant execute on function public.search_occurrences(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean, integer, integer) to anon, authenticated, service_role;

-- 2 --------------------------------------------------------------------------------

-- The Tokyo day a date is shown on in a month from p_from: its own, or the
-- month's first day for one that began the month before.
create function private.calendar_day(p_starts_at timestamptz, p_from timestamptz) returns date
language sql immutable set search_path = '' as $$
	select greatest((p_starts_at at time zone 'Asia/Tokyo')::date, (p_from at time zone 'Asia/Tokyo')::date)
$$;

-- The month's dates (p_from to p_to) matching the filters, at most p_per_day
-- (1 to 20) a day, earliest first. Security definer as search_occurrences.
create function public.calendar_occurrences(
	p_from timestamptz, p_to timestamptz, p_q text default null,
	p_kind public.event_kind default null, p_area uuid default null, p_field uuid default null,
	p_organization uuid default null, p_per_day integer default 6
) returns setof public.event_occurrences
language sql stable security definer set search_path = '' as $$
	select o.* from (
		select page.occurrence_id, page.starts_at,
			row_number() over (partition by private.calendar_day(page.starts_at, p_from)
				order by page.starts_at, page.occurrence_id) as n
		from private.occurrence_page(p_from, p_to, p_q, p_kind, p_area, p_field, p_organization, false, false,
			20000, 0) page
	) day_page
	join public.event_occurrences o on o.id = day_page.occurrence_id
	where day_page.n <= least(greatest(coalesce(p_per_day, 6), 1), 20)
	order by day_page.starts_at, day_page.occurrence_id
$$;

-- How many dates each day of the month has (the calendar's 「ほか◯件」).
create function public.calendar_day_counts(
	p_from timestamptz, p_to timestamptz, p_q text default null,
	p_kind public.event_kind default null, p_area uuid default null, p_field uuid default null,
	p_organization uuid default null
) returns table (day date, total integer)
language sql stable security definer set search_path = '' as $$
	select private.calendar_day(page.starts_at, p_from), count(*)::integer
	from private.occurrence_page(p_from, p_to, p_q, p_kind, p_area, p_field, p_organization, false, false,
		20000, 0) page
	group by 1
	order by 1
$$;
revoke execute on function
	public.calendar_occurrences(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid, integer),
	public.calendar_day_counts(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid),
	private.calendar_day(timestamptz, timestamptz)
	from public;
grant execute on function
	public.calendar_occurrences(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid, integer),
	public.calendar_day_counts(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid),
	private.calendar_day(timestamptz, timestamptz)
	to anon, authenticated, service_role;

-- 3 --------------------------------------------------------------------------------

create or replace function public.search_threads(
	p_q text default null, p_area uuid default null, p_field uuid default null, p_organization uuid default null,
	p_unanswered boolean default false, p_limit integer default 20, p_offset integer default 0
) returns setof public.threads
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan as $$
begin
	return query
	select t.* from public.threads t
	where t.hidden_at is null and t.deleted_at is null and t.post_count > 0
		-- never the comment thread of a draft (a scalar lookup per thread walked, not a hash of every event)
		and (t.event_id is null or (select e.status from public.events e where e.id = t.event_id) <> 'draft')
		and (nullif(btrim(p_q), '') is null or t.search_text like private.contains_pattern(btrim(p_q)))
		and (p_area is null or t.area_id = p_area)
		and (p_organization is null or t.organization_id = p_organization)
		and (p_field is null or exists (select 1 from public.thread_fields f where f.thread_id = t.id and f.field_id = p_field))
		and (not coalesce(p_unanswered, false) or t.reply_count = 0)
	order by t.last_posted_at desc, t.id desc
	limit least(greatest(coalesce(p_limit, 20), 1), 100) offset greatest(coalesce(p_offset, 0), 0);
end $$;

drop policy "threads: visible ones, own and coordinators" on public.threads;
create policy "threads: visible ones, own and coordinators" on public.threads
	for select to anon, authenticated
	using (((hidden_at is null and deleted_at is null) or author_id = (select auth.uid())
			or (select private.is_coordinator()))
		and (event_id is null or private.event_visible(event_id))
		-- the practice as its policy shows it (a lookup by primary key per row, not a hash of every practice)
		and (practice_id is null or (select true from public.practices p where p.id = practice_id)));

-- 4 --------------------------------------------------------------------------------
-- The home page's cards joined event_series_page's few ids to event_occurrences
-- under that table's policy: with the default estimate of 1,000 rows the planner
-- read every date (and ran the policy on each) when the table was small. A page
-- is small, and its dates are public: look them up by key, without the policy.
alter function private.event_series_page(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid,
	boolean, boolean, integer, integer) rows 50;
alter function public.home_event_series(timestamptz, integer) security definer;

-- 5 --------------------------------------------------------------------------------
-- Who takes part in a thread (for @mentions): the thread's author and the
-- authors of its visible posts, looked up by key, instead of an OR of two
-- EXISTS that read every profile.
create or replace function private.thread_participants(p_thread uuid)
returns table (user_id uuid, display_name text)
language sql stable security definer set search_path = '' as $$
	select p.id, p.display_name from public.profiles p
	where private.thread_visible(p_thread) and p.id in (
		select t.author_id from public.threads t where t.id = p_thread
		union
		select x.author_id from public.posts x where x.thread_id = p_thread
			and x.hidden_at is null and x.deleted_at is null)
	order by p.display_name, p.id
$$;
