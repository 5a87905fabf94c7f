-- 地域の声 (what residents raised at a forum), issue 14.
--
-- A held date's record holds any number of 声: the text, its area and
-- fields, and where it went. Its status moves 受付 → 検討中 → 回答あり / 反映
-- / 見送り (received → considering → answered / reflected / declined); an
-- outcome carries the answer's text, and a step off that path (skipping
-- 検討中, or going back) needs a reason. Each step has its date (status_on,
-- which may be earlier than the day it is written down, never before the
-- forum nor in the future), and every change of status, destination or
-- answer is kept in voice_history by a trigger, whoever wrote it.
-- When a public 声 reaches an outcome, the people marked as attended at its
-- forum are told (notice voice_answered, once per person, 声 and outcome).
-- Everyone reads public 声 of events that are not drafts; the event's
-- organisers and coordinators read and write all of them.

create type public.voice_status as enum ('received', 'considering', 'answered', 'reflected', 'declined');
-- who a 声 was taken to: 第2層協議体, 地域ケア推進会議, a city department, an organization
create type public.voice_destination as enum ('area_council', 'care_meeting', 'department', 'organization');

create table public.voices (
	id uuid primary key default extensions.gen_random_uuid(),
	occurrence_id uuid not null references public.occurrence_records (occurrence_id) on delete cascade,
	-- the record's event, set by trigger (RLS asks who manages it)
	event_id uuid not null references public.events (id) on delete cascade,
	-- the forum's day in Tokyo, set by trigger: the year (年度) a 声 counts in
	raised_on date not null,
	area_id uuid references public.areas (id),
	body text not null constraint voices_body_length check (char_length(btrim(body)) between 1 and 2000),
	is_public boolean not null default false,
	status public.voice_status not null default 'received',
	-- the day of the current status
	status_on date not null,
	-- why this step left the path (required then), or a note on it
	status_note text constraint voices_status_note_length check (char_length(status_note) <= 1000),
	taken_to public.voice_destination,
	-- the council's, department's or organization's name
	taken_to_name text constraint voices_taken_to_name_length check (char_length(taken_to_name) <= 200),
	answer text not null default '' constraint voices_answer_length check (char_length(answer) <= 4000),
	-- the thread or practice that took it up
	thread_id uuid references public.threads (id) on delete set null,
	practice_id uuid references public.practices (id) on delete set null,
	created_by uuid default auth.uid() references public.profiles (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	search_text text generated always as (private.search_normalize(body || ' ' || answer)) stored,
	-- the date itself, readable where the record is private (pages show when it was raised)
	constraint voices_occurrence_date_fkey foreign key (occurrence_id)
		references public.event_occurrences (id) on delete cascade
);
create index voices_search_idx on public.voices using gin (search_text extensions.gin_trgm_ops);
create index voices_occurrence_idx on public.voices (occurrence_id, created_at);
create index voices_event_idx on public.voices (event_id);
-- /voices: newest forums first, narrowed by area or status
create index voices_raised_idx on public.voices (raised_on desc, created_at desc, id);
create index voices_area_idx on public.voices (area_id, raised_on desc);
create index voices_status_idx on public.voices (status, raised_on desc);
create index voices_thread_idx on public.voices (thread_id) where thread_id is not null;
create index voices_practice_idx on public.voices (practice_id) where practice_id is not null;
create index voices_created_by_idx on public.voices (created_by);

create table public.voice_fields (
	voice_id uuid not null references public.voices (id) on delete cascade,
	field_id uuid not null references public.fields (id),
	primary key (voice_id, field_id)
);
create index voice_fields_field_idx on public.voice_fields (field_id);

create table public.voice_history (
	id bigint generated always as identity primary key,
	voice_id uuid not null references public.voices (id) on delete cascade,
	status public.voice_status not null,
	status_on date not null,
	note text,
	taken_to public.voice_destination,
	taken_to_name text,
	answer text not null default '',
	changed_by uuid references public.profiles (id) on delete set null,
	changed_at timestamptz not null default now()
);
create index voice_history_voice_idx on public.voice_history (voice_id, id);
create index voice_history_changed_by_idx on public.voice_history (changed_by);

-- The steps that need no reason: along the path, and from an answer to its reflection.
create function private.voice_step_on_path(p_from public.voice_status, p_to public.voice_status) returns boolean
language sql immutable set search_path = '' as $$
	select (p_from, p_to) in (
		('received'::public.voice_status, 'considering'::public.voice_status),
		('considering', 'answered'), ('considering', 'reflected'), ('considering', 'declined'),
		('answered', 'reflected'))
$$;

-- Everything a 声 is checked against, whoever writes it (the functions below
-- or an update through the API).
create function private.voice_write() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_event uuid;
	v_forum date;
	v_status public.event_status;
begin
	select rr.event_id, (o.starts_at at time zone 'Asia/Tokyo')::date, e.status
	into v_event, v_forum, v_status
	from public.occurrence_records rr
	join public.event_occurrences o on o.id = rr.occurrence_id
	join public.events e on e.id = rr.event_id
	where rr.occurrence_id = new.occurrence_id;
	new.event_id := v_event;
	new.raised_on := v_forum;
	new.body := private.trim_text(new.body);
	new.answer := coalesce(private.trim_text(new.answer), '');
	new.status_note := nullif(private.trim_text(new.status_note), '');
	new.taken_to_name := nullif(private.trim_text(new.taken_to_name), '');
	if tg_op = 'INSERT' then
		new.status := 'received';
		new.status_on := coalesce(new.status_on, v_forum);
		new.created_by := (select auth.uid());
		new.created_at := now();
	else
		new.id := old.id;
		new.created_by := old.created_by;
		new.created_at := old.created_at;
		new.updated_at := now();
		if new.status is distinct from old.status then
			-- this step's reason is the note written with it
			if not private.voice_step_on_path(old.status, new.status)
				and (new.status_note is null or new.status_note is not distinct from old.status_note) then
				raise exception 'a step off the path needs a reason' using errcode = 'P0001', hint = 'voice_needs_reason';
			end if;
		end if;
	end if;
	if new.status_on < v_forum or new.status_on > (now() at time zone 'Asia/Tokyo')::date then
		raise exception 'a step is dated between the forum and today' using errcode = 'P0001', hint = 'voice_bad_date';
	end if;
	if new.status in ('answered', 'reflected', 'declined') and new.answer = '' then
		raise exception 'an outcome needs its answer' using errcode = 'P0001', hint = 'voice_needs_answer';
	end if;
	if new.taken_to is null then
		new.taken_to_name := null;
	end if;
	return new;
end $$;
revoke execute on function private.voice_write() from public;
create trigger voices_write before insert or update on public.voices
	for each row execute function private.voice_write();

-- Every step and every change of where it went or of the answer, as history.
create function private.voice_keep_history() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if tg_op = 'INSERT' or (new.status, new.status_on, new.status_note, new.taken_to, new.taken_to_name, new.answer)
		is distinct from (old.status, old.status_on, old.status_note, old.taken_to, old.taken_to_name, old.answer) then
		insert into public.voice_history (voice_id, status, status_on, note, taken_to, taken_to_name, answer, changed_by)
		values (new.id, new.status, new.status_on, new.status_note, new.taken_to, new.taken_to_name, new.answer,
			(select auth.uid()));
	end if;
	return null;
end $$;
revoke execute on function private.voice_keep_history() from public;
create trigger voices_history after insert or update on public.voices
	for each row execute function private.voice_keep_history();

-- A record that holds 声 is not deleted with them (its date's event going
-- away still takes everything with it).
create function private.record_keeps_voices() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if exists (select 1 from public.voices v where v.occurrence_id = old.occurrence_id)
		and exists (select 1 from public.event_occurrences o where o.id = old.occurrence_id) then
		raise exception 'the record holds voices' using errcode = 'P0001', hint = 'record_has_voices';
	end if;
	return old;
end $$;
revoke execute on function private.record_keeps_voices() from public;
create trigger occurrence_records_keep_voices before delete on public.occurrence_records
	for each row execute function private.record_keeps_voices();

alter table public.voices enable row level security;
alter table public.voice_fields enable row level security;
alter table public.voice_history enable row level security;

grant select on public.voices, public.voice_fields, public.voice_history to anon, authenticated;
grant insert, delete on public.voices, public.voice_fields to authenticated;
grant update (area_id, body, is_public, status, status_on, status_note, taken_to, taken_to_name, answer,
	thread_id, practice_id) on public.voices to authenticated;
grant all on public.voices, public.voice_fields, public.voice_history to service_role;

create policy voices_read on public.voices for select to anon, authenticated
	using (
		(is_public and (select e.status from public.events e where e.id = event_id) <> 'draft')
		or private.can_manage_event(event_id)
	);
create policy voices_insert on public.voices for insert to authenticated
	with check (private.can_manage_event(private.occurrence_event(occurrence_id)));
create policy voices_update on public.voices for update to authenticated
	using (private.can_manage_event(event_id)) with check (private.can_manage_event(event_id));
create policy voices_delete on public.voices for delete to authenticated
	using (private.can_manage_event(event_id));

create function private.voice_event(p_voice uuid) returns uuid
language sql stable security definer set search_path = '' as $$
	select v.event_id from public.voices v where v.id = p_voice
$$;
revoke execute on function private.voice_event(uuid) from public;
grant execute on function private.voice_event(uuid) to anon, authenticated, service_role;

create policy voice_fields_read on public.voice_fields for select to anon, authenticated
	using (exists (select 1 from public.voices v where v.id = voice_fields.voice_id));
create policy voice_fields_write on public.voice_fields for all to authenticated
	using (private.can_manage_event(private.voice_event(voice_id)))
	with check (private.can_manage_event(private.voice_event(voice_id)));
-- history is written by the trigger only; read with its 声
create policy voice_history_read on public.voice_history for select to anon, authenticated
	using (exists (select 1 from public.voices v where v.id = voice_history.voice_id));

-- Writes a 声 and its fields together (security invoker: RLS decides).
-- p_voice null adds one to the record of p_occurrence; otherwise edits it
-- (p_occurrence is then ignored). p_data: body, area_id, is_public,
-- field_ids (array), and for an edit thread_id, practice_id. Refusals:
-- not_found, forbidden, no_record (the date has no record yet).
create function public.save_voice(p_data jsonb, p_voice uuid default null, p_occurrence uuid default null)
returns uuid
language plpgsql set search_path = '' as $$
declare
	v_id uuid := p_voice;
	v_event uuid;
begin
	if v_id is null then
		v_event := private.occurrence_event(p_occurrence);
		if v_event is null then
			raise exception 'no such date' using errcode = 'P0001', hint = 'not_found';
		end if;
		if not private.can_manage_event(v_event) then
			raise exception 'organisers only' using errcode = 'P0001', hint = 'forbidden';
		end if;
		if not exists (select 1 from public.occurrence_records rr where rr.occurrence_id = p_occurrence) then
			raise exception 'write the record first' using errcode = 'P0001', hint = 'no_record';
		end if;
		insert into public.voices (occurrence_id, event_id, raised_on, status_on, area_id, body, is_public)
		values (p_occurrence, v_event, current_date, null, nullif(p_data ->> 'area_id', '')::uuid,
			coalesce(p_data ->> 'body', ''), coalesce((p_data ->> 'is_public')::boolean, false))
		returning id into v_id;
	else
		v_event := private.voice_event(v_id);
		if v_event is null then
			raise exception 'no such voice' using errcode = 'P0001', hint = 'not_found';
		end if;
		if not private.can_manage_event(v_event) then
			raise exception 'organisers only' using errcode = 'P0001', hint = 'forbidden';
		end if;
		update public.voices v set
			body = coalesce(p_data ->> 'body', ''),
			area_id = nullif(p_data ->> 'area_id', '')::uuid,
			is_public = coalesce((p_data ->> 'is_public')::boolean, false),
			thread_id = nullif(p_data ->> 'thread_id', '')::uuid,
			practice_id = nullif(p_data ->> 'practice_id', '')::uuid
		where v.id = v_id;
		delete from public.voice_fields f where f.voice_id = v_id;
	end if;
	insert into public.voice_fields (voice_id, field_id)
	select distinct v_id, x::uuid from jsonb_array_elements_text(coalesce(p_data -> 'field_ids', '[]')) as x;
	return v_id;
end $$;
revoke execute on function public.save_voice(jsonb, uuid, uuid) from public;
grant execute on function public.save_voice(jsonb, uuid, uuid) to authenticated;

-- The 声 a reader may see, narrowed by area, field, status, the forum's day
-- (from inclusive, to exclusive: a 年度 is April 1 to April 1) and words
-- (Japanese substrings, kana either way); the caller orders and pages.
create function public.find_voices(p_area uuid default null, p_field uuid default null,
	p_status public.voice_status default null, p_from date default null, p_to date default null,
	p_q text default null) returns setof public.voices
language sql stable set search_path = '' as $$
	select v.* from public.voices v
	where (p_area is null or v.area_id = p_area)
		and (p_status is null or v.status = p_status)
		and (p_from is null or v.raised_on >= p_from)
		and (p_to is null or v.raised_on < p_to)
		and (p_field is null or exists (select 1 from public.voice_fields f where f.voice_id = v.id and f.field_id = p_field))
		and (coalesce(p_q, '') = '' or v.search_text like private.contains_pattern(p_q))
$$;
revoke execute on function public.find_voices(uuid, uuid, public.voice_status, date, date, text) from public;
grant execute on function public.find_voices(uuid, uuid, public.voice_status, date, date, text) to anon, authenticated;

-- Moves a 声 one step (or records where it went, or its answer): the trigger
-- above checks the path, the reason, the date and the answer. Refusals:
-- not_found, forbidden, voice_needs_reason, voice_needs_answer, voice_bad_date.
create function public.move_voice(p_voice uuid, p_status public.voice_status, p_status_on date,
	p_answer text default '', p_note text default null, p_taken_to public.voice_destination default null,
	p_taken_to_name text default null) returns void
language plpgsql set search_path = '' as $$
declare
	v_event uuid := private.voice_event(p_voice);
begin
	if v_event is null then
		raise exception 'no such voice' using errcode = 'P0001', hint = 'not_found';
	end if;
	if not private.can_manage_event(v_event) then
		raise exception 'organisers only' using errcode = 'P0001', hint = 'forbidden';
	end if;
	update public.voices v set
		status = p_status,
		status_on = p_status_on,
		status_note = p_note,
		taken_to = p_taken_to,
		taken_to_name = p_taken_to_name,
		answer = coalesce(p_answer, '')
	where v.id = p_voice;
end $$;
revoke execute on function public.move_voice(uuid, public.voice_status, date, text, text, public.voice_destination, text)
	from public;
grant execute on function public.move_voice(uuid, public.voice_status, date, text, text, public.voice_destination, text)
	to authenticated;

-- Notices ------------------------------------------------------------------------------

alter table public.notifications add column voice_id uuid references public.voices (id) on delete cascade;
create index notifications_voice_idx on public.notifications (voice_id) where voice_id is not null;
alter table public.notifications drop constraint notifications_kind;
alter table public.notifications add constraint notifications_kind check
	(kind in ('promoted', 'event_changed', 'event_cancelled', 'occurrence_cancelled', 'cohost_invited',
		'thread_reply', 'mention', 'post_hidden', 'report_handled', 'new_followed_event',
		'practice_published', 'practice_returned', 'practice_inspired',
		'award_received', 'nomination_answered', 'thanks_received',
		'voice_answered', 'record_missing'));

-- A public 声 that reaches an outcome tells the people marked as attended at
-- its forum (detail: the outcome), once per person, 声 and outcome.
create function private.notify_voice_answered() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if new.is_public and new.status in ('answered', 'reflected', 'declined')
		and (tg_op = 'INSERT' or old.status is distinct from new.status or not old.is_public) then
		insert into public.notifications (user_id, kind, event_id, occurrence_id, voice_id, detail)
		select distinct r.user_id, 'voice_answered', new.event_id, new.occurrence_id, new.id, new.status::text
		from public.registrations r
		where r.occurrence_id = new.occurrence_id and r.status = 'going' and r.attended and r.user_id is not null
			and not exists (select 1 from public.notifications n
				where n.voice_id = new.id and n.user_id = r.user_id and n.detail = new.status::text);
	end if;
	return null;
end $$;
revoke execute on function private.notify_voice_answered() from public;
create trigger voices_notify_answered after insert or update of status, is_public on public.voices
	for each row execute function private.notify_voice_answered();

-- 開催記録のお願い: three days after a date of a published event ended with
-- no record, its organiser and the editors of its organization are told
-- (once per person and date; dates up to a week back are caught up, so a
-- day the worker did not run is made up). The cron item records_reminders
-- (src/lib/server/jobs/index.ts) runs this every morning.
create unique index notifications_record_missing_unique on public.notifications (user_id, occurrence_id)
	where kind = 'record_missing';

create function private.remind_missing_records(p_now timestamptz) returns integer
language plpgsql security definer set search_path = '' as $$
declare
	v_count integer;
begin
	insert into public.notifications (user_id, kind, event_id, occurrence_id)
	select distinct who.user_id, 'record_missing', e.id, o.id
	from public.event_occurrences o
	join public.events e on e.id = o.event_id
	cross join lateral (
		select e.organizer_id as user_id
		union
		select m.user_id from public.organization_members m
		where m.organization_id = e.organization_id and m.role in ('owner', 'editor')
	) who
	where o.starts_at >= p_now - interval '8 days' and o.starts_at < p_now - interval '3 days'
		and o.ends_at < p_now - interval '3 days'
		and o.status = 'scheduled' and e.status = 'published'
		and not exists (select 1 from public.occurrence_records rr where rr.occurrence_id = o.id)
	on conflict (user_id, occurrence_id) where kind = 'record_missing' do nothing;
	get diagnostics v_count = row_count;
	return v_count;
end $$;
revoke execute on function private.remind_missing_records(timestamptz) from public;
grant execute on function private.remind_missing_records(timestamptz) to service_role;

-- Mails ------------------------------------------------------------------------------

alter table public.mail_log drop constraint mail_log_kind;
alter table public.mail_log add constraint mail_log_kind check (kind in (
	'registered', 'waitlisted', 'promoted', 'event_changed', 'event_cancelled',
	'occurrence_changed', 'occurrence_cancelled', 'reminder',
	'thread_reply', 'mention', 'moderation', 'invitation',
	'digest',
	'verify_email', 'password_reset', 'signup_existing', 'email_change_confirm', 'email_change_notice',
	'practice',
	'recognition',
	-- a held date still without a record (to its organisers), a 声 answered (to the forum's attendees)
	'record', 'voice'));

-- As in 20261209100000_recognition, plus one mail per record reminder and per
-- answered 声 (kinds 'record' and 'voice'; the writer reads the notice).
create or replace function private.mail_from_notification() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_delay interval := (select s.change_delay from private.mail_settings s);
	v_scope text := coalesce(new.occurrence_id::text, 'all');
	v_kind text;
	v_before jsonb;
begin
	if new.kind = 'promoted' then
		perform private.enqueue_mail('promoted', new.user_id,
			jsonb_build_object('event_id', new.event_id, 'occurrence_id', new.occurrence_id),
			'mail:promoted:' || new.occurrence_id || ':' || new.user_id);
	elsif new.kind in ('event_changed', 'event_cancelled', 'occurrence_cancelled') then
		v_kind := case when new.kind = 'event_changed' and new.occurrence_id is not null then 'occurrence_changed'
			else new.kind end;
		if v_kind = 'event_changed' then
			select b.before into v_before from private.mail_change_baselines b where b.key = 'event:' || new.event_id;
		elsif v_kind = 'occurrence_changed' then
			select b.before into v_before from private.mail_change_baselines b
				where b.key = 'occurrence:' || new.occurrence_id;
		end if;
		perform private.enqueue_mail(v_kind, new.user_id,
			jsonb_build_object('event_id', new.event_id, 'occurrence_id', new.occurrence_id, 'before', v_before),
			'mail:event:' || new.event_id || ':' || v_scope || ':' || new.user_id,
			now() + v_delay, 'preserve_run_at');
	elsif new.kind = 'thread_reply' then
		perform private.enqueue_mail('thread_reply', new.user_id,
			jsonb_build_object('thread_id', new.thread_id),
			'mail:thread:' || new.thread_id || ':' || new.user_id,
			now() + (select s.reply_delay from private.mail_settings s), 'preserve_run_at');
	elsif new.kind = 'mention' then
		if not exists (select 1 from public.posts p where p.id = new.post_id and p.author_id = new.user_id) then
			perform private.enqueue_mail('mention', new.user_id,
				jsonb_build_object('thread_id', new.thread_id, 'post_id', new.post_id),
				'mail:mention:' || new.post_id || ':' || new.user_id);
		end if;
	elsif new.kind in ('post_hidden', 'report_handled') then
		perform private.enqueue_mail('moderation', new.user_id,
			jsonb_build_object('notification_id', new.id), 'mail:moderation:' || new.id);
	elsif new.kind = 'cohost_invited' then
		perform private.enqueue_mail('invitation', new.user_id,
			jsonb_build_object('event_id', new.event_id, 'organization_id', new.organization_id),
			'mail:cohost:' || new.event_id || ':' || new.organization_id || ':' || new.user_id);
	elsif new.kind in ('practice_published', 'practice_returned', 'practice_inspired') then
		perform private.enqueue_mail('practice', new.user_id,
			jsonb_build_object('notification_id', new.id), 'mail:practice:' || new.id);
	elsif new.kind in ('award_received', 'nomination_answered', 'thanks_received') then
		perform private.enqueue_mail('recognition', new.user_id,
			jsonb_build_object('notification_id', new.id), 'mail:recognition:' || new.id);
	elsif new.kind = 'record_missing' then
		perform private.enqueue_mail('record', new.user_id,
			jsonb_build_object('notification_id', new.id), 'mail:record:' || new.id);
	elsif new.kind = 'voice_answered' then
		perform private.enqueue_mail('voice', new.user_id,
			jsonb_build_object('notification_id', new.id), 'mail:voice:' || new.id);
	end if;
	return null;
end $$;
