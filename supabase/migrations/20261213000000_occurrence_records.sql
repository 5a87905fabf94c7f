-- Records of held dates (開催記録), issue 14.
--
-- After a date has taken place, the event's organisers and coordinators write
-- what happened, following a municipal 会議録（要旨）: the 会議体 or forum name,
-- the venue (or オンライン), the agenda (議題), the gist of what was said
-- (意見の要旨), minutes (Markdown), handouts (links), whether it is public, and
-- who came:
-- * registered_attended: registrations marked as attended, with their
--   companions (phone and paper applicants included), kept by a trigger on
--   registrations, so that a mark made after the record still counts;
-- * walk_ins: people who came without applying;
-- * attendance = the two together (延べ参加者 of the date);
-- * headcounts by kind of participant (住民, 町会・自治会, 民生委員・児童委員, …),
--   each with how many came for the first time; their sum may not exceed the
--   attendance when saved.
-- A record belongs to its date: a date with a record is never deleted or
-- cancelled by a change of the series (private.save_occurrences).
-- Everyone reads a public record of a visible event; organisers and
-- coordinators read and write all of their events' records.

create type public.participant_kind as enum (
	'resident', 'neighbourhood', 'commissioner', 'volunteer', 'council', 'care_centre',
	'business', 'government', 'professional', 'student', 'other'
);

