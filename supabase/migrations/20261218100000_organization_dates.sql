-- An organization's dates in time order (issue 13, the benchmark at size L):
-- the event page's "other events of this organization", the organization's
-- page and its filtered lists, calendar and feeds found an organization's
-- dates from each of its events, or (the cards) walked every date of the city
-- in time order and kept the organization's: a 2,000th of them. As the area
-- before it (20261211000000_area_dates), event_occurrences now carries its
-- event's organization, kept by the same triggers, with an index on
-- (organization_id, starts_at, id). The walks (private.occurrence_page and
-- private.event_series_page, redefined once for this and a field's dates in
-- 20261218200000_field_dates) take an organization's own dates from that index
-- and the dates of events it co-hosts by their ids (an array made first: a
-- subquery inside the `or` would become a hash of every date).

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
