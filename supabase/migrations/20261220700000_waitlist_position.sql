-- A waitlisted registration's place as a computed field (issue 13, the benchmark, eighth
-- round): `registrations?select=…,waitlist_position` reads a person's registrations and their
-- places on the waiting lists in one request, where my_waitlist_positions was a second one
-- (beside them on an event page, after them on /me).
--
-- 1 is the next to be offered a seat: the waitlisted registrations of the same date queued
-- before it, and itself. Security definer, as the others on the list are not the caller's to
-- read; it answers only for the caller's own waitlisted registration, looked up by id (a row
-- passed in is never trusted), and is null for everything else.

create function public.waitlist_position(r public.registrations) returns integer
language sql stable security definer set search_path = '' as $$
	select (select count(*)::integer from public.registrations x
		where x.occurrence_id = m.occurrence_id and x.status = 'waitlisted'
			and (x.queued_at, x.id) <= (m.queued_at, m.id))
	from public.registrations m
	where m.id = r.id and m.user_id = (select auth.uid()) and m.status = 'waitlisted'
$$;
revoke execute on function public.waitlist_position(public.registrations) from public, anon;
grant execute on function public.waitlist_position(public.registrations) to authenticated, service_role;

-- its only callers read the computed field now
drop function public.my_waitlist_positions(uuid[]);
drop function private.my_waitlist_positions(uuid[]);
