-- A signed-in person's pages (issue 13, the benchmark, eighth round): at size L an event page
-- cost a signed-in member twice what it cost a visitor.
--
-- 1. private.can_see_profile (the profiles policy's `listed or …`) asked, for a profile not
--    listed, whether the reader manages an event the profile registered for: it called
--    private.can_manage_event once per registration of that profile. An event's organiser
--    who keeps their profile unlisted has many, so every signed-in view of their event
--    (its organiser's name) spent some 3 ms of PostgreSQL there. Only someone who organises
--    an event or is an owner or editor of an organization can manage one (coordinators
--    pass earlier): asked first, with two index lookups, the walk is left out for everybody
--    else. The same answers (20261128200000_events).
-- 2. validate_session also returns the organizations the person belongs to (role, id, slug,
--    name: what listMemberships reads). Pages that decide with them (who manages an event,
--    which organizations a form offers) no longer ask again, and a person who belongs to no
--    organization and is not a coordinator is shown the events lists kept for visitors
--    (RLS shows them the same cards). As in 20261220200000_session_status, plus memberships.

create or replace function private.can_see_profile(p_profile uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select (select auth.uid()) is not null and (
		p_profile = (select auth.uid())
		or (select private.is_coordinator())
		or exists (
			select 1 from public.organization_members a
			join public.organization_members b on b.organization_id = a.organization_id
			where a.user_id = (select auth.uid()) and b.user_id = p_profile
		)
		or ((exists (select 1 from public.events e where e.organizer_id = (select auth.uid()))
				or exists (select 1 from public.organization_members m
					where m.user_id = (select auth.uid()) and m.role in ('owner', 'editor')))
			and exists (
				select 1 from public.registrations r
				join public.event_occurrences o on o.id = r.occurrence_id
				where r.user_id = p_profile and r.status <> 'cancelled'
					and private.can_manage_event(o.event_id))))
$$;

drop function public.validate_session(text);
create function public.validate_session(p_id text)
returns table (
	session_id text, user_id uuid, display_name text, role public.app_role,
	expires_at timestamptz, refreshed boolean, email_verified boolean,
	unread_notifications integer, suspension jsonb, memberships jsonb
)
language plpgsql set search_path = '' as $$
declare
	s public.sessions;
	v_refreshed boolean := false;
begin
	select * into s from public.sessions where id = p_id;
	if not found then
		return;
	end if;
	if now() >= s.expires_at or now() >= s.absolute_expires_at then
		delete from public.sessions where id = p_id;
		return;
	end if;
	if s.expires_at - now() < interval '15 days' and s.expires_at < s.absolute_expires_at then
		s.expires_at := least(now() + interval '30 days', s.absolute_expires_at);
		v_refreshed := true;
	end if;
	if v_refreshed or now() - s.last_seen_at > interval '5 minutes' then
		update public.sessions set expires_at = s.expires_at, last_seen_at = now() where id = p_id;
	end if;
	return query
		select s.id, p.id, p.display_name, p.role, s.expires_at, v_refreshed,
			coalesce(c.email_verified_at is not null, false),
			(select count(*)::integer from public.notifications n
				where n.user_id = p.id and n.read_at is null),
			(select jsonb_build_object('id', x.id, 'user_id', x.user_id, 'starts_at', x.starts_at,
					'until', x.until, 'reason', x.reason)
				from public.suspensions x
				where x.user_id = p.id and x.lifted_at is null and x.starts_at <= now()
					and (x.until is null or x.until > now())
				order by x.starts_at desc limit 1),
			coalesce((select jsonb_agg(jsonb_build_object('role', m.role, 'id', g.id, 'slug', g.slug,
					'name', g.name) order by g.name, g.id)
				from public.organization_members m join public.organizations g on g.id = m.organization_id
				where m.user_id = p.id), '[]'::jsonb)
		from public.profiles p left join public.credentials c on c.user_id = p.id
		where p.id = s.user_id;
end $$;
revoke execute on function public.validate_session(text) from public, anon, authenticated;
grant execute on function public.validate_session(text) to service_role;
