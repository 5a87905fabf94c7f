-- A public feed's dates by their versions (issue 13, the benchmark, tenth round).
--
-- A public feed at a new address (another filter, or any feed after a change) read its up to
-- 500 dates with their events embedded: 300 KB of JSON that PostgREST built (an RLS-checked
-- lookup of the event per date), the app decoded and parsed, and then keyed each date's kept
-- VEVENT by the whole date as JSON. Yet the app keeps the VEVENTs it made, and after a change
-- only a few dates differ. A feed now first reads its dates' ids with a version of each
-- (feed_dates: the walk of search_occurrences and two short columns), and then reads, by id,
-- only the dates whose VEVENT it does not keep (feed_items), each with its version again.

-- What a public feed writes of a date and its event (the app's FeedItem, as JSON) and its
-- version: a 64-bit hash of exactly those columns, so a registration (which changes the date's
-- counts) or an edit of the event's Markdown body leaves it as it is, and a restored database
-- cannot give old content a version already used. A column the feed starts to write goes in
-- both. Only published and cancelled events: what RLS shows everybody, so what is kept under a
-- version is the same for every reader. Read only by the two security-definer functions below.
create view private.feed_rows as
select o.id, o.starts_at, e.all_day,
	-- the columns' own hash functions, not their text: md5 of the row as text cost 2 ms a feed
	hash_record_extended(row(o.starts_at, o.ends_at, o.original_starts_at, o.status, o.sequence,
		e.id, e.title, e.summary, e.starts_at, e.ends_at, e.all_day, e.rrule, e.venue_name,
		e.venue_address, e.online_url, e.status, e.sequence, e.updated_at), 0)::text as version,
	jsonb_build_object(
		'id', o.id, 'starts_at', o.starts_at, 'ends_at', o.ends_at,
		'original_starts_at', o.original_starts_at, 'status', o.status, 'sequence', o.sequence,
		'event', jsonb_build_object(
			'id', e.id, 'title', e.title, 'summary', e.summary, 'starts_at', e.starts_at,
			'ends_at', e.ends_at, 'all_day', e.all_day, 'rrule', e.rrule, 'venue_name', e.venue_name,
			'venue_address', e.venue_address, 'online_url', e.online_url, 'status', e.status,
			'sequence', e.sequence, 'updated_at', e.updated_at)) as item
from public.event_occurrences o join public.events e on e.id = o.event_id
where e.status in ('published', 'cancelled');
revoke all on private.feed_rows from public, anon, authenticated;

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
	select f.id, f.version, f.all_day
	from private.occurrence_page(p_from, p_to, p_q, p_kind, p_area, p_field, p_organization,
		p_seats_left, p_online, least(greatest(coalesce(p_limit, 100), 1), 1000),
		greatest(coalesce(p_offset, 0), 0)) page
	join private.feed_rows f on f.id = page.occurrence_id
	order by page.starts_at, page.occurrence_id
$$;
revoke execute on function public.feed_dates(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean, integer, integer) from public;
grant execute on function public.feed_dates(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean, integer, integer) to anon, authenticated, service_role;

-- Dates by id with their versions and what the feed writes of them, in time order: a feed's
-- dates whose VEVENT is not kept (up to 1,000 ids, in a POST body: 500 ids in an address would
-- pass what gateways accept). The version comes from the same row as the content, so a VEVENT
-- is kept under the version it was made from. A date whose event turned draft since is not
-- given. Security definer: published and cancelled events only, the same for every reader.
create function public.feed_items(p_ids uuid[]) returns table (id uuid, version text, item jsonb)
language sql stable security definer set search_path = '' as $$
	select f.id, f.version, f.item from private.feed_rows f
	where f.id = any (p_ids[1:1000])
	order by f.starts_at, f.id
$$;
revoke execute on function public.feed_items(uuid[]) from public;
grant execute on function public.feed_items(uuid[]) to anon, authenticated, service_role;
