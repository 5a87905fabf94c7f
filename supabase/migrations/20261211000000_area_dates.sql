-- An area's dates in time order (issue 13, the benchmark at size L): the
-- lists, the calendar and the feeds filtered by area walked every date of the
-- city in time order and kept the area's (a quarter of them for the busiest
-- area, a fortieth with a field as well), so their cost grew with everything
-- stored. event_occurrences now carries its event's area (kept by triggers:
-- set from the event on every insert and update of a date, copied to the
-- dates when an event moves to another area) with an index on (area_id,
-- starts_at), and the walks filter on it; with plan_cache_mode =
-- force_custom_plan the planner sees the area and takes that index. And the
-- series walk no longer hashes every scheduled date of the window to decide
-- whether a cancelled date may be a card.

alter table public.event_occurrences add column area_id uuid;
comment on column public.event_occurrences.area_id is
	'A copy of events.area_id, kept by triggers, for the area''s dates in time order';

update public.event_occurrences o set area_id = e.area_id
from public.events e where e.id = o.event_id and e.area_id is not null;

create index event_occurrences_area_starts_idx on public.event_occurrences (area_id, starts_at, id)
	where area_id is not null;

-- A date always has its event's area, whatever the writer sent.
create function private.occurrence_area() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	new.area_id := (select e.area_id from public.events e where e.id = new.event_id);
	return new;
end $$;
revoke execute on function private.occurrence_area() from public;
create trigger event_occurrences_area before insert or update of event_id, area_id on public.event_occurrences
	for each row execute function private.occurrence_area();

-- An event moved to another area takes its dates with it.
create function private.event_area_to_dates() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	update public.event_occurrences set area_id = new.area_id
	where event_id = new.id and area_id is distinct from new.area_id;
	return null;
end $$;
revoke execute on function private.event_area_to_dates() from public;
create trigger events_area_to_dates after update of area_id on public.events
	for each row when (old.area_id is distinct from new.area_id)
	execute function private.event_area_to_dates();

-- The two walks, as before but on the dates' own area ---------------------------------

create or replace function private.occurrence_page(
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
			and (p_area is null or o.area_id = p_area)
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
		and (p_area is null or o.area_id = p_area)
		and (p_field is null or exists (select 1 from public.event_fields f where f.event_id = e.id and f.field_id = p_field))
		-- a place for a newcomer: free places and nobody waiting for them
		and (not p_seats_left or (o.status = 'scheduled' and e.status = 'published'
			and (e.capacity is null or (o.going_count < e.capacity and o.waiting_count = 0))))
		and (not p_online or e.online_url is not null)
	order by o.starts_at, o.id
	limit p_limit offset p_offset;
end $$;

create or replace function private.event_series_page(
	p_from timestamptz, p_to timestamptz, p_q text, p_kind public.event_kind, p_area uuid, p_field uuid,
	p_organization uuid, p_seats_left boolean, p_online boolean, p_limit integer, p_offset integer
) returns table (occurrence_id uuid, event_id uuid, starts_at timestamptz)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan rows 50 as $$
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
		and (p_area is null or o.area_id = p_area)
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
		-- a cancelled date is the card only when no date of the event in the window takes
		-- place (a lookup by the event, only for cancelled dates: as NOT EXISTS inside the
		-- OR, the planner hashed every scheduled date of the window first)
		and (o.status = 'scheduled' or (
			select true from public.event_occurrences s
			where s.event_id = o.event_id and s.status = 'scheduled'
				and s.starts_at >= p_from - interval '31 days' and s.ends_at >= p_from
				and (p_to is null or s.starts_at < p_to)
			limit 1) is null)
	order by o.starts_at, o.id
	limit p_limit offset p_offset;
end $$;

-- The calendar's day of a date, inlined: with `set search_path` a SQL function is
-- never inlined, and the calendar called it once per date of the month, twice (its
-- body names only built-in operators and types, and runs where it is inlined).
create or replace function private.calendar_day(p_starts_at timestamptz, p_from timestamptz) returns date
language sql immutable as $$
	select greatest((p_starts_at at time zone 'Asia/Tokyo')::date, (p_from at time zone 'Asia/Tokyo')::date)
$$;
