-- A signed-in page's header read with the session (issue 13, the benchmark,
-- seventh round): validate_session, which every request with a session cookie
-- calls first, also returns the person's unread notifications (the bell) and
-- their suspension in force (the banner, and what the thread and comment forms
-- may offer). Each was a request of its own on every signed-in page, two more
-- round trips through the gateway, PostgREST and PostgreSQL after this one.
--
-- As in 20261207100000_account_mail, plus unread_notifications and suspension
-- (the newest suspension that has started, is not lifted and has not ended, as
-- activeSuspension() in db/moderation.ts reads it; null when none). Called by
-- the service role only; both read the person's own rows, as their RLS
-- ("notifications: own", "suspensions: own and coordinators") shows them.

drop function public.validate_session(text);
create function public.validate_session(p_id text)
returns table (
	session_id text, user_id uuid, display_name text, role public.app_role,
	expires_at timestamptz, refreshed boolean, email_verified boolean,
	unread_notifications integer, suspension jsonb
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
				order by x.starts_at desc limit 1)
		from public.profiles p left join public.credentials c on c.user_id = p.id
		where p.id = s.user_id;
end $$;
revoke execute on function public.validate_session(text) from public, anon, authenticated;
grant execute on function public.validate_session(text) to service_role;
