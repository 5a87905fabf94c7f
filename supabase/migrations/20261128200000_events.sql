-- Forums and events (フォーラム・イベント), their occurrences, registrations
-- (参加申込) with capacity and a waiting list, in-app notifications and
-- personal calendar feed tokens.

create type public.event_kind as enum ('forum', 'salon', 'workshop', 'meeting', 'volunteer', 'other');
create type public.event_status as enum ('draft', 'published', 'cancelled');
create type public.occurrence_status as enum ('scheduled', 'cancelled');
create type public.registration_status as enum ('going', 'waitlisted', 'cancelled');

create table public.events (
	id uuid primary key default extensions.gen_random_uuid(),
	title text not null constraint events_title_length check (char_length(btrim(title)) between 1 and 120),
	kind public.event_kind not null,
	summary text not null default '' constraint events_summary_length check (char_length(summary) <= 200),
	body text not null default '' constraint events_body_length check (char_length(body) <= 20000),
	-- the first occurrence; a series repeats it by rrule
	starts_at timestamptz not null,
	ends_at timestamptz not null,
	all_day boolean not null default false,
	-- RFC 5545 RRULE (without DTSTART), e.g. FREQ=MONTHLY;BYDAY=2TU;COUNT=12
	rrule text constraint events_rrule_format check (rrule ~ '^FREQ=(WEEKLY|MONTHLY);[A-Z0-9=;,+-]+$'),
	venue_name text constraint events_venue_name_length check (char_length(venue_name) <= 200),
	venue_address text constraint events_venue_address_length check (char_length(venue_address) <= 300),
	online_url text constraint events_online_url check (char_length(online_url) <= 500 and online_url ~ '^https?://'),
	area_id uuid references public.areas (id),
	organization_id uuid references public.organizations (id) on delete set null,
	organizer_id uuid not null default auth.uid() references public.profiles (id),
	capacity integer constraint events_capacity_positive check (capacity > 0 and capacity <= 100000),
	registration_opens_at timestamptz,
	-- null: registration closes when each occurrence starts
	registration_closes_at timestamptz,
	waitlist_enabled boolean not null default true,
	audience_note text constraint events_audience_length check (char_length(audience_note) <= 300),
	accessibility text constraint events_accessibility_length check (char_length(accessibility) <= 500),
	contact_name text constraint events_contact_name_length check (char_length(contact_name) <= 100),
	contact_phone text constraint events_contact_phone check
		(char_length(contact_phone) <= 30 and contact_phone ~ '^[0-9０-９+()（）\- ー－]+$'),
	contact_email text constraint events_contact_email check
		(char_length(contact_email) <= 254 and contact_email ~ '^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$'),
	status public.event_status not null default 'draft',
	cancel_reason text constraint events_cancel_reason_length check (char_length(cancel_reason) <= 500),
	-- iCalendar SEQUENCE: bumped whenever time, place or status changes
	sequence integer not null default 0,
	published_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	search_text text generated always as (private.search_normalize(title || ' ' || summary || ' ' || body
		|| ' ' || coalesce(venue_name, ''))) stored,
	constraint events_time_order check (ends_at > starts_at),
	constraint events_registration_window check
		(registration_opens_at is null or registration_closes_at is null or registration_closes_at > registration_opens_at),
	constraint events_place check (venue_name is not null or online_url is not null)
);
create index events_organization_idx on public.events (organization_id);
create index events_organizer_idx on public.events (organizer_id);
create index events_area_idx on public.events (area_id);
create index events_search_idx on public.events using gin (search_text extensions.gin_trgm_ops);

create table public.event_fields (
	event_id uuid not null references public.events (id) on delete cascade,
	field_id uuid not null references public.fields (id),
	primary key (event_id, field_id)
);
create index event_fields_field_idx on public.event_fields (field_id);

