-- Reports per 圏域 and 年度 (April–March), issue 14: what coordinators account
-- for to the city. Coordinators only (forbidden for everybody else); the
-- functions are security definer because a report counts private records,
-- registrations and 声 that RLS shows only to their organisers.
--
-- What counts (one rule, here, tested on a seeded year):
-- * a held date: a scheduled date of a published event that has started,
--   whose Tokyo day falls in the 年度 (so 3/31 23:30 is the year before 4/1
--   00:30); cancelled dates and events, and drafts, never count;
-- * 延べ参加者 of a date: its record's attendance (attended registrations with
--   companions, plus walk-ins), or without a record the attended registrations
--   with companions;
-- * 実人数: distinct members marked as attended at the year's held dates (people
--   who applied by phone cannot be told apart, and are not in it); never added
--   to 延べ;
-- * participants by kind and first-timers: the records' headcounts;
-- * an area's date is its event's area (event_occurrences.area_id); the city
--   counts every date, those without an area too.

-- The held dates of [p_from, p_to) in an area (null: the whole city).
create function private.report_dates(p_from date, p_to date, p_area uuid)
returns table (occurrence_id uuid, event_id uuid, kind public.event_kind, month date, attendance integer,
	recorded boolean)
language sql stable security definer set search_path = '' as $$
	select o.id, o.event_id, e.kind,
		date_trunc('month', o.starts_at at time zone 'Asia/Tokyo')::date,
		coalesce(rr.attendance, private.occurrence_attended(o.id)),
		rr.occurrence_id is not null
	from public.event_occurrences o
	join public.events e on e.id = o.event_id
	left join public.occurrence_records rr on rr.occurrence_id = o.id
	where o.starts_at >= (p_from::timestamp at time zone 'Asia/Tokyo')
		and o.starts_at < (p_to::timestamp at time zone 'Asia/Tokyo')
		and o.starts_at <= now()
		and o.status = 'scheduled' and e.status = 'published'
		and (p_area is null or o.area_id = p_area)
$$;
revoke execute on function private.report_dates(date, date, uuid) from public;

-- One area's (or, p_area null, the city's) year as JSON: totals, months (12,
-- April first), kinds of event, fields, participants by kind.
create function public.year_report(p_year integer, p_area uuid default null) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
	v_from date := make_date(p_year, 4, 1);
	v_to date := make_date(p_year + 1, 4, 1);
	v_start timestamptz := make_date(p_year, 4, 1)::timestamp at time zone 'Asia/Tokyo';
	v_end timestamptz := make_date(p_year + 1, 4, 1)::timestamp at time zone 'Asia/Tokyo';
	v_result jsonb;
