-- Hardening of events (issue 7): every change that frees places promotes the
-- waiting list and newcomers never jump it.

-- Waiting lists -----------------------------------------------------------------
--
-- The rule, true after every statement, for each occurrence (checked after
-- each step by tests/integration/waitlist.test.ts):
--  (a) going_count is the number of people (1 + companions) of its going
--      registrations, waiting_count the number of its waiting ones; a trigger
--      on registrations keeps both, whatever the path (the functions below,
--      an organiser's cancellation, an account deleted);
--  (b) first come, first served, strictly: in queue order (queued_at, id) every
--      going registration comes before every waiting one. A newcomer waits
--      while anybody waits, even when a smaller party would fit; a promotion
--      takes the first in line only;
--  (c) while the occurrence is open (scheduled, its event published, not yet
--      ended), if anybody waits then the first in line does not fit:
--      capacity is set and going_count + 1 + their companions > capacity.
--      Nobody behind the first in line is promoted past them, even if their
--      party would fit. A party larger than the capacity is refused
--      (hint 'too_many') rather than queued, so that it cannot block the line.
-- Waiting lists of cancelled, unpublished or ended occurrences are left as
-- they are: nobody is told "you are in" for a date that will not happen or
-- is over. Restoring, republishing or moving such a date into the future
-- promotes it then.
--
-- Every change that can free places or shrink the first in line promotes in
-- the same transaction, under the occurrence's row lock: a registration
-- cancelled, deleted or made smaller (trigger on registrations), the
-- capacity raised or removed, the waiting-list setting or the event's status
-- changed (trigger on events), an occurrence restored or moved into the
-- future (trigger on event_occurrences). Functions that lock several
-- occurrences lock them in id order; joins and cancellations lock one.

-- People waiting, kept with going_count: a date with anybody waiting has no
-- place for a newcomer, whatever going_count says (lists, "seats left" filter).
alter table public.event_occurrences
	add column waiting_count integer not null default 0
		constraint event_occurrences_waiting_count check (waiting_count >= 0);
-- (grants unchanged: anon and authenticated read it with the occurrence, as
-- going_count; nobody writes it through the API)

-- Promotes waiting people, first come first served, while the first in line fits.
create or replace function private.promote_waitlist(p_occurrence uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
	o public.event_occurrences;
	e public.events;
	r public.registrations;
	v_going integer;
begin
	-- callers normally hold this lock already; taking it again costs nothing
	select * into o from public.event_occurrences where id = p_occurrence for update;
	if not found then
		return; -- being deleted
	end if;
	select * into e from public.events where id = o.event_id;
	if e.status <> 'published' or o.status <> 'scheduled' or o.ends_at <= now() then
		return;
	end if;
	v_going := o.going_count;
	loop
		select * into r from public.registrations
			where occurrence_id = p_occurrence and status = 'waitlisted'
			order by queued_at, id limit 1;
		exit when not found;
		exit when e.capacity is not null and v_going + 1 + r.companions > e.capacity;
		-- the trigger on registrations adds them to going_count
		update public.registrations set status = 'going' where id = r.id;
		v_going := v_going + 1 + r.companions;
		if r.user_id is not null then
			insert into public.notifications (user_id, kind, event_id, occurrence_id)
				values (r.user_id, 'promoted', o.event_id, o.id);
		end if;
	end loop;
end $$;

-- Keeps going_count and waiting_count, and promotes when places free up or the
-- first in line shrinks or leaves. Fires for every path that writes registrations.
create function private.registrations_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_release boolean := false;
begin
	if tg_op <> 'INSERT' and old.status <> 'cancelled' then
		update public.event_occurrences set
			going_count = going_count - case when old.status = 'going' then 1 + old.companions else 0 end,
			waiting_count = waiting_count - case when old.status = 'waitlisted' then 1 else 0 end
			where id = old.occurrence_id;
	end if;
	if tg_op <> 'DELETE' and new.status <> 'cancelled' then
		update public.event_occurrences set
			going_count = going_count + case when new.status = 'going' then 1 + new.companions else 0 end,
			waiting_count = waiting_count + case when new.status = 'waitlisted' then 1 else 0 end
			where id = new.occurrence_id;
	end if;
	if tg_op = 'DELETE' then
		v_release := old.status <> 'cancelled';
	elsif tg_op = 'UPDATE' then
		v_release := (old.status <> 'cancelled' and old.occurrence_id <> new.occurrence_id)
			or (old.status = 'going' and (new.status <> 'going' or new.companions < old.companions))
			or (old.status = 'waitlisted' and (new.status = 'cancelled' or new.companions < old.companions));
	end if;
	if v_release then
		perform private.promote_waitlist(old.occurrence_id);
	end if;
	-- somebody put on a waiting list by any other path than the functions below
	-- is promoted at once if the rule allows it
	if tg_op <> 'DELETE' and new.status = 'waitlisted'
		and (tg_op = 'INSERT' or old.status <> 'waitlisted' or old.occurrence_id <> new.occurrence_id) then
		perform private.promote_waitlist(new.occurrence_id);
	end if;
	return null;
end $$;
revoke execute on function private.registrations_changed() from public;
create trigger registrations_changed
	after insert or update of status, companions, occurrence_id or delete on public.registrations
	for each row execute function private.registrations_changed();

create or replace function private.join_occurrence(p_occurrence uuid, p_companions integer)
returns public.registrations
language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	o public.event_occurrences;
	e public.events;
	r public.registrations;
	v_people integer := 1 + coalesce(p_companions, 0);
	v_status public.registration_status;
	v_existing boolean;
begin
	if v_uid is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	if p_companions is null or p_companions < 0 or p_companions > 9 then
		raise exception 'companions must be 0 to 9' using errcode = '22023', hint = 'bad_companions';
	end if;
	-- the lock that serialises every join and leave of this occurrence
	select * into o from public.event_occurrences where id = p_occurrence for update;
	if not found then
		raise exception 'no such occurrence' using errcode = 'P0002', hint = 'not_found';
	end if;
	select * into e from public.events where id = o.event_id;
	if e.status <> 'published' or o.status <> 'scheduled' then
		raise exception 'not open' using errcode = 'P0001', hint = 'not_open';
	end if;
	if now() >= coalesce(e.registration_closes_at, o.starts_at)
		or (e.registration_opens_at is not null and now() < e.registration_opens_at) then
		raise exception 'registration closed' using errcode = 'P0001', hint = 'closed';
	end if;

	select * into r from public.registrations where occurrence_id = p_occurrence and user_id = v_uid;
	v_existing := found;
	if v_existing and r.status <> 'cancelled' then
		return r; -- joining twice changes nothing
	end if;

	if e.capacity is not null and v_people > e.capacity then
		raise exception 'more people than places' using errcode = 'P0001', hint = 'too_many';
	end if;
	-- first come, first served: while anybody waits, a newcomer queues behind them
	if not exists (select 1 from public.registrations w where w.occurrence_id = p_occurrence and w.status = 'waitlisted')
		and (e.capacity is null or o.going_count + v_people <= e.capacity) then
		v_status := 'going';
	elsif e.waitlist_enabled then
		v_status := 'waitlisted';
	else
		raise exception 'full' using errcode = 'P0001', hint = 'full';
	end if;

	-- going_count follows by the trigger on registrations
	if v_existing then
		update public.registrations set status = v_status, companions = p_companions, queued_at = clock_timestamp(),
			attended = null
			where id = r.id returning * into r;
	else
		insert into public.registrations (occurrence_id, user_id, companions, status)
			values (p_occurrence, v_uid, p_companions, v_status) returning * into r;
	end if;
	return r;
end $$;

create or replace function private.cancel_registration(p_registration uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
	r public.registrations;
	v_event uuid;
begin
	select * into r from public.registrations where id = p_registration;
	if not found then
		raise exception 'no such registration' using errcode = 'P0002', hint = 'not_found';
	end if;
	v_event := private.occurrence_event(r.occurrence_id);
	if r.user_id is distinct from (select auth.uid()) and not private.can_manage_event(v_event) then
		raise exception 'not yours' using errcode = '42501', hint = 'forbidden';
	end if;
	perform 1 from public.event_occurrences where id = r.occurrence_id for update;
	select * into r from public.registrations where id = p_registration;
	if r.status = 'cancelled' then
		return;
	end if;
	-- the trigger on registrations frees the places and promotes
	update public.registrations set status = 'cancelled' where id = r.id;
end $$;

-- People who applied by phone or on paper, added by an organiser; counted
-- against capacity, and behind everybody already waiting.
create or replace function private.add_guest_registration(p_occurrence uuid, p_name text, p_phone text, p_note text,
	p_companions integer)
returns public.registrations
language plpgsql security definer set search_path = '' as $$
declare
	o public.event_occurrences;
	e public.events;
	r public.registrations;
	v_people integer := 1 + coalesce(p_companions, 0);
	v_status public.registration_status;
begin
	if not private.can_manage_event(private.occurrence_event(p_occurrence)) then
		raise exception 'organisers only' using errcode = '42501', hint = 'forbidden';
	end if;
	select * into o from public.event_occurrences where id = p_occurrence for update;
	select * into e from public.events where id = o.event_id;
	if e.capacity is not null and v_people > e.capacity then
		raise exception 'more people than places' using errcode = 'P0001', hint = 'too_many';
	end if;
	if not exists (select 1 from public.registrations w where w.occurrence_id = p_occurrence and w.status = 'waitlisted')
		and (e.capacity is null or o.going_count + v_people <= e.capacity) then
		v_status := 'going';
	elsif e.waitlist_enabled then
		v_status := 'waitlisted';
	else
		raise exception 'full' using errcode = 'P0001', hint = 'full';
	end if;
	insert into public.registrations (occurrence_id, guest_name, guest_phone, note, companions, status, added_by)
		values (p_occurrence, btrim(p_name), nullif(btrim(p_phone), ''), nullif(btrim(p_note), ''),
			coalesce(p_companions, 0), v_status, (select auth.uid()))
		returning * into r;
	return r;
end $$;

-- Capacity raised or removed, the waiting-list setting or the status changed:
-- every open date of the event is locked in id order and promoted. A join
-- that read the old capacity holds its date's lock until it commits, so it is
-- promoted here too.
create function private.promote_after_event_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_occurrence uuid;
begin
	for v_occurrence in
		select o.id from public.event_occurrences o
		where o.event_id = new.id and o.status = 'scheduled' and o.ends_at > now()
		order by o.id
		for update
	loop
		perform private.promote_waitlist(v_occurrence);
	end loop;
	return null;
end $$;
revoke execute on function private.promote_after_event_change() from public;
create trigger events_promote after update of capacity, waitlist_enabled, status on public.events
	for each row
	when (old.capacity is distinct from new.capacity or old.waitlist_enabled is distinct from new.waitlist_enabled
		or old.status is distinct from new.status)
	execute function private.promote_after_event_change();

-- A date restored, or moved from the past into the future, is open again.
create function private.promote_after_occurrence_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	perform private.promote_waitlist(new.id);
	return null;
end $$;
revoke execute on function private.promote_after_occurrence_change() from public;
create trigger event_occurrences_promote after update of status, starts_at, ends_at on public.event_occurrences
	for each row
	when (new.status = 'scheduled' and new.ends_at > now() and (old.status <> 'scheduled' or old.ends_at <= now()))
	execute function private.promote_after_occurrence_change();

-- Existing data: going_count recounted, waiting_count counted, and every open
-- waiting list promoted under the rule above (the promoted people are notified).
update public.event_occurrences o set going_count = c.people, waiting_count = c.waiting
from (
	select o2.id,
		coalesce((select sum(1 + r.companions) from public.registrations r
			where r.occurrence_id = o2.id and r.status = 'going'), 0)::integer as people,
		(select count(*) from public.registrations r
			where r.occurrence_id = o2.id and r.status = 'waitlisted')::integer as waiting
	from public.event_occurrences o2
) c
where c.id = o.id and (o.going_count, o.waiting_count) <> (c.people, c.waiting);

do $$
declare
	v_occurrence uuid;
begin
	for v_occurrence in
		select o.id from public.event_occurrences o
		where o.status = 'scheduled' and o.ends_at > now()
			and exists (select 1 from public.registrations r where r.occurrence_id = o.id and r.status = 'waitlisted')
		order by o.id
	loop
		perform private.promote_waitlist(v_occurrence);
	end loop;
end $$;

-- Saving a series ---------------------------------------------------------------
-- save_event matched each new date against the event's dates one at a time:
-- for 500 dates, 500 updates and 500 inserts, each scanning the event's dates
-- and checking the RLS policy (private.can_manage_event) on every row it
-- looked at, which took over 8 s. The dates are now matched as sets, in one
-- update, one insert, one delete and one cancel, by a definer function that
-- checks private.can_manage_event once (the same check as the policies of
-- event_occurrences) instead of once a row and statement. The index serves
-- the Tokyo-day match.
create index event_occurrences_tokyo_day_idx
	on public.event_occurrences (event_id, ((original_starts_at at time zone 'Asia/Tokyo')::date));

-- The occurrences of an event made to match p_occurrences ([{"starts_at": …,
-- "ends_at": …}], at most one a Tokyo day; should a day come twice, its
-- earliest start is kept). An existing occurrence on the same Tokyo day keeps
-- its id and registrations and takes the new times; one no longer in the series
-- is deleted, or cancelled when people registered for it.
create function private.save_occurrences(p_event uuid, p_occurrences jsonb) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_starts timestamptz[];
	v_ends timestamptz[];
	v_days date[];
begin
	if not private.can_manage_event(p_event) then
		raise exception 'organisers only' using errcode = '42501', hint = 'forbidden';
	end if;

	select coalesce(array_agg(n.starts_at order by n.day), '{}'), coalesce(array_agg(n.ends_at order by n.day), '{}'),
		coalesce(array_agg(n.day order by n.day), '{}')
	into v_starts, v_ends, v_days
	from (
		select distinct on (d.day) d.starts_at, d.ends_at, d.day
		from (
			select x.starts_at, x.ends_at, (x.starts_at at time zone 'Asia/Tokyo')::date as day
			from jsonb_to_recordset(coalesce(p_occurrences, '[]')) as x (starts_at timestamptz, ends_at timestamptz)
		) d
		order by d.day, d.starts_at
	) n;

	-- several dates at once are locked in id order, as the trigger on events does
	perform 1 from public.event_occurrences eo where eo.event_id = p_event order by eo.id for update;

	-- same Tokyo day: new times, same id and registrations
	update public.event_occurrences eo set starts_at = n.starts_at, ends_at = n.ends_at, original_starts_at = n.starts_at
	from unnest(v_starts, v_ends, v_days) as n (starts_at, ends_at, day)
	where eo.event_id = p_event and (eo.original_starts_at at time zone 'Asia/Tokyo')::date = n.day
		and (eo.starts_at, eo.ends_at, eo.original_starts_at) is distinct from (n.starts_at, n.ends_at, n.starts_at);

	insert into public.event_occurrences (event_id, starts_at, ends_at, original_starts_at)
	select p_event, n.starts_at, n.ends_at, n.starts_at
	from unnest(v_starts, v_ends, v_days) as n (starts_at, ends_at, day)
	where not exists (select 1 from public.event_occurrences eo
		where eo.event_id = p_event and (eo.original_starts_at at time zone 'Asia/Tokyo')::date = n.day);

	-- no longer in the series: deleted, or cancelled when somebody registered
	delete from public.event_occurrences eo
	where eo.event_id = p_event
		and not exists (select 1 from unnest(v_days) as d (day)
			where d.day = (eo.original_starts_at at time zone 'Asia/Tokyo')::date)
		and not exists (select 1 from public.registrations r where r.occurrence_id = eo.id and r.status <> 'cancelled');
	update public.event_occurrences eo set status = 'cancelled'
	where eo.event_id = p_event and eo.status = 'scheduled'
		and not exists (select 1 from unnest(v_days) as d (day)
			where d.day = (eo.original_starts_at at time zone 'Asia/Tokyo')::date);
end $$;
revoke execute on function private.save_occurrences(uuid, jsonb) from public;
grant execute on function private.save_occurrences(uuid, jsonb) to authenticated, service_role;

-- Saves an event with its fields, co-hosts and occurrences in one transaction
-- (security invoker: RLS and the guards decide who writes the event, its
-- fields and co-hosts; private.save_occurrences checks the same right once for
-- the dates). p_cohost_ids: the organizations named as co-hosts, each of which
-- must accept (see "Co-hosts with consent"). p_occurrences: the series'
-- occurrences, computed by the app from the RRULE (see private.save_occurrences).
create or replace function public.save_event(
	p_id uuid, p_event jsonb, p_field_ids uuid[], p_cohost_ids uuid[], p_occurrences jsonb
) returns uuid
language plpgsql set search_path = '' as $$
declare
	v_id uuid := p_id;
begin
	if v_id is null then
		insert into public.events (title, kind, summary, body, starts_at, ends_at, all_day, rrule, venue_name,
			venue_address, online_url, area_id, organization_id, capacity, registration_opens_at,
			registration_closes_at, waitlist_enabled, audience_note, accessibility, contact_name, contact_phone,
			contact_email, status)
		select r.title, r.kind, r.summary, r.body, r.starts_at, r.ends_at, r.all_day, r.rrule, r.venue_name,
			r.venue_address, r.online_url, r.area_id, r.organization_id, r.capacity, r.registration_opens_at,
			r.registration_closes_at, r.waitlist_enabled, r.audience_note, r.accessibility, r.contact_name,
			r.contact_phone, r.contact_email, r.status
		from jsonb_populate_record(null::public.events, p_event) r
		returning id into v_id;
	else
		-- (a capacity or waiting-list change promotes through the trigger on events)
		update public.events e set title = r.title, kind = r.kind, summary = r.summary, body = r.body,
			starts_at = r.starts_at, ends_at = r.ends_at, all_day = r.all_day, rrule = r.rrule,
			venue_name = r.venue_name, venue_address = r.venue_address, online_url = r.online_url,
			area_id = r.area_id, organization_id = r.organization_id, capacity = r.capacity,
			registration_opens_at = r.registration_opens_at, registration_closes_at = r.registration_closes_at,
			waitlist_enabled = r.waitlist_enabled, audience_note = r.audience_note, accessibility = r.accessibility,
			contact_name = r.contact_name, contact_phone = r.contact_phone, contact_email = r.contact_email,
			status = r.status
		from jsonb_populate_record(null::public.events, p_event) r
		where e.id = v_id;
		if not found then
			raise exception 'event not found or not editable' using errcode = '42501', hint = 'forbidden';
		end if;
	end if;

	perform set_config('tsunagu.saving_event', v_id::text, true);
	delete from public.event_fields where event_id = v_id;
	insert into public.event_fields (event_id, field_id) select v_id, f from unnest(coalesce(p_field_ids, '{}')) f;
	-- co-hosts still named keep their row (and whether they accepted); new ones
	-- are invited (see "Co-hosts with consent" below); the others are removed
	delete from public.event_cohosts c
		where c.event_id = v_id and not (c.organization_id = any (coalesce(p_cohost_ids, '{}')));
	insert into public.event_cohosts (event_id, organization_id)
		select distinct v_id, c from unnest(coalesce(p_cohost_ids, '{}')) c
		on conflict (event_id, organization_id) do nothing;
	perform private.save_occurrences(v_id, p_occurrences);
	return v_id;
end $$;

-- Co-hosts with consent ------------------------------------------------------------
-- Naming an organization as co-host (共催) is an invitation. Only once one of
-- its owners or editors accepts is it shown on the event, counted in the
-- organization's lists and feeds (search_occurrences), and do its editors
-- manage the event. Naming an organization one edits for is its consent.
alter table public.event_cohosts
	add column invited_by uuid references public.profiles (id) on delete set null default auth.uid(),
	add column invited_at timestamptz not null default now(),
	-- null: invited, not (yet) accepted
	add column accepted_at timestamptz,
	add column accepted_by uuid references public.profiles (id) on delete set null;
create index event_cohosts_invited_by_idx on public.event_cohosts (invited_by);
create index event_cohosts_accepted_by_idx on public.event_cohosts (accepted_by);
-- an organization's pending requests, for its page
create index event_cohosts_pending_idx on public.event_cohosts (organization_id, invited_at) where accepted_at is null;

-- Rows from before: consented to when the organiser edits for that organization;
-- the others become invitations (notified below).
update public.event_cohosts c set accepted_at = now(), accepted_by = e.organizer_id
from public.events e
where e.id = c.event_id and exists (
	select 1 from public.organization_members m
	where m.organization_id = c.organization_id and m.user_id = e.organizer_id and m.role in ('owner', 'editor'));
update public.event_cohosts c set invited_by = e.organizer_id
from public.events e where e.id = c.event_id;

-- In-app notice to an organization's owners and editors: a co-host request.
alter table public.notifications
	add column organization_id uuid references public.organizations (id) on delete cascade;
-- (grants and policies unchanged: people read their own notifications, this
-- column included, and set only read_at)
create index notifications_organization_idx on public.notifications (organization_id);
alter table public.notifications drop constraint notifications_kind;
alter table public.notifications add constraint notifications_kind check
	(kind in ('promoted', 'event_changed', 'event_cancelled', 'occurrence_cancelled', 'cohost_invited'));

insert into public.notifications (user_id, kind, event_id, organization_id)
select m.user_id, 'cohost_invited', c.event_id, c.organization_id
from public.event_cohosts c
join public.organization_members m on m.organization_id = c.organization_id and m.role in ('owner', 'editor')
where c.accepted_at is null;

-- Through the API, who invited and whether it is accepted are never the caller's to say.
create function private.guard_cohost_insert() returns trigger
language plpgsql set search_path = '' as $$
begin
	if coalesce(auth.role(), '') in ('anon', 'authenticated') then
		new.invited_by := auth.uid();
		new.invited_at := now();
		if private.org_role(new.organization_id) in ('owner', 'editor') then
			new.accepted_at := now();
			new.accepted_by := auth.uid();
		else
			new.accepted_at := null;
			new.accepted_by := null;
		end if;
	end if;
	return new;
end $$;
revoke execute on function private.guard_cohost_insert() from public;
create trigger event_cohosts_guard before insert on public.event_cohosts
	for each row execute function private.guard_cohost_insert();

create function private.notify_cohost_invited() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if new.accepted_at is null then
		insert into public.notifications (user_id, kind, event_id, organization_id)
		select m.user_id, 'cohost_invited', new.event_id, new.organization_id
		from public.organization_members m
		where m.organization_id = new.organization_id and m.role in ('owner', 'editor')
			and m.user_id is distinct from new.invited_by;
	end if;
	return null;
end $$;
revoke execute on function private.notify_cohost_invited() from public;
create trigger event_cohosts_notify after insert on public.event_cohosts
	for each row execute function private.notify_cohost_invited();

-- Who may manage an event: its organiser, editors/owners of the organizing or
-- an accepted co-hosting organization, and coordinators. An invited
-- organization's editors do not, until they accept.
create or replace function private.can_manage_event(p_event uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select (select auth.uid()) is not null and (
		(select private.is_coordinator())
		or exists (select 1 from public.events e where e.id = p_event and e.organizer_id = (select auth.uid()))
		or exists (
			select 1 from public.events e
			join public.organization_members m on m.organization_id = e.organization_id
			where e.id = p_event and m.user_id = (select auth.uid()) and m.role in ('owner', 'editor'))
		or exists (
			select 1 from public.event_cohosts c
			join public.organization_members m on m.organization_id = c.organization_id
			where c.event_id = p_event and c.accepted_at is not null
				and m.user_id = (select auth.uid()) and m.role in ('owner', 'editor')))
$$;

-- Whether the requesting person is an owner or editor of an organization named
-- as co-host of the event, accepted or not: they see the event (a draft too)
-- so that they can decide.
create function private.edits_for_cohost(p_event uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select (select auth.uid()) is not null and exists (
		select 1 from public.event_cohosts c
		join public.organization_members m on m.organization_id = c.organization_id
		where c.event_id = p_event and m.user_id = (select auth.uid()) and m.role in ('owner', 'editor'))
$$;
revoke execute on function private.edits_for_cohost(uuid) from public;
grant execute on function private.edits_for_cohost(uuid) to anon, authenticated, service_role;

create or replace function private.event_visible(p_event uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select exists (select 1 from public.events e where e.id = p_event and e.status <> 'draft')
		or private.can_manage_event(p_event)
		or private.edits_for_cohost(p_event)
$$;

drop policy "events: published for all, drafts for organisers" on public.events;
create policy "events: published for all, drafts for organisers and invited co-hosts" on public.events
	for select to anon, authenticated
	using (status <> 'draft' or organizer_id = (select auth.uid()) or private.can_manage_event(id)
		or private.edits_for_cohost(id));

-- event_cohosts: accepted rows are read with the event; invitations only by the
-- event's organisers and the invited organization's owners and editors.
-- Organisers add and remove co-hosts (insert: only which event and which
-- organization; the trigger above fills in the rest); answering goes through
-- the functions below.
drop policy "event_cohosts: read with the event" on public.event_cohosts;
create policy "event_cohosts: accepted with the event, invitations for both sides" on public.event_cohosts
	for select to anon, authenticated
	using ((accepted_at is not null and private.event_visible(event_id))
		or private.can_manage_event(event_id)
		or private.org_role(organization_id) in ('owner', 'editor'));
revoke insert on public.event_cohosts from authenticated;
grant insert (event_id, organization_id) on public.event_cohosts to authenticated;
-- (unchanged: "event_cohosts: organisers add" and "event_cohosts: organisers
-- remove", both private.can_manage_event(event_id); select to anon and
-- authenticated, delete to authenticated, everything to service_role)

-- Accepting or declining a co-host request, by the invited organization's
-- owners and editors only. Declining an accepted one withdraws the organization.
create function private.answer_cohost_invitation(p_event uuid, p_organization uuid, p_accept boolean)
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
begin
	if v_uid is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	if private.org_role(p_organization) is distinct from 'owner'
		and private.org_role(p_organization) is distinct from 'editor' then
		raise exception 'only the organization''s owners and editors answer' using errcode = '42501', hint = 'forbidden';
	end if;
	perform 1 from public.event_cohosts c
		where c.event_id = p_event and c.organization_id = p_organization for update;
	if not found then
		raise exception 'no such co-host request' using errcode = 'P0002', hint = 'not_found';
	end if;
	if p_accept then
		update public.event_cohosts c set accepted_at = now(), accepted_by = v_uid
			where c.event_id = p_event and c.organization_id = p_organization and c.accepted_at is null;
	else
		delete from public.event_cohosts c where c.event_id = p_event and c.organization_id = p_organization;
	end if;
end $$;
revoke execute on function private.answer_cohost_invitation(uuid, uuid, boolean) from public;
grant execute on function private.answer_cohost_invitation(uuid, uuid, boolean) to authenticated;

create function public.accept_cohost_invitation(p_event uuid, p_organization uuid)
returns void language sql set search_path = '' as $$
	select private.answer_cohost_invitation(p_event, p_organization, true)
$$;
create function public.decline_cohost_invitation(p_event uuid, p_organization uuid)
returns void language sql set search_path = '' as $$
	select private.answer_cohost_invitation(p_event, p_organization, false)
$$;
revoke execute on function public.accept_cohost_invitation(uuid, uuid), public.decline_cohost_invitation(uuid, uuid)
	from public, anon;
grant execute on function public.accept_cohost_invitation(uuid, uuid), public.decline_cohost_invitation(uuid, uuid)
	to authenticated, service_role;

-- An organization's events: the ones it organizes and the ones it accepted to
-- co-host. "Seats left": none while anybody waits.
create or replace function public.search_occurrences(
	p_from timestamptz, p_to timestamptz default null, p_q text default null,
	p_kind public.event_kind default null, p_area uuid default null, p_field uuid default null,
	p_organization uuid default null, p_seats_left boolean default false, p_online boolean default false
) returns setof public.event_occurrences
language sql stable set search_path = '' as $$
	select o.* from public.event_occurrences o join public.events e on e.id = o.event_id
	-- the starts_at bound lets the index on starts_at do the work; events longer than 31 days are not a thing here
	where o.starts_at >= p_from - interval '31 days' and o.ends_at >= p_from
		and (p_to is null or o.starts_at < p_to)
		and e.status in ('published', 'cancelled')
		and (nullif(btrim(p_q), '') is null or e.search_text like private.contains_pattern(btrim(p_q)))
		and (p_kind is null or e.kind = p_kind)
		and (p_area is null or e.area_id = p_area)
		and (p_field is null or exists (select 1 from public.event_fields f where f.event_id = e.id and f.field_id = p_field))
		and (p_organization is null or e.organization_id = p_organization
			or exists (select 1 from public.event_cohosts c where c.event_id = e.id and c.organization_id = p_organization
				and c.accepted_at is not null))
		-- a place for a newcomer: free places and nobody waiting for them
		and (not p_seats_left or (o.status = 'scheduled' and e.status = 'published'
			and (e.capacity is null or (o.going_count < e.capacity and o.waiting_count = 0))))
		and (not p_online or e.online_url is not null)
	order by o.starts_at, o.id
$$;
