-- The calendar's month in one walk (issue 13, the third round). The month grid
-- read the month's dates twice, side by side: calendar_occurrences for the
-- first six of each day and calendar_day_counts for each day's total, each
-- walking every date of the month (1,800 for the city at size L; the
-- calendar's data was served at 36 pages a second). calendar_month walks them
-- once and answers a row per day: its total and its first dates as the grid
-- shows them (a line each: the date and its event's title), built in SQL.
--
-- Security definer as the two it replaces: private.occurrence_page reads only
-- what RLS shows everybody (published and cancelled events).

create function public.calendar_month(
	p_from timestamptz, p_to timestamptz, p_q text default null,
	p_kind public.event_kind default null, p_area uuid default null, p_field uuid default null,
	p_organization uuid default null, p_per_day integer default 6
) returns table (day date, total integer, dates jsonb)
language sql stable security definer set search_path = '' as $$
	with month as materialized (
		select page.occurrence_id, page.starts_at,
			private.calendar_day(page.starts_at, p_from) as day,
			row_number() over (partition by private.calendar_day(page.starts_at, p_from)
				order by page.starts_at, page.occurrence_id) as n
		from private.occurrence_page(p_from, p_to, p_q, p_kind, p_area, p_field, p_organization, false, false,
			20000, 0) page
	)
	select d.day, d.total, coalesce(shown.dates, '[]'::jsonb)
	from (select m.day, count(*)::integer as total from month m group by m.day) d
	left join (
		select m.day, jsonb_agg(jsonb_build_object(
				'id', o.id, 'starts_at', o.starts_at, 'ends_at', o.ends_at, 'status', o.status,
				'event', jsonb_build_object('id', e.id, 'title', e.title, 'all_day', e.all_day,
					'status', e.status))
			order by m.starts_at, m.occurrence_id) as dates
		from month m
		join public.event_occurrences o on o.id = m.occurrence_id
		join public.events e on e.id = o.event_id
		where m.n <= least(greatest(coalesce(p_per_day, 6), 1), 20)
		group by m.day
	) shown on shown.day = d.day
	order by d.day
$$;
revoke execute on function
	public.calendar_month(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid, integer)
	from public;
grant execute on function
	public.calendar_month(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid, integer)
	to anon, authenticated, service_role;

drop function public.calendar_occurrences(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, integer);
drop function public.calendar_day_counts(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid);
