-- Mail through a Postgres job queue (issue 11, delivery and event mails).
--
-- graphile-worker owns the schema graphile_worker (its own migrations, run by
-- the local stack and by `npm run worker -- --schema-only` before these). Every
-- mail is a job added by private.enqueue_mail in the transaction of its cause:
-- it exists exactly when the cause committed. The worker (src/lib/server/jobs)
-- renders the mail from the database as it is when the job runs, sends it over
-- SMTP and writes one mail_log row per job.

-- Settings the tests shorten (one row). change_delay: how long a change of an
-- event waits for further edits before its mail goes out (ten edits in a
-- minute: one mail). max_attempts: SMTP tries before the mail is given up.
create table private.mail_settings (
	id boolean primary key default true constraint mail_settings_one check (id),
	change_delay interval not null default interval '1 minute',
	max_attempts integer not null default 8 constraint mail_settings_attempts check (max_attempts between 1 and 25)
);
insert into private.mail_settings default values;

-- One row per mail job: what was sent to whom, or why not. job_id is
-- graphile-worker's job id: a job retried after a crash finds its row and does
-- not send again once it says 'sent'. once_key makes a mail unique beyond one
-- job (a reminder: once per person and date, whoever enqueued it).
create table public.mail_log (
	id uuid primary key default extensions.gen_random_uuid(),
	job_id bigint not null constraint mail_log_job unique,
	job_key text,
	once_key text constraint mail_log_once unique,
	kind text not null constraint mail_log_kind check
		(kind in ('registered', 'waitlisted', 'promoted', 'event_changed', 'event_cancelled',
			'occurrence_changed', 'occurrence_cancelled', 'reminder')),
	user_id uuid references public.profiles (id) on delete set null,
	recipient text constraint mail_log_recipient_length check (char_length(recipient) <= 254),
	subject text constraint mail_log_subject_length check (char_length(subject) <= 300),
	-- sending: tried, not known to be accepted; sent: the SMTP server accepted it;
	-- skipped: nothing to say any more (left the date, no address); failed: given up
	status text not null default 'sending'
		constraint mail_log_status check (status in ('sending', 'sent', 'skipped', 'failed')),
	attempts integer not null default 0,
	last_error text constraint mail_log_error_length check (char_length(last_error) <= 2000),
	message_id text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	sent_at timestamptz
);
create index mail_log_status_idx on public.mail_log (status, updated_at desc);
create index mail_log_user_idx on public.mail_log (user_id);
create trigger mail_log_touch before update on public.mail_log
	for each row execute function private.touch_updated_at();

alter table public.mail_log enable row level security;
grant select, insert, update on public.mail_log to service_role;
grant select on public.mail_log to authenticated;
create policy "mail_log: admins read" on public.mail_log
	for select to authenticated using ((select private.is_admin()));

-- The worker's side of the log (service role only). mail_log_begin: before a
-- send; 'send' when this job should send (attempts counted), 'done' when it was
-- sent or given up already, or another job already sent this once_key.
create function public.mail_log_begin(p_job_id bigint, p_job_key text, p_once_key text, p_kind text, p_user uuid)
returns text
language plpgsql set search_path = '' as $$
declare
	l public.mail_log;
begin
	insert into public.mail_log (job_id, job_key, once_key, kind, user_id, attempts)
		values (p_job_id, p_job_key, p_once_key, p_kind, p_user, 1)
		on conflict do nothing;
	if found then
		return 'send';
	end if;
	select * into l from public.mail_log where job_id = p_job_id for update;
	if not found or l.status in ('sent', 'skipped') then
		return 'done'; -- not found: another job holds the once_key
	end if;
	update public.mail_log set attempts = attempts + 1, status = 'sending' where id = l.id;
	return 'send';
end $$;
revoke execute on function public.mail_log_begin(bigint, text, text, text, uuid) from public, anon, authenticated;
grant execute on function public.mail_log_begin(bigint, text, text, text, uuid) to service_role;