create table public.occurrence_records (
	occurrence_id uuid primary key references public.event_occurrences (id) on delete cascade,
	-- the date's event, set by trigger (RLS asks who manages it)
	event_id uuid not null references public.events (id) on delete cascade,
	forum_name text not null constraint occurrence_records_forum_name_length
		check (char_length(btrim(forum_name)) between 1 and 200),
	venue text not null constraint occurrence_records_venue_length
		check (char_length(btrim(venue)) between 1 and 200),
	agenda text not null default '' constraint occurrence_records_agenda_length check (char_length(agenda) <= 2000),
	summary text not null default '' constraint occurrence_records_summary_length check (char_length(summary) <= 2000),
	-- Markdown
	minutes text not null default '' constraint occurrence_records_minutes_length check (char_length(minutes) <= 20000),
	-- handouts (配布資料): http(s) addresses
	materials text[] not null default '{}' constraint occurrence_records_materials check (
		cardinality(materials) <= 10 and char_length(array_to_string(materials, '')) <= 5000),
	registered_attended integer not null default 0 constraint occurrence_records_registered_attended
		check (registered_attended >= 0),
	walk_ins integer not null default 0 constraint occurrence_records_walk_ins check (walk_ins between 0 and 100000),
	attendance integer generated always as (registered_attended + walk_ins) stored,
	is_public boolean not null default false,
	created_by uuid default auth.uid() references public.profiles (id) on delete set null,
	updated_by uuid default auth.uid() references public.profiles (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index occurrence_records_event_idx on public.occurrence_records (event_id);
create index occurrence_records_created_by_idx on public.occurrence_records (created_by);
create index occurrence_records_updated_by_idx on public.occurrence_records (updated_by);

create table public.occurrence_record_headcounts (
	occurrence_id uuid not null references public.occurrence_records (occurrence_id) on delete cascade,
	kind public.participant_kind not null,
	people integer not null constraint occurrence_record_headcounts_people check (people between 0 and 100000),
	first_time integer not null default 0 constraint occurrence_record_headcounts_first_time
		check (first_time between 0 and people),
	primary key (occurrence_id, kind)
);

-- People who came through their registration: going and marked as attended,
-- each with their companions.
create function private.occurrence_attended(p_occurrence uuid) returns integer
language sql stable security definer set search_path = '' as $$
	select coalesce(sum(1 + r.companions), 0)::integer
	from public.registrations r
	where r.occurrence_id = p_occurrence and r.status = 'going' and r.attended
$$;
revoke execute on function private.occurrence_attended(uuid) from public;
grant execute on function private.occurrence_attended(uuid) to authenticated, service_role;

-- The same count for the record's form: only for those who manage the date's
-- event (0 for anybody else, who cannot see its registrations).
create function public.occurrence_attendance(p_occurrence uuid) returns integer
language sql stable set search_path = '' as $$
	select case when private.can_manage_event(private.occurrence_event(p_occurrence))
		then private.occurrence_attended(p_occurrence) else 0 end
$$;
revoke execute on function public.occurrence_attendance(uuid) from public;
grant execute on function public.occurrence_attendance(uuid) to authenticated;

-- The record's event is its date's, whatever the writer sent.
create function private.occurrence_record_defaults() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	new.event_id := (select o.event_id from public.event_occurrences o where o.id = new.occurrence_id);
	new.registered_attended := private.occurrence_attended(new.occurrence_id);
	if tg_op = 'UPDATE' then
		new.created_by := old.created_by;
		new.created_at := old.created_at;
		-- a changed count of marks is not somebody editing the record
		if (new.forum_name, new.venue, new.agenda, new.summary, new.minutes, new.materials, new.walk_ins, new.is_public)
			is distinct from (old.forum_name, old.venue, old.agenda, old.summary, old.minutes, old.materials, old.walk_ins, old.is_public)
		then
			new.updated_by := (select auth.uid());
			new.updated_at := now();
		else
			new.updated_by := old.updated_by;
			new.updated_at := old.updated_at;
		end if;
	end if;
	return new;
end $$;
revoke execute on function private.occurrence_record_defaults() from public;
create trigger occurrence_records_defaults before insert or update on public.occurrence_records
	for each row execute function private.occurrence_record_defaults();

-- An attendance mark, a cancellation or a change of companions after the
-- record was written changes its count.
create function private.refresh_record_attendance() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_occurrence uuid := coalesce(new.occurrence_id, old.occurrence_id);
begin
	update public.occurrence_records rr set registered_attended = private.occurrence_attended(v_occurrence)
	where rr.occurrence_id = v_occurrence
		and rr.registered_attended is distinct from private.occurrence_attended(v_occurrence);
	return null;
end $$;
revoke execute on function private.refresh_record_attendance() from public;
create trigger registrations_record_attendance
	after insert or delete or update of attended, status, companions on public.registrations
	for each row execute function private.refresh_record_attendance();

alter table public.occurrence_records enable row level security;
alter table public.occurrence_record_headcounts enable row level security;

grant select on public.occurrence_records, public.occurrence_record_headcounts to anon, authenticated;
grant insert, update, delete on public.occurrence_records, public.occurrence_record_headcounts to authenticated;
grant all on public.occurrence_records, public.occurrence_record_headcounts to service_role;

create policy occurrence_records_read on public.occurrence_records for select to anon, authenticated
	using (
		(is_public and (select e.status from public.events e where e.id = event_id) <> 'draft')
		or private.can_manage_event(event_id)
	);
create policy occurrence_records_insert on public.occurrence_records for insert to authenticated
	with check (private.can_manage_event(event_id));
create policy occurrence_records_update on public.occurrence_records for update to authenticated
	using (private.can_manage_event(event_id)) with check (private.can_manage_event(event_id));
create policy occurrence_records_delete on public.occurrence_records for delete to authenticated
	using (private.can_manage_event(event_id));

-- a headcount is read with its record (the records' policy decides) and
-- written by whoever manages the record's event
create policy occurrence_record_headcounts_read on public.occurrence_record_headcounts for select
	to anon, authenticated
	using (exists (select 1 from public.occurrence_records rr where rr.occurrence_id = occurrence_record_headcounts.occurrence_id));
create policy occurrence_record_headcounts_write on public.occurrence_record_headcounts for all to authenticated
	using (private.can_manage_event(private.occurrence_event(occurrence_id)))
	with check (private.can_manage_event(private.occurrence_event(occurrence_id)));

-- Writes a date's record with its headcounts in one transaction (security
-- invoker: RLS decides who writes). p_record: forum_name, venue, agenda,
-- summary, minutes, materials (array), walk_ins, is_public. p_headcounts:
-- [{"kind": "resident", "people": 12, "first_time": 3}, …]; kinds left out
-- are removed. Refusals: not_found (no such date, or not theirs to see),
-- forbidden (not theirs to manage), not_held (the date has not started, or
-- its event is a draft), date_cancelled, headcount_over (the kinds add up to
-- more than came).
create function public.save_occurrence_record(p_occurrence uuid, p_record jsonb, p_headcounts jsonb)
returns integer
language plpgsql set search_path = '' as $$
declare
	v_event uuid;
	v_starts timestamptz;
	v_status public.occurrence_status;
	v_event_status public.event_status;
	v_attendance integer;
	v_counted integer;
begin
	select o.event_id, o.starts_at, o.status, e.status into v_event, v_starts, v_status, v_event_status
	from public.event_occurrences o join public.events e on e.id = o.event_id
	where o.id = p_occurrence;
	if v_event is null then
		raise exception 'no such date' using errcode = 'P0001', hint = 'not_found';
	end if;
	if not private.can_manage_event(v_event) then
		raise exception 'organisers only' using errcode = 'P0001', hint = 'forbidden';
	end if;
	if v_event_status = 'draft' or v_starts > now() then
		raise exception 'not held yet' using errcode = 'P0001', hint = 'not_held';
	end if;
	if v_status = 'cancelled' then
		raise exception 'the date was cancelled' using errcode = 'P0001', hint = 'date_cancelled';
	end if;

	insert into public.occurrence_records as rr
		(occurrence_id, event_id, forum_name, venue, agenda, summary, minutes, materials, walk_ins, is_public)
	values (p_occurrence, v_event, p_record ->> 'forum_name', p_record ->> 'venue',
		coalesce(p_record ->> 'agenda', ''), coalesce(p_record ->> 'summary', ''),
		coalesce(p_record ->> 'minutes', ''),
		coalesce(array(select jsonb_array_elements_text(p_record -> 'materials')), '{}'),
		coalesce((p_record ->> 'walk_ins')::integer, 0), coalesce((p_record ->> 'is_public')::boolean, false))
	on conflict (occurrence_id) do update set
		forum_name = excluded.forum_name, venue = excluded.venue, agenda = excluded.agenda,
		summary = excluded.summary, minutes = excluded.minutes, materials = excluded.materials,
		walk_ins = excluded.walk_ins, is_public = excluded.is_public
	returning rr.attendance into v_attendance;

	delete from public.occurrence_record_headcounts h where h.occurrence_id = p_occurrence;
	insert into public.occurrence_record_headcounts (occurrence_id, kind, people, first_time)
	select p_occurrence, x.kind, x.people, coalesce(x.first_time, 0)
	from jsonb_to_recordset(coalesce(p_headcounts, '[]')) as x (kind public.participant_kind, people integer, first_time integer)
	where x.people > 0 or coalesce(x.first_time, 0) > 0;

	select coalesce(sum(h.people), 0) into v_counted
	from public.occurrence_record_headcounts h where h.occurrence_id = p_occurrence;
	if v_counted > v_attendance then
		raise exception 'the kinds add up to more than came' using errcode = 'P0001', hint = 'headcount_over';
	end if;
	return v_attendance;
end $$;
revoke execute on function public.save_occurrence_record(uuid, jsonb, jsonb) from public;
grant execute on function public.save_occurrence_record(uuid, jsonb, jsonb) to authenticated;

-- A date with a record keeps it: a change of the series no longer deletes or
-- cancels it (otherwise as in 20261202000000_hardening_events).
create or replace function private.save_occurrences(p_event uuid, p_occurrences jsonb) returns void
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

	-- no longer in the series: deleted, or cancelled when somebody registered;
	-- a date with a record stays as it was held
	delete from public.event_occurrences eo
	where eo.event_id = p_event
		and not exists (select 1 from unnest(v_days) as d (day)
			where d.day = (eo.original_starts_at at time zone 'Asia/Tokyo')::date)
		and not exists (select 1 from public.registrations r where r.occurrence_id = eo.id and r.status <> 'cancelled')
		and not exists (select 1 from public.occurrence_records rr where rr.occurrence_id = eo.id);
	update public.event_occurrences eo set status = 'cancelled'
	where eo.event_id = p_event and eo.status = 'scheduled'
		and not exists (select 1 from unnest(v_days) as d (day)
			where d.day = (eo.original_starts_at at time zone 'Asia/Tokyo')::date)
		and not exists (select 1 from public.occurrence_records rr where rr.occurrence_id = eo.id);
end $$;