-- 共催: co-hosting organizations; their editors edit the event and see attendees
create table public.event_cohosts (
	event_id uuid not null references public.events (id) on delete cascade,
	organization_id uuid not null references public.organizations (id) on delete cascade,
	primary key (event_id, organization_id)
);
create index event_cohosts_org_idx on public.event_cohosts (organization_id);

create table public.event_occurrences (
	id uuid primary key default extensions.gen_random_uuid(),
	event_id uuid not null references public.events (id) on delete cascade,
	starts_at timestamptz not null,
	ends_at timestamptz not null,
	-- the start the series rule gave it (iCalendar RECURRENCE-ID), kept when moved
	original_starts_at timestamptz not null,
	status public.occurrence_status not null default 'scheduled',
	cancel_reason text constraint event_occurrences_cancel_reason_length check (char_length(cancel_reason) <= 500),
	-- people counted against capacity (registrants plus their companions), kept by the join functions
	going_count integer not null default 0 constraint event_occurrences_going_count check (going_count >= 0),
	sequence integer not null default 0,
	constraint event_occurrences_time_order check (ends_at > starts_at),
	constraint event_occurrences_unique unique (event_id, original_starts_at)
);
create index event_occurrences_starts_idx on public.event_occurrences (starts_at, id);
create index event_occurrences_event_idx on public.event_occurrences (event_id, starts_at);

create table public.registrations (
	id uuid primary key default extensions.gen_random_uuid(),
	occurrence_id uuid not null references public.event_occurrences (id) on delete cascade,
	-- null for people who applied by phone or on paper (no account needed)
	user_id uuid references public.profiles (id) on delete cascade,
	guest_name text constraint registrations_guest_name_length check (char_length(btrim(guest_name)) between 1 and 100),
	guest_phone text constraint registrations_guest_phone_length check (char_length(guest_phone) <= 30),
	note text constraint registrations_note_length check (char_length(note) <= 300),
	companions integer not null default 0 constraint registrations_companions check (companions between 0 and 9),
	status public.registration_status not null,
	-- waiting-list order: first come, first promoted
	queued_at timestamptz not null default clock_timestamp(),
	attended boolean,
	added_by uuid references public.profiles (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint registrations_person check ((user_id is null) <> (guest_name is null))
);
create unique index registrations_user_unique on public.registrations (occurrence_id, user_id) where user_id is not null;
create index registrations_occurrence_idx on public.registrations (occurrence_id, status, queued_at);
create index registrations_user_idx on public.registrations (user_id, created_at desc);
create index registrations_added_by_idx on public.registrations (added_by);

create table public.notifications (
	id uuid primary key default extensions.gen_random_uuid(),
	user_id uuid not null references public.profiles (id) on delete cascade,
	-- promoted | event_changed | event_cancelled | occurrence_cancelled
	kind text not null constraint notifications_kind check
		(kind in ('promoted', 'event_changed', 'event_cancelled', 'occurrence_cancelled')),
	event_id uuid references public.events (id) on delete cascade,
	occurrence_id uuid references public.event_occurrences (id) on delete cascade,
	created_at timestamptz not null default now(),
	read_at timestamptz
);
create index notifications_user_idx on public.notifications (user_id, created_at desc);
-- the header's unread count on every page for signed-in people
create index notifications_unread_idx on public.notifications (user_id) where read_at is null;
create index notifications_event_idx on public.notifications (event_id);
create index notifications_occurrence_idx on public.notifications (occurrence_id);

-- A member's secret calendar feed (/me/calendar/<token>.ics); only its hash is stored.
create table public.calendar_tokens (
	user_id uuid primary key references public.profiles (id) on delete cascade,
	token_hash text not null unique constraint calendar_tokens_sha256 check (token_hash ~ '^[0-9a-f]{64}$'),
	created_at timestamptz not null default now()
);

create trigger events_touch before update on public.events
	for each row execute function private.touch_updated_at();
create trigger registrations_touch before update on public.registrations
	for each row execute function private.touch_updated_at();

-- Who may manage an event: its organiser, editors/owners of the organizing or a
-- co-hosting organization, and coordinators.
create function private.can_manage_event(p_event uuid) returns boolean
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
			where c.event_id = p_event and m.user_id = (select auth.uid()) and m.role in ('owner', 'editor')))