-- The one way SQL adds a mail job. Runs in the caller's transaction; the job
-- key de-duplicates (a later add with the same key replaces the payload of a
-- job not yet running; 'preserve_run_at' keeps its time, so a burst of edits
-- waits for the first edit's delay only).
create function private.enqueue_mail(p_kind text, p_user uuid, p_payload jsonb, p_job_key text,
	p_run_at timestamptz default null, p_job_key_mode text default 'replace')
returns void
language plpgsql security definer set search_path = '' as $$
begin
	if p_user is null then
		return;
	end if;
	perform graphile_worker.add_job('send_mail',
		(jsonb_build_object('kind', p_kind, 'user_id', p_user) || coalesce(p_payload, '{}'))::json,
		queue_name => null,
		run_at => coalesce(p_run_at, now()),
		max_attempts => (select s.max_attempts from private.mail_settings s),
		job_key => p_job_key,
		job_key_mode => p_job_key_mode);
end $$;
revoke execute on function private.enqueue_mail(text, uuid, jsonb, text, timestamptz, text) from public;

-- What a change mail compares with: the time and place before the first edit
-- of a burst. Kept per event or date; a burst's first edit writes it, later
-- edits within the delay keep it, so the mail says "old → new" across all ten.
create table private.mail_change_baselines (
	key text primary key,
	before jsonb not null,
	since timestamptz not null default now()
);

create function private.keep_change_baseline(p_key text, p_before jsonb) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
	v_before jsonb;
begin
	insert into private.mail_change_baselines as b (key, before, since) values (p_key, p_before, now())
	on conflict (key) do update set before = excluded.before, since = excluded.since
		where b.since < now() - (select s.change_delay from private.mail_settings s)
	returning b.before into v_before;
	if v_before is null then
		select b.before into v_before from private.mail_change_baselines b where b.key = p_key;
	end if;
	return v_before;
end $$;
revoke execute on function private.keep_change_baseline(text, jsonb) from public;

create function private.mail_event_baseline() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if (new.starts_at, new.ends_at, new.all_day, new.venue_name, new.venue_address, new.online_url)
		is distinct from (old.starts_at, old.ends_at, old.all_day, old.venue_name, old.venue_address, old.online_url) then
		perform private.keep_change_baseline('event:' || old.id, jsonb_build_object(
			'starts_at', old.starts_at, 'ends_at', old.ends_at, 'all_day', old.all_day,
			'venue_name', old.venue_name, 'venue_address', old.venue_address, 'online_url', old.online_url));
	end if;
	return new;
end $$;
revoke execute on function private.mail_event_baseline() from public;
create trigger events_mail_baseline before update on public.events
	for each row execute function private.mail_event_baseline();

-- before event_occurrences_notify (triggers fire in name order), which adds the notices
create function private.mail_occurrence_baseline() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if (new.starts_at, new.ends_at) is distinct from (old.starts_at, old.ends_at) then
		perform private.keep_change_baseline('occurrence:' || old.id,
			jsonb_build_object('starts_at', old.starts_at, 'ends_at', old.ends_at));
	end if;
	return new;
end $$;
revoke execute on function private.mail_occurrence_baseline() from public;
create trigger event_occurrences_mail_baseline before update on public.event_occurrences
	for each row execute function private.mail_occurrence_baseline();

-- Every in-app notice about an event becomes a mail as well, in the same
-- transaction. The notices already go to exactly the right people (going and
-- waiting, never cancelled registrations). Changes wait change_delay for
-- further edits: one job per (event or date, person), its payload replaced.
create function private.mail_from_notification() returns trigger
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
	end if;
	return null;
end $$;
revoke execute on function private.mail_from_notification() from public;
create trigger notifications_mail after insert on public.notifications
	for each row execute function private.mail_from_notification();

-- 参加登録のお知らせ: a member joins a date (going or on the waiting list),
-- also when re-joining after leaving. A promotion has its own mail above.
create function private.mail_registration() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if new.user_id is not null and new.status in ('going', 'waitlisted')
		and (tg_op = 'INSERT' or old.status = 'cancelled') then
		perform private.enqueue_mail(case when new.status = 'going' then 'registered' else 'waitlisted' end,
			new.user_id, jsonb_build_object('registration_id', new.id, 'occurrence_id', new.occurrence_id),
			'mail:registration:' || new.id);
	end if;
	return null;
end $$;
revoke execute on function private.mail_registration() from public;
create trigger registrations_mail after insert or update of status on public.registrations
	for each row execute function private.mail_registration();

-- 前日のお知らせ: one job per member and date starting on p_day (a Tokyo
-- date), run by the worker's cron at 18:00 Tokyo the day before. The job key
-- and mail_log.once_key make it once per person and date, whoever runs this.
create function private.enqueue_reminders(p_day date) returns integer
language plpgsql security definer set search_path = '' as $$
declare
	v_count integer := 0;
	r record;
begin
	for r in
		select reg.user_id, o.id as occurrence_id, o.event_id
		from public.event_occurrences o
		join public.events e on e.id = o.event_id
		join public.registrations reg on reg.occurrence_id = o.id
		where (o.starts_at at time zone 'Asia/Tokyo')::date = p_day
			and o.starts_at >= p_day::timestamp at time zone 'Asia/Tokyo' - interval '1 day'
			and o.starts_at < (p_day + 1)::timestamp at time zone 'Asia/Tokyo'
			and o.status = 'scheduled' and e.status = 'published'
			and reg.user_id is not null and reg.status = 'going'
	loop
		perform private.enqueue_mail('reminder', r.user_id,
			jsonb_build_object('event_id', r.event_id, 'occurrence_id', r.occurrence_id,
				'once_key', 'reminder:' || r.occurrence_id || ':' || r.user_id),
			'mail:reminder:' || r.occurrence_id || ':' || r.user_id);
		v_count := v_count + 1;
	end loop;
	return v_count;
end $$;
revoke execute on function private.enqueue_reminders(date) from public;

-- Workers alive (heartbeat): a worker killed with -9 leaves its jobs locked;
-- another worker unlocks the jobs of workers not seen for a while
-- (graphile_worker.force_unlock_workers) instead of waiting graphile-worker's 4 hours.
create table private.job_workers (
	worker_id text primary key,
	seen_at timestamptz not null default now()
);

create function private.job_workers_alive(p_worker_ids text[], p_stale interval) returns integer
language plpgsql security definer set search_path = '' as $$
declare
	v_dead text[];
begin
	insert into private.job_workers as w (worker_id, seen_at) select unnest(p_worker_ids), now()
		on conflict (worker_id) do update set seen_at = now();
	delete from private.job_workers w where w.seen_at < now() - p_stale;
	select array_agg(distinct j.locked_by) into v_dead from graphile_worker.jobs j
		where j.locked_by is not null and j.locked_at < now() - p_stale
			and not exists (select 1 from private.job_workers w where w.worker_id = j.locked_by);
	if v_dead is not null then
		perform graphile_worker.force_unlock_workers(v_dead);
	end if;
	return coalesce(cardinality(v_dead), 0);
end $$;
revoke execute on function private.job_workers_alive(text[], interval) from public;
