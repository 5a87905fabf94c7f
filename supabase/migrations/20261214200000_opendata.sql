-- Open data, issue 14: the rows of /opendata/events.csv (the Digital Agency's
-- 推奨データセット「イベント一覧」) in one query. Security invoker: what anybody
-- reads through the public API (published events and their scheduled dates),
-- nothing more; a hidden organization's name is left out by its own RLS.
create function public.opendata_events(p_from timestamptz)
returns table (
	occurrence_id uuid, event_id uuid, title text, summary text, starts_at timestamptz, ends_at timestamptz,
	all_day boolean, rrule text, fee text, contact_name text, contact_phone text, organization_name text,
	venue_name text, venue_address text, online_url text, capacity integer, registration_closes_at timestamptz,
	how_to_apply text, deadline_note text, audience_note text, accessibility text, area_name text,
	field_names text[]
)
language sql stable set search_path = '' as $$
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
	order by o.starts_at, o.id
$$;
revoke execute on function public.opendata_events(timestamptz) from public;
grant execute on function public.opendata_events(timestamptz) to anon, authenticated;
