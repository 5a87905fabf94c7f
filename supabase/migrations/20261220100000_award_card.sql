-- An award's recipient and event as one computed field (issue 13, the
-- benchmark, seventh round): `select=…,shown:award_card` in place of four
-- embeds (the practice with its lead organization, the organization, the
-- person, the event). PostgREST spends CPU on every item of a select list,
-- embeds above all: the home page's four awards cost it 2.5 ms a request, the
-- most of the page's five (as 20261212000000_wide_reads found for events).
--
-- Security invoker: each subquery reads under the caller's RLS, as the embeds
-- did, so a recipient or an event the reader may not see is null here too
-- (a practice's lead organization hidden from the public: `lead` null).
-- PL/pgSQL planned once per session (20261220000000_reads_in_plpgsql).

create function public.award_card(a public.awards) returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return jsonb_build_object(
		'practice', (select jsonb_build_object('id', p.id, 'title', p.title,
				'lead', (select jsonb_build_object('name', o.name)
					from public.organizations o where o.id = p.lead_organization_id))
			from public.practices p where p.id = a.practice_id),
		'organization', (select jsonb_build_object('id', g.id, 'slug', g.slug, 'name', g.name)
			from public.organizations g where g.id = a.organization_id),
		'profile', (select jsonb_build_object('id', r.id, 'display_name', r.display_name)
			from public.profiles r where r.id = a.profile_id),
		'event', (select jsonb_build_object('id', e.id, 'title', e.title)
			from public.events e where e.id = a.event_id));
end $$;
revoke execute on function public.award_card(public.awards) from public;
grant execute on function public.award_card(public.awards) to anon, authenticated, service_role;
