-- A field's dates in time order (issue 13, the benchmark at size L): a list
-- filtered by field (and area) walked the area's dates, or every date of the
-- city, in time order and probed each date's event for the field: to count
-- 「200件以上」 of an area and a field at size L it read some 1,600 dates
-- (22 ms of PostgreSQL, 2 at size S). private.occurrence_fields holds a row per
-- date and field of its event, kept by triggers, with the date's area and start
-- copied: the walks filtered by a field read that field's dates (of that area)
-- from its index in time order, and stop at the page's end.

create table private.occurrence_fields (
	field_id uuid not null references public.fields (id) on delete cascade,
	occurrence_id uuid not null references public.event_occurrences (id) on delete cascade,
	event_id uuid not null,
	area_id uuid,
	starts_at timestamptz not null,
	primary key (field_id, occurrence_id)
);
alter table private.occurrence_fields enable row level security;
comment on table private.occurrence_fields is
	'A row per date and field of its event (copies kept by triggers), for a field''s dates in time order';
create index occurrence_fields_field_area_starts_idx
	on private.occurrence_fields (field_id, area_id, starts_at, occurrence_id);
create index occurrence_fields_field_starts_idx
	on private.occurrence_fields (field_id, starts_at, occurrence_id);
create index occurrence_fields_occurrence_idx on private.occurrence_fields (occurrence_id);
create index occurrence_fields_event_idx on private.occurrence_fields (event_id, field_id);

insert into private.occurrence_fields (field_id, occurrence_id, event_id, area_id, starts_at)
select f.field_id, o.id, o.event_id, o.area_id, o.starts_at
from public.event_occurrences o join public.event_fields f on f.event_id = o.event_id;

-- A date written: its rows follow its event's fields, area and start.
create function private.occurrence_fields_of_date() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if tg_op = 'UPDATE' then
		if new.event_id is distinct from old.event_id then
			delete from private.occurrence_fields where occurrence_id = new.id;
		else
			update private.occurrence_fields set area_id = new.area_id, starts_at = new.starts_at
			where occurrence_id = new.id
				and (area_id is distinct from new.area_id or starts_at is distinct from new.starts_at);
			return null;
		end if;
	end if;
	insert into private.occurrence_fields (field_id, occurrence_id, event_id, area_id, starts_at)
	select f.field_id, new.id, new.event_id, new.area_id, new.starts_at
	from public.event_fields f where f.event_id = new.event_id
	on conflict do nothing;
	return null;
end $$;
revoke execute on function private.occurrence_fields_of_date() from public, anon, authenticated;
create trigger event_occurrences_fields after insert or update of event_id, area_id, starts_at
	on public.event_occurrences for each row execute function private.occurrence_fields_of_date();

-- An event's field added or removed: the rows of its dates with it.
create function private.occurrence_fields_of_event() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if tg_op in ('DELETE', 'UPDATE') then
		delete from private.occurrence_fields where event_id = old.event_id and field_id = old.field_id;
	end if;
	if tg_op in ('INSERT', 'UPDATE') then
		insert into private.occurrence_fields (field_id, occurrence_id, event_id, area_id, starts_at)
		select new.field_id, o.id, o.event_id, o.area_id, o.starts_at
		from public.event_occurrences o where o.event_id = new.event_id
		on conflict do nothing;
	end if;
	return null;
end $$;
revoke execute on function private.occurrence_fields_of_event() from public, anon, authenticated;
create trigger event_fields_dates after insert or update or delete on public.event_fields
	for each row execute function private.occurrence_fields_of_event();

-- The two walks: filtered by a field, from that field's dates; filtered by an
-- organization, from its own dates (20261218100000_organization_dates) and the
-- events it co-hosts ---------------------------------------------------------------------
-- Each has two branches that differ only in where the dates come from (a field's
-- rows in private.occurrence_fields, or event_occurrences itself) and in the
-- order's columns (the same values); their conditions must stay the same.

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
	if p_field is not null then
		return query
		select o.id, o.starts_at
		from private.occurrence_fields x
		join public.event_occurrences o on o.id = x.occurrence_id
		join public.events e on e.id = o.event_id
		where x.field_id = p_field and (p_area is null or x.area_id = p_area)
			and x.starts_at >= p_from - interval '31 days' and (p_to is null or x.starts_at < p_to)
			and o.ends_at >= p_from
			and e.status in ('published', 'cancelled')
			and (nullif(btrim(p_q), '') is null or e.search_text like private.contains_pattern(btrim(p_q)))
			and (p_kind is null or e.kind = p_kind)
			and (p_organization is null or o.organization_id = p_organization or o.event_id = any (v_cohosted))
			and (not p_seats_left or (o.status = 'scheduled' and e.status = 'published'
				and (e.capacity is null or (o.going_count < e.capacity and o.waiting_count = 0))))
			and (not p_online or e.online_url is not null)
		order by x.starts_at, x.occurrence_id
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
	if p_field is not null then
		return query
		select o.id, o.event_id, o.starts_at
		from private.occurrence_fields x
		join public.event_occurrences o on o.id = x.occurrence_id
		join public.events e on e.id = o.event_id
		where x.field_id = p_field and (p_area is null or x.area_id = p_area)
			and x.starts_at >= p_from - interval '31 days' and (p_to is null or x.starts_at < p_to)
			and o.ends_at >= p_from
			and e.status in ('published', 'cancelled')
			and (nullif(btrim(p_q), '') is null or e.search_text like private.contains_pattern(btrim(p_q)))
			and (p_kind is null or e.kind = p_kind)
			and (p_organization is null or o.organization_id = p_organization or o.event_id = any (v_cohosted))
			and (not p_seats_left or (o.status = 'scheduled' and e.status = 'published'
				and (e.capacity is null or (o.going_count < e.capacity and o.waiting_count = 0))))
			and (not p_online or e.online_url is not null)
			and (not p_easy or e.easy_summary is not null or e.easy_body is not null)
			and not exists (
				select 1 from public.event_occurrences p
				where p.event_id = o.event_id
					and p.starts_at >= p_from - interval '31 days' and p.starts_at <= o.starts_at
					and (p.starts_at < o.starts_at or p.id < o.id)
					and p.ends_at >= p_from
					and (p.status = 'scheduled' or o.status = 'cancelled')
					and (not p_seats_left or (p.status = 'scheduled'
						and (e.capacity is null or (p.going_count < e.capacity and p.waiting_count = 0)))))
			and (o.status = 'scheduled' or (
				select true from public.event_occurrences s
				where s.event_id = o.event_id and s.status = 'scheduled'
					and s.starts_at >= p_from - interval '31 days' and s.ends_at >= p_from
					and (p_to is null or s.starts_at < p_to)
				limit 1) is null)
		order by x.starts_at, x.occurrence_id
		limit p_limit offset p_offset;
		return;
	end if;
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
