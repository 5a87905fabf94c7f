-- An organization's page in one computed field (issue 13, the benchmark, ninth round): the
-- organization, its links, its members and their number, its awards and the places it runs,
-- as JSON built here. The page read them in three requests (the organization with its members
-- embedded, the awards, the places with their areas and hours embedded): PostgREST spent some
-- 2 ms of CPU on each select list with embeds, more than PostgreSQL spent reading the rows.
--
-- Security invoker: every row is read under the caller's RLS, as the embeds were — the members
-- the reader may see (and the names of those whose profiles show), the awards, and the places
-- (a hidden one only for its organization's owners and editors and for coordinators). At most
-- 50 awards (newest first) and 50 places (by reading), as the page showed.
create function public.organization_page(o public.organizations) returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return jsonb_build_object(
		'id', o.id, 'slug', o.slug, 'name', o.name, 'kana', o.kana, 'kind', o.kind,
		'municipality_wide', o.municipality_wide, 'description', o.description,
		'contact_email', o.contact_email, 'contact_phone', o.contact_phone, 'website', o.website,
		'verified_at', o.verified_at, 'hidden_at', o.hidden_at, 'hidden_reason', o.hidden_reason,
		'created_at', o.created_at,
		'links', public.organization_links(o),
		'member_count', public.member_count(o),
		'organization_members', coalesce((
			select jsonb_agg(jsonb_build_object('user_id', m.user_id, 'role', m.role,
					'profiles', case when p.id is not null then
						jsonb_build_object('display_name', p.display_name, 'listed', p.listed) end)
				order by m.created_at, m.user_id)
			from public.organization_members m
			left join public.profiles p on p.id = m.user_id
			where m.organization_id = o.id), '[]'::jsonb),
		'awards', coalesce((
			select jsonb_agg(to_jsonb(x) order by x.awarded_on desc, x.created_at desc, x.id desc)
			from (
				select a.id, a.name, a.citation, a.awarded_on, a.fiscal_year, a.nomination_id,
					a.practice_id, a.organization_id, a.profile_id, public.award_card(a) as shown,
					a.created_at
				from public.awards a
				where a.organization_id = o.id
				order by a.awarded_on desc, a.created_at desc, a.id desc
				limit 50
			) x), '[]'::jsonb),
		'places', coalesce((
			select jsonb_agg(to_jsonb(x) order by x.sort_key, x.id)
			from (
				select pl.id, pl.sort_key, pl.name, pl.name_kana, pl.kinds, pl.audiences, pl.address,
					pl.latitude, pl.longitude, pl.fee_free, pl.meals_provided, pl.transport,
					pl.confirmed_at, pl.published,
					(select jsonb_build_object('id', ar.id, 'slug', ar.slug, 'name_ja', ar.name_ja,
							'name_en', ar.name_en)
						from public.areas ar where ar.id = pl.area_id) as area,
					coalesce((select jsonb_agg(jsonb_build_object('day', h.day, 'opens', h.opens,
							'closes', h.closes) order by h.day, h.opens)
						from public.place_hours h where h.place_id = pl.id), '[]'::jsonb) as place_hours
				from public.places pl
				where pl.organization_id = o.id
				order by pl.sort_key, pl.id
				limit 50
			) x), '[]'::jsonb)
	);
end $$;
revoke execute on function public.organization_page(public.organizations) from public;
grant execute on function public.organization_page(public.organizations) to anon, authenticated, service_role;