$$;

create function private.event_visible(p_event uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select exists (select 1 from public.events e where e.id = p_event and e.status <> 'draft')
		or private.can_manage_event(p_event)
$$;

create function private.occurrence_event(p_occurrence uuid) returns uuid
language sql stable security definer set search_path = '' as $$
	select o.event_id from public.event_occurrences o where o.id = p_occurrence
$$;

revoke execute on function private.can_manage_event(uuid), private.event_visible(uuid),
	private.occurrence_event(uuid) from public;
grant execute on function private.can_manage_event(uuid), private.event_visible(uuid),
	private.occurrence_event(uuid) to anon, authenticated, service_role;

-- An event is published for an organization only by that organization's editors.
create function private.guard_event_write() returns trigger
language plpgsql set search_path = '' as $$
begin
	if coalesce(auth.role(), '') in ('anon', 'authenticated') then
		if new.organization_id is not null
			and (tg_op = 'INSERT' or new.organization_id is distinct from old.organization_id)
			and not private.is_coordinator()
			and private.org_role(new.organization_id) is distinct from 'owner'
			and private.org_role(new.organization_id) is distinct from 'editor' then
			raise exception 'only editors publish for an organization' using errcode = '42501';
		end if;
		if tg_op = 'UPDATE' and new.organizer_id is distinct from old.organizer_id then
			raise exception 'the organiser cannot be changed' using errcode = '42501';
		end if;
	end if;
	if tg_op = 'UPDATE' and ((new.starts_at, new.ends_at, new.all_day, new.venue_name, new.venue_address,
		new.online_url, new.status, new.rrule) is distinct from (old.starts_at, old.ends_at, old.all_day,
		old.venue_name, old.venue_address, old.online_url, old.status, old.rrule)) then
		new.sequence := old.sequence + 1;
	end if;
	if new.status = 'published' and new.published_at is null then
		new.published_at := now();
	end if;
	return new;
end $$;
create trigger events_guard before insert or update on public.events
	for each row execute function private.guard_event_write();

-- RLS and privileges ------------------------------------------------------------

alter table public.events enable row level security;
alter table public.event_fields enable row level security;
alter table public.event_cohosts enable row level security;
alter table public.event_occurrences enable row level security;
alter table public.registrations enable row level security;
alter table public.notifications enable row level security;
alter table public.calendar_tokens enable row level security;

grant select, insert, update, delete on public.events, public.event_fields, public.event_cohosts,
	public.event_occurrences, public.registrations, public.notifications, public.calendar_tokens to service_role;

grant select on public.events to anon, authenticated;
grant insert (title, kind, summary, body, starts_at, ends_at, all_day, rrule, venue_name, venue_address, online_url,
	area_id, organization_id, capacity, registration_opens_at, registration_closes_at, waitlist_enabled,
	audience_note, accessibility, contact_name, contact_phone, contact_email, status, cancel_reason)
	on public.events to authenticated;
grant update (title, kind, summary, body, starts_at, ends_at, all_day, rrule, venue_name, venue_address, online_url,
	area_id, organization_id, capacity, registration_opens_at, registration_closes_at, waitlist_enabled,
	audience_note, accessibility, contact_name, contact_phone, contact_email, status, cancel_reason)
	on public.events to authenticated;
-- organizer_id is checked on the row itself: a function's lookup cannot see a
-- row that the same statement is inserting (INSERT … RETURNING of a draft)
create policy "events: published for all, drafts for organisers" on public.events
	for select to anon, authenticated
	using (status <> 'draft' or organizer_id = (select auth.uid()) or private.can_manage_event(id));
create policy "events: members create their own" on public.events
	for insert to authenticated
	with check (organizer_id = (select auth.uid()));
create policy "events: organisers change" on public.events
	for update to authenticated
	using (organizer_id = (select auth.uid()) or private.can_manage_event(id))
	with check (organizer_id = (select auth.uid()) or private.can_manage_event(id));

grant select on public.event_fields, public.event_cohosts to anon, authenticated;
grant insert, delete on public.event_fields, public.event_cohosts to authenticated;
create policy "event_fields: read with the event" on public.event_fields
	for select to anon, authenticated using (private.event_visible(event_id));
create policy "event_fields: organisers add" on public.event_fields
	for insert to authenticated with check (private.can_manage_event(event_id));
create policy "event_fields: organisers remove" on public.event_fields
	for delete to authenticated using (private.can_manage_event(event_id));
create policy "event_cohosts: read with the event" on public.event_cohosts
	for select to anon, authenticated using (private.event_visible(event_id));
create policy "event_cohosts: organisers add" on public.event_cohosts
	for insert to authenticated with check (private.can_manage_event(event_id));
create policy "event_cohosts: organisers remove" on public.event_cohosts
	for delete to authenticated using (private.can_manage_event(event_id));

grant select on public.event_occurrences to anon, authenticated;
grant insert (event_id, starts_at, ends_at, original_starts_at, status, cancel_reason),
	update (starts_at, ends_at, original_starts_at, status, cancel_reason), delete on public.event_occurrences to authenticated;
create policy "event_occurrences: read with the event" on public.event_occurrences
	for select to anon, authenticated using (private.event_visible(event_id));
create policy "event_occurrences: organisers add" on public.event_occurrences
	for insert to authenticated with check (private.can_manage_event(event_id));
create policy "event_occurrences: organisers change" on public.event_occurrences
	for update to authenticated
	using (private.can_manage_event(event_id)) with check (private.can_manage_event(event_id));
create policy "event_occurrences: organisers remove" on public.event_occurrences
	for delete to authenticated using (private.can_manage_event(event_id));

-- registrations: a person sees their own; organisers see all of their event's.
-- Joining and leaving go through the functions below (capacity under a lock).
grant select on public.registrations to authenticated;
grant update (attended, note) on public.registrations to authenticated;
create policy "registrations: own and organisers" on public.registrations
	for select to authenticated
	using (user_id = (select auth.uid()) or private.can_manage_event(private.occurrence_event(occurrence_id)));
create policy "registrations: organisers mark attendance" on public.registrations
	for update to authenticated
	using (private.can_manage_event(private.occurrence_event(occurrence_id)))
	with check (private.can_manage_event(private.occurrence_event(occurrence_id)));

grant select, update (read_at) on public.notifications to authenticated;
create policy "notifications: own" on public.notifications
	for select to authenticated using (user_id = (select auth.uid()));
create policy "notifications: mark own read" on public.notifications
	for update to authenticated
	using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

grant select, insert, delete on public.calendar_tokens to authenticated;
create policy "calendar_tokens: own" on public.calendar_tokens
	for select to authenticated using (user_id = (select auth.uid()));
create policy "calendar_tokens: create own" on public.calendar_tokens
	for insert to authenticated with check (user_id = (select auth.uid()));
create policy "calendar_tokens: remove own" on public.calendar_tokens
	for delete to authenticated using (user_id = (select auth.uid()));

-- Joining and leaving ---------------------------------------------------------------
-- Capacity and the waiting list are decided here, under a row lock on the
-- occurrence, never by read-then-write in the app.

create function private.occurrence_capacity(p_occurrence uuid) returns integer
language sql stable security definer set search_path = '' as $$
	select e.capacity from public.event_occurrences o join public.events e on e.id = o.event_id
	where o.id = p_occurrence
$$;

-- Promotes waiting people, first come first served, while the first in line fits.
create function private.promote_waitlist(p_occurrence uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_capacity integer := private.occurrence_capacity(p_occurrence);
	v_going integer;
	r public.registrations;
begin
	select going_count into v_going from public.event_occurrences where id = p_occurrence;
	loop
		select * into r from public.registrations
			where occurrence_id = p_occurrence and status = 'waitlisted'
			order by queued_at, id limit 1;
		exit when not found;
		exit when v_capacity is not null and v_going + 1 + r.companions > v_capacity;
		update public.registrations set status = 'going' where id = r.id;
		v_going := v_going + 1 + r.companions;
		if r.user_id is not null then
			insert into public.notifications (user_id, kind, event_id, occurrence_id)
				select r.user_id, 'promoted', o.event_id, o.id from public.event_occurrences o where o.id = p_occurrence;
		end if;
	end loop;
	update public.event_occurrences set going_count = v_going where id = p_occurrence;
end $$;

create function private.join_occurrence(p_occurrence uuid, p_companions integer)
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
		raise exception 'sign in first' using errcode = '42501';
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

	if e.capacity is null or o.going_count + v_people <= e.capacity then
		v_status := 'going';
		update public.event_occurrences set going_count = going_count + v_people where id = p_occurrence;
	elsif e.waitlist_enabled then
		v_status := 'waitlisted';
	else
		raise exception 'full' using errcode = 'P0001', hint = 'full';
	end if;

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

create function private.cancel_registration(p_registration uuid) returns void
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
		raise exception 'not yours' using errcode = '42501';
	end if;
	perform 1 from public.event_occurrences where id = r.occurrence_id for update;
	select * into r from public.registrations where id = p_registration;
	if r.status = 'cancelled' then
		return;
	end if;
	update public.registrations set status = 'cancelled' where id = r.id;
	if r.status = 'going' then
		update public.event_occurrences set going_count = going_count - 1 - r.companions where id = r.occurrence_id;
		perform private.promote_waitlist(r.occurrence_id);
	end if;
end $$;

-- People who applied by phone or on paper, added by an organiser; counted against capacity.
create function private.add_guest_registration(p_occurrence uuid, p_name text, p_phone text, p_note text,
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
		raise exception 'organisers only' using errcode = '42501';
	end if;
	select * into o from public.event_occurrences where id = p_occurrence for update;
	select * into e from public.events where id = o.event_id;
	if e.capacity is null or o.going_count + v_people <= e.capacity then
		v_status := 'going';
		update public.event_occurrences set going_count = going_count + v_people where id = p_occurrence;
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

revoke execute on function private.occurrence_capacity(uuid), private.promote_waitlist(uuid),
	private.join_occurrence(uuid, integer), private.cancel_registration(uuid),
	private.add_guest_registration(uuid, text, text, text, integer) from public;
grant execute on function private.join_occurrence(uuid, integer), private.cancel_registration(uuid),
	private.add_guest_registration(uuid, text, text, text, integer) to authenticated;

create function public.join_occurrence(p_occurrence uuid, p_companions integer default 0)
returns public.registrations language sql set search_path = '' as $$
	select * from private.join_occurrence(p_occurrence, p_companions)
$$;
create function public.cancel_registration(p_registration uuid)
returns void language sql set search_path = '' as $$
	select private.cancel_registration(p_registration)
$$;
create function public.add_guest_registration(p_occurrence uuid, p_name text, p_phone text default null,
	p_note text default null, p_companions integer default 0)
returns public.registrations language sql set search_path = '' as $$
	select * from private.add_guest_registration(p_occurrence, p_name, p_phone, p_note, p_companions)
$$;
revoke execute on function public.join_occurrence(uuid, integer), public.cancel_registration(uuid),
	public.add_guest_registration(uuid, text, text, text, integer) from public, anon;
grant execute on function public.join_occurrence(uuid, integer), public.cancel_registration(uuid),
	public.add_guest_registration(uuid, text, text, text, integer) to authenticated, service_role;

-- Notifications for registrants when an event's time or place changes or it is cancelled.
create function private.notify_event_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_kind text;
begin
	if new.status = 'cancelled' and old.status <> 'cancelled' then
		v_kind := 'event_cancelled';
	elsif old.status = 'published' and new.status = 'published' and (new.starts_at, new.ends_at, new.venue_name,
		new.venue_address, new.online_url) is distinct from (old.starts_at, old.ends_at, old.venue_name,
		old.venue_address, old.online_url) then
		v_kind := 'event_changed';
	else
		return new;
	end if;
	insert into public.notifications (user_id, kind, event_id)
		select distinct r.user_id, v_kind, new.id
		from public.registrations r join public.event_occurrences o on o.id = r.occurrence_id
		where o.event_id = new.id and r.user_id is not null and r.status <> 'cancelled'
			and o.ends_at > now();
	return new;
end $$;
revoke execute on function private.notify_event_change() from public;
create trigger events_notify after update on public.events
	for each row execute function private.notify_event_change();

create function private.notify_occurrence_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_kind text;
begin
	if new.status = 'cancelled' and old.status <> 'cancelled' then
		v_kind := 'occurrence_cancelled';
	elsif (new.starts_at, new.ends_at) is distinct from (old.starts_at, old.ends_at) then
		new.sequence := old.sequence + 1;
		-- save_event changes the event itself, whose trigger already told its registrants
		if current_setting('tsunagu.saving_event', true) = new.event_id::text then
			return new;
		end if;
		v_kind := 'event_changed';
	else
		return new;
	end if;
	new.sequence := old.sequence + 1;
	insert into public.notifications (user_id, kind, event_id, occurrence_id)
		select r.user_id, v_kind, new.event_id, new.id from public.registrations r
		where r.occurrence_id = new.id and r.user_id is not null and r.status <> 'cancelled';
	return new;
end $$;
revoke execute on function private.notify_occurrence_change() from public;
create trigger event_occurrences_notify before update on public.event_occurrences
	for each row execute function private.notify_occurrence_change();

-- Upcoming occurrences of published (or cancelled) events, filtered, for /events and /calendar.
create function public.search_occurrences(
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
			or exists (select 1 from public.event_cohosts c where c.event_id = e.id and c.organization_id = p_organization))
		and (not p_seats_left or (o.status = 'scheduled' and e.status = 'published'
			and (e.capacity is null or o.going_count < e.capacity)))
		and (not p_online or e.online_url is not null)
	order by o.starts_at, o.id
$$;
revoke execute on function public.search_occurrences(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean) from public;
grant execute on function public.search_occurrences(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean) to anon, authenticated, service_role;

-- The occurrences a calendar token's owner joined (the feed is fetched without a session).
create function private.calendar_feed_user(p_token_hash text) returns uuid
language sql stable security definer set search_path = '' as $$
	select t.user_id from public.calendar_tokens t where t.token_hash = p_token_hash
$$;
revoke execute on function private.calendar_feed_user(text) from public;

-- Saves an event with its fields, co-hosts and occurrences in one transaction
-- (security invoker: RLS and the guards decide). p_occurrences: the series'
-- occurrences as [{"starts_at": …, "ends_at": …}], computed by the app from the
-- RRULE. An existing occurrence on the same Tokyo day keeps its id and
-- registrations and takes the new times; one no longer in the series is
-- deleted, or cancelled when people registered for it.
create function public.save_event(
	p_id uuid, p_event jsonb, p_field_ids uuid[], p_cohost_ids uuid[], p_occurrences jsonb
) returns uuid
language plpgsql set search_path = '' as $$
declare
	v_id uuid := p_id;
	o record;
	v_day date;
	v_days date[] := '{}';
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
			raise exception 'event not found or not editable' using errcode = '42501';
		end if;
	end if;

	perform set_config('tsunagu.saving_event', v_id::text, true);
	delete from public.event_fields where event_id = v_id;
	insert into public.event_fields (event_id, field_id) select v_id, f from unnest(coalesce(p_field_ids, '{}')) f;
	delete from public.event_cohosts where event_id = v_id;
	insert into public.event_cohosts (event_id, organization_id)
		select v_id, c from unnest(coalesce(p_cohost_ids, '{}')) c;

	for o in select (x ->> 'starts_at')::timestamptz as starts_at, (x ->> 'ends_at')::timestamptz as ends_at
		from jsonb_array_elements(p_occurrences) x
	loop
		v_day := (o.starts_at at time zone 'Asia/Tokyo')::date;
		v_days := v_days || v_day;
		update public.event_occurrences eo set starts_at = o.starts_at, ends_at = o.ends_at,
			original_starts_at = o.starts_at
		where eo.event_id = v_id and (eo.original_starts_at at time zone 'Asia/Tokyo')::date = v_day
			and (eo.starts_at, eo.ends_at, eo.original_starts_at) is distinct from (o.starts_at, o.ends_at, o.starts_at);
		insert into public.event_occurrences (event_id, starts_at, ends_at, original_starts_at)
		select v_id, o.starts_at, o.ends_at, o.starts_at
		where not exists (select 1 from public.event_occurrences eo
			where eo.event_id = v_id and (eo.original_starts_at at time zone 'Asia/Tokyo')::date = v_day);
	end loop;

	delete from public.event_occurrences eo
	where eo.event_id = v_id
		and not ((eo.original_starts_at at time zone 'Asia/Tokyo')::date = any (v_days))
		and not exists (select 1 from public.registrations r where r.occurrence_id = eo.id and r.status <> 'cancelled');
	update public.event_occurrences eo set status = 'cancelled'
	where eo.event_id = v_id and eo.status = 'scheduled'
		and not ((eo.original_starts_at at time zone 'Asia/Tokyo')::date = any (v_days));
	return v_id;
end $$;
revoke execute on function public.save_event(uuid, jsonb, uuid[], uuid[], jsonb) from public, anon;
grant execute on function public.save_event(uuid, jsonb, uuid[], uuid[], jsonb) to authenticated, service_role;

-- A person's place on the waiting lists of the given occurrences (1 = next to be promoted).
create function private.my_waitlist_positions(p_occurrences uuid[])
returns table (occurrence_id uuid, waitlist_position integer)
language sql stable security definer set search_path = '' as $$
	select mine.occurrence_id, (
		select count(*)::integer from public.registrations r
		where r.occurrence_id = mine.occurrence_id and r.status = 'waitlisted'
			and (r.queued_at, r.id) <= (mine.queued_at, mine.id))
	from public.registrations mine
	where mine.user_id = (select auth.uid()) and mine.status = 'waitlisted'
		and mine.occurrence_id = any (p_occurrences)
$$;
revoke execute on function private.my_waitlist_positions(uuid[]) from public;
grant execute on function private.my_waitlist_positions(uuid[]) to authenticated;
create function public.my_waitlist_positions(p_occurrences uuid[])
returns table (occurrence_id uuid, waitlist_position integer)
language sql stable set search_path = '' as $$
	select * from private.my_waitlist_positions(p_occurrences)
$$;
revoke execute on function public.my_waitlist_positions(uuid[]) from public, anon;
grant execute on function public.my_waitlist_positions(uuid[]) to authenticated, service_role;

-- Organisers see the names of the people registered for their events (for the
-- attendee list), in addition to the rules of 20261128100000.
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
		or exists (
			select 1 from public.registrations r
			join public.event_occurrences o on o.id = r.occurrence_id
			where r.user_id = p_profile and r.status <> 'cancelled' and private.can_manage_event(o.event_id)
		))
$$;
