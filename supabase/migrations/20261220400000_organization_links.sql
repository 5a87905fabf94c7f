-- What an organization's page and card show of other rows, as one computed
-- field (issue 13, the benchmark, seventh round): its logo, areas and fields,
-- `select=…,links:organization_links` in place of three embeds (two through
-- their link tables). Of an organization's page at size L, PostgREST spent 10
-- ms of CPU on its ten requests; embeds cost it the most
-- (20261212000000_wide_reads).
--
-- The JSON has the shape the embeds gave (`logo`, `organization_areas`,
-- `organization_fields`: db/orgs.ts `taxonomy()`), areas and fields by sort
-- order, then slug (as the cards give them). Security invoker: each subquery
-- reads under the caller's RLS, as each embed did. PL/pgSQL planned once per
-- session (20261220000000_reads_in_plpgsql).

create function public.organization_links(o public.organizations) returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return jsonb_build_object(
		'logo', (select jsonb_build_object('hash', i.hash, 'width', i.width, 'height', i.height)
			from public.images i where i.hash = o.logo_image_hash),
		'organization_areas', coalesce((select jsonb_agg(jsonb_build_object('areas',
				case when a.id is not null then jsonb_build_object('id', a.id, 'slug', a.slug,
					'name_ja', a.name_ja, 'name_en', a.name_en) end)
				order by a.sort_order, a.slug)
			from public.organization_areas oa left join public.areas a on a.id = oa.area_id
			where oa.organization_id = o.id), '[]'::jsonb),
		'organization_fields', coalesce((select jsonb_agg(jsonb_build_object('fields',
				case when f.id is not null then jsonb_build_object('id', f.id, 'slug', f.slug,
					'name_ja', f.name_ja, 'name_en', f.name_en, 'color', f.color) end)
				order by f.sort_order, f.slug)
			from public.organization_fields ofl left join public.fields f on f.id = ofl.field_id
			where ofl.organization_id = o.id), '[]'::jsonb));
end $$;
revoke execute on function public.organization_links(public.organizations) from public;
grant execute on function public.organization_links(public.organizations) to anon, authenticated, service_role;
