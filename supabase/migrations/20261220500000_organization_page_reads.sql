-- An organization's page in fewer round trips (issue 13, the benchmark, eighth round): at
-- size L the page was the slowest public one, and its data alone (ten PostgREST requests
-- for a visitor) allowed 67 pages a second.
--
-- 1. A recipient's thanks (ありがとう) as one call: how many show, the latest messages with
--    their writers' names, and whether the caller thanked it today (Tokyo) — what
--    `thanksFor` read in three to four requests (a count, the messages, the names, today's).
--    Security invoker: the thanks are those RLS shows the caller (hidden ones to their
--    writer and coordinators), the names through thanker_names as before. Organizations',
--    practices' and people's pages all show it.
-- 2. An organization's member count as a computed field (`select=…,member_count`), so that
--    the page reads the organization, its members and their number in one request.

create function public.thanks_summary(
	p_practice uuid default null, p_organization uuid default null, p_profile uuid default null,
	p_limit integer default 5
) returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
declare
	v_latest jsonb;
	v_ids uuid[];
begin
	-- one recipient: the other two are null and match nothing
	select coalesce(jsonb_agg(jsonb_build_object('id', t.id, 'message', t.message,
			'created_at', t.created_at, 'thanker_id', t.thanker_id, 'hidden_at', t.hidden_at)
			order by t.created_at desc, t.id desc), '[]'::jsonb),
		coalesce(array_agg(distinct t.thanker_id), '{}')
	into v_latest, v_ids
	from (
		select t.id, t.message, t.created_at, t.thanker_id, t.hidden_at
		from public.thanks t
		where (t.practice_id = p_practice or t.organization_id = p_organization
				or t.profile_id = p_profile)
			and t.message is not null
		order by t.created_at desc, t.id desc
		limit least(greatest(coalesce(p_limit, 5), 1), 50)
	) t;
	return jsonb_build_object(
		'count', (select count(*) from public.thanks t
			where (t.practice_id = p_practice or t.organization_id = p_organization
					or t.profile_id = p_profile)
				and t.hidden_at is null),
		'latest', v_latest,
		'names', coalesce((select jsonb_object_agg(n.user_id, n.display_name)
			from public.thanker_names(v_ids) n), '{}'::jsonb),
		'thanked_today', (select auth.uid()) is not null and exists (
			select 1 from public.thanks t
			where (t.practice_id = p_practice or t.organization_id = p_organization
					or t.profile_id = p_profile)
				and t.thanker_id = (select auth.uid())
				and t.tokyo_day = (now() at time zone 'Asia/Tokyo')::date));
end $$;
revoke execute on function public.thanks_summary(uuid, uuid, uuid, integer) from public;
grant execute on function public.thanks_summary(uuid, uuid, uuid, integer)
	to anon, authenticated, service_role;

-- All its members, also those the caller may not see (private.organization_member_count).
create function public.member_count(o public.organizations) returns integer
language sql stable set search_path = '' as $$
	select private.organization_member_count(o.id)
$$;
revoke execute on function public.member_count(public.organizations) from public;
grant execute on function public.member_count(public.organizations)
	to anon, authenticated, service_role;
