-- A practice's card as one computed field (issue 13, the benchmark, seventh
-- round): `select=card:practice_card` in place of six embeds (the lead
-- organization and its logo, the photos and their images, the areas, the
-- fields). PostgREST spends CPU on every item of a select list, embeds above
-- all (20261212000000_wide_reads): of the practices search's 19 ms of CPU a
-- page at size L, PostgREST's share was 5.6 ms, most of it the twenty cards.
--
-- The JSON has the shape the embeds gave (db/practices.ts `CardRow`), with the
-- areas and fields by sort order, then slug (as the other cards give them),
-- and the photos by position. Security invoker: each subquery reads under the
-- caller's RLS, as each embed did (a
-- lead organization hidden from the public is null here too). PL/pgSQL planned
-- once per session (20261220000000_reads_in_plpgsql).

create function public.practice_card(p public.practices) returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return jsonb_build_object(
		'id', p.id, 'title', p.title, 'summary', p.summary, 'status', p.status,
		'audiences', p.audiences, 'started_on', p.started_on, 'ended_on', p.ended_on,
		'published_at', p.published_at, 'updated_at', p.updated_at,
		'submitted_at', p.submitted_at, 'featured_position', p.featured_position,
		'lead', (select jsonb_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'kind', o.kind,
				'logo', (select jsonb_build_object('hash', i.hash, 'width', i.width, 'height', i.height)
					from public.images i where i.hash = o.logo_image_hash))
			from public.organizations o where o.id = p.lead_organization_id),
		'practice_photos', coalesce((select jsonb_agg(jsonb_build_object('position', ph.position,
				'alt', ph.alt,
				'image', (select jsonb_build_object('hash', i.hash, 'width', i.width, 'height', i.height)
					from public.images i where i.hash = ph.image_hash)) order by ph.position)
			from public.practice_photos ph where ph.practice_id = p.id), '[]'::jsonb),
		'practice_areas', coalesce((select jsonb_agg(jsonb_build_object('areas',
				case when a.id is not null then jsonb_build_object('id', a.id, 'slug', a.slug,
					'name_ja', a.name_ja, 'name_en', a.name_en) end)
				order by a.sort_order, a.slug)
			from public.practice_areas pa left join public.areas a on a.id = pa.area_id
			where pa.practice_id = p.id), '[]'::jsonb),
		'practice_fields', coalesce((select jsonb_agg(jsonb_build_object('fields',
				case when f.id is not null then jsonb_build_object('id', f.id, 'slug', f.slug,
					'name_ja', f.name_ja, 'name_en', f.name_en, 'color', f.color) end)
				order by f.sort_order, f.slug)
			from public.practice_fields pf left join public.fields f on f.id = pf.field_id
			where pf.practice_id = p.id), '[]'::jsonb));
end $$;
revoke execute on function public.practice_card(public.practices) from public;
grant execute on function public.practice_card(public.practices) to anon, authenticated, service_role;
