-- Practices in the order of the list, walked once for the page and the count
-- (issue 13, the benchmark at size L).
--
-- count_practices counted through search_practices, whose page is at most 100
-- rows: a city with 4,000 published practices read 「100件」. Both now walk
-- private.practice_walk, the one place the filters are written: the page takes
-- 1 to 100 rows of it, the count up to p_cap (1 to 10,000; the app asks 200).
-- Security definer, as the walks of events' dates: it reads only published
-- practices, which RLS shows everybody, so no policy runs per row walked; the
-- page joins its ids back to practices under RLS.

create function private.practice_walk(
	p_q text, p_area uuid, p_field uuid, p_org_kind public.organization_kind, p_audience text,
	p_organization uuid, p_limit integer, p_offset integer
) returns table (practice_id uuid, published_at timestamptz)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan rows 50 as $$
#variable_conflict use_column
begin
	return query
	select p.id, p.published_at from public.practices p
	where p.status = 'published'
		and (nullif(btrim(p_q), '') is null or p.search_text like private.contains_pattern(btrim(p_q)))
		and (p_area is null or exists (select 1 from public.practice_areas a where a.practice_id = p.id and a.area_id = p_area))
		and (p_field is null or exists (select 1 from public.practice_fields f where f.practice_id = p.id and f.field_id = p_field))
		and (p_org_kind is null or exists (select 1 from public.organizations o
			where o.id = p.lead_organization_id and o.kind = p_org_kind))
		and (nullif(p_audience, '') is null or p.audiences @> array[p_audience])
		and (p_organization is null or p.lead_organization_id = p_organization or exists (
			select 1 from public.practice_partners pp where pp.practice_id = p.id and pp.organization_id = p_organization))
	order by p.published_at desc, p.id desc
	limit p_limit offset p_offset;
end $$;
revoke execute on function private.practice_walk(text, uuid, uuid, public.organization_kind, text, uuid, integer,
	integer) from public;
grant execute on function private.practice_walk(text, uuid, uuid, public.organization_kind, text, uuid, integer,
	integer) to anon, authenticated, service_role;

create or replace function public.search_practices(
	p_q text default null, p_area uuid default null, p_field uuid default null,
	p_org_kind public.organization_kind default null, p_audience text default null,
	p_organization uuid default null, p_limit integer default 20, p_offset integer default 0
) returns setof public.practices
language sql stable set search_path = '' as $$
	select p.* from private.practice_walk(p_q, p_area, p_field, p_org_kind, p_audience, p_organization,
		least(greatest(coalesce(p_limit, 20), 1), 100), greatest(coalesce(p_offset, 0), 0)) w
	join public.practices p on p.id = w.practice_id
	order by w.published_at desc, w.practice_id desc
$$;

create or replace function public.count_practices(
	p_q text default null, p_area uuid default null, p_field uuid default null,
	p_org_kind public.organization_kind default null, p_audience text default null,
	p_organization uuid default null, p_cap integer default 1000
) returns integer
language sql stable set search_path = '' as $$
	select count(*)::integer from private.practice_walk(p_q, p_area, p_field, p_org_kind, p_audience,
		p_organization, least(greatest(coalesce(p_cap, 1000), 1), 10000), 0)
$$;
