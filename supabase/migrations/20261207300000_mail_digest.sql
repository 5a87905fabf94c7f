-- The digest of followed events by mail (issue 11: 関心縁 by email).
--
-- Members who follow areas, fields or organizations get one mail per period,
-- as private.digest_frequency says (none, daily, weekly; weekly by default once
-- they follow something), listing each matching published event once:
--
-- * weekly (the worker's cron, Friday 18:00 Tokyo), 「今週末と来週のイベント」:
--   the events with a date from the coming Saturday 00:00 through the Sunday of
--   the following week (Tokyo; 9 days, [Saturday, the Monday after next)).
--   The windows of two Fridays overlap by one weekend on purpose: an event on
--   a Saturday or Sunday is listed as "next week" and, the Friday before it,
--   as "this weekend". Period: that Saturday.
-- * daily (every day 18:00 Tokyo), 新しく公開されたイベント: the events whose
--   in-app notice of a newly published followed event (new_followed_event:
--   once per member and event, ever) came since the member's previous daily
--   digest (at most 7 days back; one day back for the first one), with a date
--   still to come. So a daily member hears of each new event once, the day it
--   is published, and never again. Period: the Tokyo date of the run.
--
-- private.enqueue_digests(frequency, now), called by the worker's task
-- mail_digests, adds one send_mail job (kind 'digest') per member due with
-- something to list. Once per member and period: private.digest_state
-- remembers each member's last period (a second run, or two at once, finds it
-- taken), the job key de-duplicates queued jobs, and mail_log.once_key refuses
-- a second mail of the period even if that state were lost. The worker writes
-- the mail at send time from public.mail_digest_events (the same query), so it
-- says what is true then; a member with nothing left to list gets no mail.

-- Each member's last digest periods (the worker's own bookkeeping: nothing in
-- the API reads it).
create table private.digest_state (
	user_id uuid primary key references public.profiles (id) on delete cascade,
	-- the Saturday that began the last weekly digest's window
	weekly_period date,
	-- the Tokyo date of the last daily digest, and the end of the notices it covered
	daily_period date,
	daily_until timestamptz
);
alter table private.digest_state enable row level security;
revoke all on private.digest_state from public, anon, authenticated, service_role;

-- The window and period of a digest run at p_now (see above).
create function private.digest_window(p_frequency text, p_now timestamptz,
	out period date, out window_from timestamptz, out window_to timestamptz)
language plpgsql stable set search_path = '' as $$
declare
	v_today date := (p_now at time zone 'Asia/Tokyo')::date;
begin
	if p_frequency = 'weekly' then
		-- the first Saturday after today (on a Friday: tomorrow)
		period := v_today + 1 + (13 - extract(isodow from v_today + 1)::integer) % 7;
		window_from := period::timestamp at time zone 'Asia/Tokyo';
		window_to := (period + 9)::timestamp at time zone 'Asia/Tokyo';
	elsif p_frequency = 'daily' then
		period := v_today;
		window_from := p_now;
		window_to := 'infinity';
	else
		raise exception 'unknown digest frequency: %', p_frequency using errcode = '22023';
	end if;
end $$;
revoke execute on function private.digest_window(text, timestamptz) from public;

-- What a digest lists (service role: the mail worker writes the mail from
-- it): private.digest_events in [p_from, p_to) — each published event the
-- member follows, not their own, once, at its first scheduled date in the
-- window — with its place, organiser and why it matched (the followed area,
-- fields and organizations, Japanese and English names). With p_new_since,
-- only the events whose new_followed_event notice to the member was created in
-- [p_new_since, p_new_until) (the daily digest).
create function public.mail_digest_events(p_user uuid, p_from timestamptz, p_to timestamptz,
	p_new_since timestamptz default null, p_new_until timestamptz default null)
