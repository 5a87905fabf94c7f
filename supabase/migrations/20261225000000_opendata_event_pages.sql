-- Open data: the events' dataset a page at a time from where the page before ended (issue 13,
-- the benchmark).
--
-- /opendata/events.csv and .json read every scheduled date of a published event from a year back
-- on, 1,000 rows a request (PostgREST's max_rows), each page by its offset. A SQL function with a
-- set clause is not inlined, so every request computed every row again and PostgREST kept a
-- thousand of them: at the benchmark's size L (63,801 dates) a page took 2 s and a file two
-- minutes. The function now also takes the last row of the page before (p_after_starts_at,
-- p_after_id) and how many rows to give (p_limit), and walks the index on (starts_at, id) from
-- there. Called with p_from alone it answers as it did (it is in the public read API); still
-- security invoker, so what it gives is what the anon key may read.
drop function public.opendata_events(timestamptz);

create function public.opendata_events(
	p_from timestamptz, p_after_starts_at timestamptz default null, p_after_id uuid default null,
	p_limit integer default null
)
returns table (
	occurrence_id uuid, event_id uuid, title text, summary text, starts_at timestamptz, ends_at timestamptz,
	all_day boolean, rrule text, fee text, contact_name text, contact_phone text, organization_name text,
	venue_name text, venue_address text, online_url text, capacity integer, registration_closes_at timestamptz,
	how_to_apply text, deadline_note text, audience_note text, accessibility text, area_name text,
	field_names text[]
)
-- PL/pgSQL: a SQL function with a set clause is planned again at every call. Custom plans, so
-- that the cursor's values meet the index as constants; no bitmap scan, which read and checked
-- every date after the cursor before sorting them (a page 380 ms at L, walking the index in order
-- 55 ms)
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan
set enable_bitmapscan = off as $$
#variable_conflict use_column
begin
	return query
	select o.id, e.id, e.title, e.summary, o.starts_at, o.ends_at, e.all_day, e.rrule, e.fee, e.contact_name,
		e.contact_phone, org.name, e.venue_name, e.venue_address, e.online_url, e.capacity,
		e.registration_closes_at, e.how_to_apply, e.deadline_note, e.audience_note, e.accessibility, a.name_ja,
		array(select f.name_ja from public.event_fields ef join public.fields f on f.id = ef.field_id
			where ef.event_id = e.id order by f.sort_order, f.name_ja)
	from public.event_occurrences o
	join public.events e on e.id = o.event_id
	left join public.organizations org on org.id = e.organization_id
	left join public.areas a on a.id = e.area_id
	where o.starts_at >= p_from and o.status = 'scheduled' and e.status = 'published'
		and (o.starts_at, o.id) > (coalesce(p_after_starts_at, '-infinity'::timestamptz),
			coalesce(p_after_id, '00000000-0000-0000-0000-000000000000'::uuid))
	order by o.starts_at, o.id
	limit p_limit;
end $$;
revoke execute on function public.opendata_events(timestamptz, timestamptz, uuid, integer) from public;
grant execute on function public.opendata_events(timestamptz, timestamptz, uuid, integer) to anon, authenticated;
