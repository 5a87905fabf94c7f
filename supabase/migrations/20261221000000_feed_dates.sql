-- A public feed's dates by their versions (issue 13, the benchmark, tenth round).
--
-- A public feed at a new address (another filter, or any feed after a change) read its up to
-- 500 dates with their events embedded: 300 KB of JSON that PostgREST built (an RLS-checked
-- lookup of the event per date), the app decoded and parsed, and then keyed each date's kept
-- VEVENT by the whole date as JSON. Yet the app keeps the VEVENTs it made, and after a change
-- only a few dates differ. A feed now first reads its dates' ids with a version of each
-- (feed_dates: the walk of search_occurrences and two columns), and then reads in full, by id,
-- only the dates whose VEVENT it does not keep (feed_occurrences).
--
-- A date's version is the transaction ids that wrote its row and its event's row (xmin):
-- every update of either writes a new row version with a new one, so a VEVENT kept under a
-- version was made from what that version holds. (PostgreSQL keeps xmin when it freezes a
-- row; ids repeat only after four billion transactions.)

-- The dates search_occurrences would give, in the same order: each date's id, its version and
-- whether its event is all day (the feed's VTIMEZONE). Security definer as search_occurrences:
-- only the dates of published and cancelled events, which RLS shows everybody.
create function public.feed_dates(
	p_from timestamptz, p_to timestamptz default null, p_q text default null,
	p_kind public.event_kind default null, p_area uuid default null, p_field uuid default null,
	p_organization uuid default null, p_seats_left boolean default false, p_online boolean default false,
	p_limit integer default 100, p_offset integer default 0
) returns table (id uuid, version text, all_day boolean)
language sql stable security definer set search_path = '' as $$
	select o.id, o.xmin::text || '.' || e.xmin::text, e.all_day
	from private.occurrence_page(p_from, p_to, p_q, p_kind, p_area, p_field, p_organization,
		p_seats_left, p_online, least(greatest(coalesce(p_limit, 100), 1), 1000),
		greatest(coalesce(p_offset, 0), 0)) page
	join public.event_occurrences o on o.id = page.occurrence_id
	join public.events e on e.id = o.event_id
	order by page.starts_at, page.occurrence_id
$$;
revoke execute on function public.feed_dates(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean, integer, integer) from public;
grant execute on function public.feed_dates(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean, integer, integer) to anon, authenticated, service_role;

-- Dates by id, for a feed's dates whose VEVENT is not kept (up to 1,000 ids: a POST body, as
-- 500 ids in an address would pass what gateways accept). Security invoker: RLS decides, and
-- the caller embeds the events, which RLS decides too.
create function public.feed_occurrences(p_ids uuid[]) returns setof public.event_occurrences
language sql stable set search_path = '' as $$
	select o.* from public.event_occurrences o
	where o.id = any (p_ids[1:1000])
	order by o.starts_at, o.id
$$;
revoke execute on function public.feed_occurrences(uuid[]) from public;
grant execute on function public.feed_occurrences(uuid[]) to anon, authenticated, service_role;