returns table (
	event_id uuid, starts_at timestamptz, ends_at timestamptz, all_day boolean, dates_in_window integer,
	title text, venue_name text, venue_address text, online_url text, organizer text, reasons jsonb
)
language sql stable security definer set search_path = '' as $$
	select d.event_id, d.starts_at, d.ends_at, d.all_day, d.dates_in_window, d.title, d.venue_name,
		e.venue_address, d.online_url, coalesce(org.name, pr.display_name), r.reasons
	from private.digest_events(p_user, p_from, p_to) d
	join public.events e on e.id = d.event_id
	left join public.organizations org on org.id = e.organization_id
	left join public.profiles pr on pr.id = e.organizer_id
	cross join lateral (
		select coalesce(jsonb_agg(jsonb_build_object('kind', m.kind, 'ja', m.name_ja, 'en', m.name_en)
			order by m.ord, m.name_ja), '[]'::jsonb) as reasons
		from (
			select 'area' as kind, 1 as ord, a.name_ja, a.name_en
			from public.follows f join public.areas a on a.id = f.area_id
			where f.user_id = p_user and f.area_id = e.area_id
			union all
			select 'field', 2, fl.name_ja, fl.name_en
			from public.event_fields ef
			join public.follows f on f.field_id = ef.field_id and f.user_id = p_user
			join public.fields fl on fl.id = ef.field_id
			where ef.event_id = e.id
			union all
			select 'organization', 3, o.name, o.name
			from public.follows f join public.organizations o on o.id = f.organization_id
			where f.user_id = p_user and (f.organization_id = e.organization_id or exists (
				select 1 from public.event_cohosts c
				where c.event_id = e.id and c.organization_id = f.organization_id and c.accepted_at is not null))
		) m
	) r
	where p_new_since is null or exists (
		select 1 from public.notifications n
		where n.user_id = p_user and n.kind = 'new_followed_event' and n.event_id = d.event_id
			and n.created_at >= p_new_since and n.created_at < coalesce(p_new_until, 'infinity'))
	order by d.starts_at, d.event_id
$$;
revoke execute on function public.mail_digest_events(uuid, timestamptz, timestamptz, timestamptz, timestamptz)
	from public, anon, authenticated;
grant execute on function public.mail_digest_events(uuid, timestamptz, timestamptz, timestamptz, timestamptz)
	to service_role;

-- One digest job per member whose frequency is p_frequency ('weekly' or
-- 'daily'), who has something to list and whose period at p_now is not taken
-- yet. Returns how many were added. Run by the worker's task mail_digests
-- (cron: weekly on Fridays, daily, both at 18:00 Tokyo) in one transaction: a
-- member's state row is locked while deciding, so two runs at once add one job.
create function private.enqueue_digests(p_frequency text, p_now timestamptz) returns integer
language plpgsql security definer set search_path = '' as $$
declare
	w record;
	r record;
	s private.digest_state;
	v_since timestamptz;
	v_key text;
	v_payload jsonb;
	v_count integer := 0;
begin
	select * into w from private.digest_window(p_frequency, p_now);
	-- only members who follow something have anything to list
	for r in select distinct f.user_id from public.follows f loop
		continue when private.digest_frequency(r.user_id) <> p_frequency;
		insert into private.digest_state (user_id) values (r.user_id) on conflict do nothing;
		select * into s from private.digest_state st where st.user_id = r.user_id for update;
		if p_frequency = 'weekly' then
			continue when s.weekly_period is not distinct from w.period;
			update private.digest_state st set weekly_period = w.period where st.user_id = r.user_id;
			continue when not exists (
				select 1 from private.digest_events(r.user_id, w.window_from, w.window_to));
			v_payload := jsonb_build_object('from', w.window_from, 'to', w.window_to);
		else
			continue when s.daily_period is not distinct from w.period;
			v_since := greatest(coalesce(s.daily_until, p_now - interval '1 day'), p_now - interval '7 days');
			update private.digest_state st
				set daily_period = w.period, daily_until = greatest(p_now, coalesce(s.daily_until, p_now))
				where st.user_id = r.user_id;
			continue when v_since >= p_now or not exists (
				select 1 from public.notifications n
				where n.user_id = r.user_id and n.kind = 'new_followed_event'
					and n.created_at >= v_since and n.created_at < p_now);
			continue when not exists (
				select 1 from public.mail_digest_events(r.user_id, w.window_from, w.window_to, v_since, p_now));
			v_payload := jsonb_build_object('from', w.window_from, 'to', 'infinity',
				'new_since', v_since, 'new_until', p_now);
		end if;
		v_key := p_frequency || ':' || w.period || ':' || r.user_id;
		perform private.enqueue_mail('digest', r.user_id,
			v_payload || jsonb_build_object('frequency', p_frequency, 'period', w.period,
				'once_key', 'digest:' || v_key),
			'mail:digest:' || v_key);
		v_count := v_count + 1;
	end loop;
	return v_count;
end $$;
revoke execute on function private.enqueue_digests(text, timestamptz) from public;
