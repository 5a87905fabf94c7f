-- An organization's dates in time order (issue 13, the benchmark at size L):
-- the event page's "other events of this organization", the organization's
-- page and its filtered lists, calendar and feeds found an organization's
-- dates from each of its events, or (the cards) walked every date of the city
-- in time order and kept the organization's: a 2,000th of them. As the area
-- before it (20261211000000_area_dates), event_occurrences now carries its
-- event's organization, kept by the same triggers, with an index on
-- (organization_id, starts_at, id). The walks take an organization's own dates
-- from that index and the dates of events it co-hosts by their ids (an array
-- made first: a subquery inside the `or` would become a hash of every date).

alter table public.event_occurrences add column organization_id uuid;
comment on column public.event_occurrences.organization_id is
	'A copy of events.organization_id, kept by triggers, for the organization''s dates in time order';

update public.event_occurrences o set organization_id = e.organization_id
from public.events e where e.id = o.event_id and e.organization_id is not null;

create index event_occurrences_organization_starts_idx
	on public.event_occurrences (organization_id, starts_at, id) where organization_id is not null;

-- A date always has its event's area and organization, whatever the writer sent.
create or replace function private.occurrence_area() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	select e.area_id, e.organization_id into new.area_id, new.organization_id
	from public.events e where e.id = new.event_id;
	return new;
end $$;
drop trigger event_occurrences_area on public.event_occurrences;
create trigger event_occurrences_area before insert or update of event_id, area_id, organization_id
	on public.event_occurrences for each row execute function private.occurrence_area();

-- An event moved to another area or organization takes its dates with it.
create or replace function private.event_area_to_dates() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	update public.event_occurrences set area_id = new.area_id, organization_id = new.organization_id
	where event_id = new.id
		and (area_id is distinct from new.area_id or organization_id is distinct from new.organization_id);
	return null;
end $$;
drop trigger events_area_to_dates on public.events;
create trigger events_area_to_dates after update of area_id, organization_id on public.events
	for each row when (old.area_id is distinct from new.area_id
		or old.organization_id is distinct from new.organization_id)
	execute function private.event_area_to_dates();

-- The two walks, as before but on the dates' own organization -----------------------

create or replace function private.occurrence_page(
	p_from timestamptz, p_to timestamptz, p_q text, p_kind public.event_kind, p_area uuid, p_field uuid,
	p_organization uuid, p_seats_left boolean, p_online boolean, p_limit integer, p_offset integer
) returns table (occurrence_id uuid, starts_at timestamptz)
-- rows: a page is small, so callers join its ids to event_occurrences by primary key
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan
set max_parallel_workers_per_gather = 0 rows 50 as $$
#variable_conflict use_column
declare
	-- the events the organization co-hosts (accepted): few, looked up by id
	v_cohosted uuid[] := case when p_organization is not null then array(
		select c.event_id from public.event_cohosts c
		where c.organization_id = p_organization and c.accepted_at is not null) end;
begin
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
		and (p_organization is null or o.organization_id = p_organization or o.event_id = any (v_cohosted))
		-- a place for a newcomer: free places and nobody waiting for them
		and (not p_seats_left or (o.status = 'scheduled' and e.status = 'published'
			and (e.capacity is null or (o.going_count < e.capacity and o.waiting_count = 0))))
		and (not p_online or e.online_url is not null)
	order by o.starts_at, o.id
	limit p_limit offset p_offset;
end $$;

create or replace function private.event_series_page(
	p_from timestamptz, p_to timestamptz, p_q text, p_kind public.event_kind, p_area uuid, p_field uuid,
	p_organization uuid, p_seats_left boolean, p_online boolean, p_easy boolean, p_limit integer, p_offset integer
) returns table (occurrence_id uuid, event_id uuid, starts_at timestamptz)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan
set max_parallel_workers_per_gather = 0 rows 50 as $$
#variable_conflict use_column
declare
	v_cohosted uuid[] := case when p_organization is not null then array(
		select c.event_id from public.event_cohosts c
		where c.organization_id = p_organization and c.accepted_at is not null) end;
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
		and (p_organization is null or o.organization_id = p_organization or o.event_id = any (v_cohosted))
		-- a place for a newcomer: free places and nobody waiting for them
		and (not p_seats_left or (o.status = 'scheduled' and e.status = 'published'
			and (e.capacity is null or (o.going_count < e.capacity and o.waiting_count = 0))))
		and (not p_online or e.online_url is not null)
		and (not p_easy or e.easy_summary is not null or e.easy_body is not null)
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
		-- place (a lookup by the event, only for cancelled dates)
		and (o.status = 'scheduled' or (
			select true from public.event_occurrences s
			where s.event_id = o.event_id and s.status = 'scheduled'
				and s.starts_at >= p_from - interval '31 days' and s.ends_at >= p_from
				and (p_to is null or s.starts_at < p_to)
			limit 1) is null)
	order by o.starts_at, o.id
	limit p_limit offset p_offset;
end $$;
