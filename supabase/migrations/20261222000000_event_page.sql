-- An event's page in one computed field, the home page's sections in one function, and the
-- version of the public events read with a page's first read (issue 13, the benchmark,
-- thirteenth round).
--
-- event_page: the event as event_detail writes it, its dates in time order, and a signed-in
-- reader's registrations for them (not cancelled, with their place on the waiting list), as
-- JSON built here. The page read them as a select list with embeds (the dates, and in each the
-- reader's registrations), on which PostgREST spent 1.5–1.8 ms of CPU for a member (1.0 for a
-- visitor) against 0.45 for this (size L, the popular event). Security invoker: every row is
-- read under the caller's RLS, as the embeds were; a visitor's read never names
-- registrations (no grant on them): the statement that reads them runs only for the signed in.
--
-- home_sections: the home page's six featured practices (the cover alone, areas as ids, in the
-- areas' order), its four active threads (search_threads, nothing embedded) and its four latest
-- awards (award_card), each as the request it replaces read it, in one: three requests of
-- 1.9–2.1 ms of CPU each (PostgreSQL, PostgREST and the gateway; the practices' embeds 1.15 ms
-- of PostgREST's) at size L. The counts are the page's, written here as constants: the plan kept
-- for the session then knows each limit (a limit given as an argument is planned as a tenth of
-- the table).
--
-- events_version: public_events_version() as a computed field of an event and of an
-- organization, and in home_sections. The event's, the organization's and the home page key the
-- lists they keep (server/events/kept-lists.ts) by this number, which they read in a request of
-- its own beside the page's first read; read with that, in the same statement, it costs no
-- request (0.8 ms of PostgreSQL, PostgREST and the gateway, and the app's share) and is never
-- older than what the statement read.

create function public.event_page(e public.events) returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
declare
	v_page jsonb;
begin
	v_page := jsonb_build_object(
		'event_detail', public.event_detail(e),
		'event_occurrences', coalesce((
			select jsonb_agg(jsonb_build_object('id', o.id, 'starts_at', o.starts_at,
					'ends_at', o.ends_at, 'original_starts_at', o.original_starts_at, 'status', o.status,
					'cancel_reason', o.cancel_reason, 'going_count', o.going_count,
					'waiting_count', o.waiting_count, 'sequence', o.sequence)
				order by o.starts_at, o.id)
			from public.event_occurrences o
			where o.event_id = e.id), '[]'::jsonb));
	if (select auth.uid()) is not null then
		v_page := v_page || jsonb_build_object('registrations', coalesce((
			select jsonb_agg(jsonb_build_object('id', r.id, 'occurrence_id', r.occurrence_id,
					'status', r.status, 'companions', r.companions,
					'waitlist_position', public.waitlist_position(r))
				order by o.starts_at, o.id)
			from public.event_occurrences o
			join public.registrations r on r.occurrence_id = o.id
			where o.event_id = e.id and r.user_id = (select auth.uid()) and r.status <> 'cancelled'),
			'[]'::jsonb));
	end if;
	return v_page;
end $$;
revoke execute on function public.event_page(public.events) from public;
grant execute on function public.event_page(public.events) to anon, authenticated, service_role;

create function public.events_version(e public.events) returns bigint
language plpgsql stable set search_path = '' as $$
begin
	return public.public_events_version();
end $$;
revoke execute on function public.events_version(public.events) from public;
grant execute on function public.events_version(public.events) to anon, authenticated, service_role;

create function public.events_version(o public.organizations) returns bigint
language plpgsql stable set search_path = '' as $$
begin
	return public.public_events_version();
end $$;
revoke execute on function public.events_version(public.organizations) from public;
grant execute on function public.events_version(public.organizations)
	to anon, authenticated, service_role;

create function public.home_sections() returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return jsonb_build_object(
		-- published and featured, in the coordinators' order (practices_featured_idx)
		'practices', coalesce((
			select jsonb_agg(jsonb_build_object('id', p.id, 'title', p.title, 'summary', p.summary,
					'lead', (select jsonb_build_object('name', o.name)
						from public.organizations o where o.id = p.lead_organization_id),
					'cover', (select jsonb_build_object('alt', ph.alt, 'hash', i.hash, 'width', i.width,
							'height', i.height)
						from public.practice_photos ph join public.images i on i.hash = ph.image_hash
						where ph.practice_id = p.id and ph.position = 1),
					'area_ids', coalesce((select jsonb_agg(pa.area_id order by a.sort_order, a.slug)
						from public.practice_areas pa join public.areas a on a.id = pa.area_id
						where pa.practice_id = p.id), '[]'::jsonb))
				order by p.featured_position)
			from (select * from public.practices x
				where x.featured_position is not null and x.status = 'published'
				order by x.featured_position
				limit 6) p), '[]'::jsonb),
		-- what shows to everybody, newest activity first (threads_activity_idx)
		'threads', coalesce((
			select jsonb_agg(jsonb_build_object('id', t.id, 'title', t.title,
					'is_question', t.is_question, 'solved_post_id', t.solved_post_id,
					'locked_at', t.locked_at, 'created_at', t.created_at,
					'last_posted_at', t.last_posted_at, 'reply_count', t.reply_count,
					'post_count', t.post_count, 'area_id', t.area_id)
				order by t.last_posted_at desc, t.id desc)
			from public.search_threads(p_limit => 4) t), '[]'::jsonb),
		-- newest first (awards_timeline_idx)
		'awards', coalesce((
			select jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'citation', a.citation,
					'awarded_on', a.awarded_on, 'fiscal_year', a.fiscal_year,
					'nomination_id', a.nomination_id, 'practice_id', a.practice_id,
					'organization_id', a.organization_id, 'profile_id', a.profile_id,
					'shown', public.award_card(a))
				order by a.awarded_on desc, a.created_at desc, a.id desc)
			from (select * from public.awards x
				order by x.awarded_on desc, x.created_at desc, x.id desc
				limit 4) a), '[]'::jsonb),
		'events_version', public.public_events_version());
end $$;
revoke execute on function public.home_sections() from public;
grant execute on function public.home_sections() to anon, authenticated, service_role;
