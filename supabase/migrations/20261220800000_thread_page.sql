-- One page of a thread as a page shows it, in one call (issue 13, the benchmark, ninth round):
-- its posts, the 主催者 among their writers and the people one can @mention, where the thread
-- page and an item's comments made three requests (thread_posts, event_thread_hosts,
-- thread_participants). Each request costs the gateway, PostgREST and a transaction however
-- small it is; and the participants were every writer of the thread, sent to the app to name
-- ten of them under the form.
--
-- - posts: thread_posts' rows of page p_page (as the caller may see them), only the last
--   p_last of them when given (an item's page shows its latest comments);
-- - hosts: of those posts' writers, the ones who organise the thread's event (its organiser,
--   owners and editors of its organization or of an accepted co-host) — only writers shown, so
--   the badge tells no more about memberships than the posts it marks;
-- - mentions: the first p_mentions (at most 50) of the thread's participants other than the
--   caller, the latest writers first (by their latest post; the thread's author who has not
--   replied last), and only their names; mention_count: how many there are in all. Nothing is
--   read for them when p_mentions is 0 (a visitor cannot reply).
create function private.thread_page(
	p_thread uuid, p_page integer, p_last integer, p_mentions integer
) returns jsonb
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return (
		with shown as (
			select p.* from private.thread_posts(p_thread, p_page) p
			order by p.post_position desc
			limit least(greatest(coalesce(p_last, 50), 0), 50)
		), ev as (
			select e.id, e.organizer_id, e.organization_id
			from public.threads t join public.events e on e.id = t.event_id
			where t.id = p_thread
		), hosts as (
			select distinct s.author_id from shown s, ev e
			where s.state = 'visible' and s.author_id is not null
				and (s.author_id = e.organizer_id
					or exists (select 1 from public.organization_members m
						where m.user_id = s.author_id and m.role in ('owner', 'editor')
							and (m.organization_id = e.organization_id
								or exists (select 1 from public.event_cohosts c
									where c.event_id = e.id and c.organization_id = m.organization_id
										and c.accepted_at is not null))))
		), writers as materialized (
			-- who takes part (as thread_participants): the thread's author and the writers of
			-- its posts that show, each with their latest post; read only when someone is to be named
			select w.user_id, max(w.latest) as latest from (
				select t.author_id as user_id, 0 as latest from public.threads t where t.id = p_thread
				union all
				select x.author_id, x.position from public.posts x
				where x.thread_id = p_thread and x.hidden_at is null and x.deleted_at is null
			) w
			where coalesce(p_mentions, 0) > 0 and w.user_id is not null
				and w.user_id is distinct from (select auth.uid()) and private.thread_visible(p_thread)
			group by w.user_id
		), named as (
			-- the latest writers first: only their names are read, not every participant's
			select w.user_id, p.display_name, w.latest
			from (select * from writers order by latest desc, user_id
				limit least(greatest(coalesce(p_mentions, 0), 0), 50)) w
			join public.profiles p on p.id = w.user_id
		)
		select jsonb_build_object(
			'posts', coalesce((select jsonb_agg(to_jsonb(s) order by s.post_position) from shown s), '[]'::jsonb),
			'hosts', coalesce((select jsonb_agg(h.author_id) from hosts h), '[]'::jsonb),
			'mentions', coalesce((select jsonb_agg(jsonb_build_object('user_id', n.user_id, 'display_name', n.display_name)
				order by n.latest desc, n.user_id) from named n), '[]'::jsonb),
			'mention_count', (select count(*) from writers)
		)
	);
end $$;
revoke execute on function private.thread_page(uuid, integer, integer, integer) from public;
grant execute on function private.thread_page(uuid, integer, integer, integer) to anon, authenticated, service_role;

create function public.thread_page(
	p_thread uuid, p_page integer default 1, p_last integer default null, p_mentions integer default 0
) returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
begin
	return private.thread_page(p_thread, p_page, p_last, p_mentions);
end $$;
revoke execute on function public.thread_page(uuid, integer, integer, integer) from public;
grant execute on function public.thread_page(uuid, integer, integer, integer) to anon, authenticated, service_role;

-- its only caller reads the hosts with the page now
drop function public.event_thread_hosts(uuid);
drop function private.event_thread_hosts(uuid);

-- An item's comments (an event's or a practice's 「質問・コメント」) in one call: its thread as
-- the caller may see it (the threads policy: this function is the caller's), with their フォロー
-- when signed in, and thread_page of its last page. Null while there is no thread (nobody has
-- commented) or the caller may not see it. The item's page made two requests, one after the
-- other: the thread, then its page.
create function public.item_comments(
	p_event uuid default null, p_practice uuid default null, p_last integer default null,
	p_mentions integer default 0
) returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
declare
	v_id uuid;
	v_head jsonb;
begin
	if p_event is not null then
		select t.id, jsonb_build_object('card', public.thread_card(t), 'hidden_at', t.hidden_at,
				'hidden_reason', t.hidden_reason, 'deleted_at', t.deleted_at)
		into v_id, v_head
		from public.threads t where t.event_id = p_event;
	else
		select t.id, jsonb_build_object('card', public.thread_card(t), 'hidden_at', t.hidden_at,
				'hidden_reason', t.hidden_reason, 'deleted_at', t.deleted_at)
		into v_id, v_head
		from public.threads t where t.practice_id = p_practice;
	end if;
	if v_id is null then
		return null;
	end if;
	-- visitors have no フォロー (and no grant on them): this statement runs only for the signed in
	if (select auth.uid()) is not null then
		v_head := v_head || jsonb_build_object('following', coalesce((
			select f.following from public.thread_follows f
			where f.thread_id = v_id and f.user_id = (select auth.uid())), false));
	end if;
	return jsonb_build_object('thread', v_head,
		'page', private.thread_page(v_id,
			greatest(ceil(greatest((v_head->'card'->>'post_count')::integer, 1) / 50.0)::integer, 1),
			p_last, p_mentions));
end $$;
revoke execute on function public.item_comments(uuid, uuid, integer, integer) from public;
grant execute on function public.item_comments(uuid, uuid, integer, integer) to anon, authenticated, service_role;