begin
	if not private.is_coordinator() then
		raise exception 'coordinators only' using errcode = 'P0001', hint = 'forbidden';
	end if;
	if p_year not between 2000 and 2100 then
		raise exception 'no such year' using errcode = 'P0001', hint = 'not_found';
	end if;
	with held as materialized (select * from private.report_dates(v_from, v_to, p_area))
	select jsonb_build_object(
		'totals', jsonb_build_object(
			'dates', (select count(*) from held),
			'events', (select count(distinct d.event_id) from held d),
			'recorded', (select count(*) from held d where d.recorded),
			'attendance', (select coalesce(sum(d.attendance), 0) from held d),
			'unique_people', (select count(distinct r.user_id) from public.registrations r
				join held d on d.occurrence_id = r.occurrence_id
				where r.status = 'going' and r.attended and r.user_id is not null),
			'first_time', (select coalesce(sum(h.first_time), 0) from public.occurrence_record_headcounts h
				join held d on d.occurrence_id = h.occurrence_id),
			'new_organizations', (select count(*) from public.organizations o
				where o.created_at >= v_start and o.created_at < v_end and o.hidden_at is null
					and (p_area is null or exists (select 1 from public.organization_areas oa
						where oa.organization_id = o.id and oa.area_id = p_area))),
			'new_practices', (select count(*) from public.practices p
				where p.created_at >= v_start and p.created_at < v_end
					and (p_area is null or exists (select 1 from public.practice_areas pa
						where pa.practice_id = p.id and pa.area_id = p_area))),
			'published_practices', (select count(*) from public.practices p
				where p.status = 'published' and p.published_at >= v_start and p.published_at < v_end
					and (p_area is null or exists (select 1 from public.practice_areas pa
						where pa.practice_id = p.id and pa.area_id = p_area))),
			'awards', (select count(*) from public.awards a
				where a.awarded_on >= v_from and a.awarded_on < v_to
					and (p_area is null
						or exists (select 1 from public.practice_areas pa where pa.practice_id = a.practice_id and pa.area_id = p_area)
						or exists (select 1 from public.organization_areas oa where oa.organization_id = a.organization_id and oa.area_id = p_area))),
			'voices', (select count(*) from public.voices v
				where v.raised_on >= v_from and v.raised_on < v_to and (p_area is null or v.area_id = p_area)),
			'voices_open', (select count(*) from public.voices v
				where v.raised_on >= v_from and v.raised_on < v_to and (p_area is null or v.area_id = p_area)
					and v.status in ('received', 'considering')),
			'voices_answered', (select count(*) from public.voices v
				where v.raised_on >= v_from and v.raised_on < v_to and (p_area is null or v.area_id = p_area)
					and v.status = 'answered'),
			'voices_reflected', (select count(*) from public.voices v
				where v.raised_on >= v_from and v.raised_on < v_to and (p_area is null or v.area_id = p_area)
					and v.status = 'reflected'),
			'voices_declined', (select count(*) from public.voices v
				where v.raised_on >= v_from and v.raised_on < v_to and (p_area is null or v.area_id = p_area)
					and v.status = 'declined')
		),
		'months', (select jsonb_agg(jsonb_build_object(
				'month', to_char(m.month, 'YYYY-MM'),
				'dates', (select count(*) from held d where d.month = m.month),
				'attendance', (select coalesce(sum(d.attendance), 0) from held d where d.month = m.month)
			) order by m.month)
			from (select generate_series(v_from, v_to - 1, interval '1 month')::date as month) m),
		'kinds', coalesce((select jsonb_agg(jsonb_build_object('kind', k.kind, 'dates', k.dates, 'events', k.events,
				'attendance', k.attendance) order by k.kind)
			from (select d.kind, count(*) as dates, count(distinct d.event_id) as events,
				coalesce(sum(d.attendance), 0) as attendance
				from held d group by d.kind) k), '[]'),
		'fields', coalesce((select jsonb_agg(jsonb_build_object('field_id', f.field_id, 'dates', f.dates,
				'events', f.events, 'attendance', f.attendance) order by f.dates desc, f.field_id)
			from (select ef.field_id, count(*) as dates, count(distinct d.event_id) as events,
				coalesce(sum(d.attendance), 0) as attendance
				from held d join public.event_fields ef on ef.event_id = d.event_id
				group by ef.field_id) f), '[]'),
		'participants', coalesce((select jsonb_agg(jsonb_build_object('kind', h.kind, 'people', h.people,
				'first_time', h.first_time) order by h.kind)
			from (select h.kind, sum(h.people) as people, sum(h.first_time) as first_time
				from public.occurrence_record_headcounts h
				join held d on d.occurrence_id = h.occurrence_id
				group by h.kind) h), '[]')
	) into v_result;
	return v_result;
end $$;
revoke execute on function public.year_report(integer, uuid) from public;
grant execute on function public.year_report(integer, uuid) to authenticated;

-- Every area in use (or with activity that year) with its year's key figures,
-- for the city's overview and the list of areas with no activity.
create function public.year_report_areas(p_year integer)
returns table (area_id uuid, dates integer, events integer, attendance integer, unique_people integer,
	voices integer)
language plpgsql stable security definer set search_path = '' as $$
declare
	v_from date := make_date(p_year, 4, 1);
	v_to date := make_date(p_year + 1, 4, 1);
begin
	if not private.is_coordinator() then
		raise exception 'coordinators only' using errcode = 'P0001', hint = 'forbidden';
	end if;
	return query
	with d as (select * from private.report_dates(v_from, v_to, null)),
	da as (select d.*, o.area_id from d join public.event_occurrences o on o.id = d.occurrence_id)
	select a.id,
		(select count(*) from da where da.area_id = a.id)::integer,
		(select count(distinct da.event_id) from da where da.area_id = a.id)::integer,
		(select coalesce(sum(da.attendance), 0) from da where da.area_id = a.id)::integer,
		(select count(distinct r.user_id) from public.registrations r join da on da.occurrence_id = r.occurrence_id
			where da.area_id = a.id and r.status = 'going' and r.attended and r.user_id is not null)::integer,
		(select count(*) from public.voices v where v.area_id = a.id and v.raised_on >= v_from and v.raised_on < v_to)::integer
	from public.areas a
	where a.retired_at is null or exists (select 1 from da where da.area_id = a.id)
	order by a.sort_order, a.name_ja;
end $$;
revoke execute on function public.year_report_areas(integer) from public;
grant execute on function public.year_report_areas(integer) to authenticated;
