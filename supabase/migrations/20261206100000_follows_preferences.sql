-- Follows (関心縁) and notification preferences (issue 11).
--
-- A member follows areas, fields and organizations. When an event becomes
-- published (saved as published, or a draft published), every member who
-- follows its area, one of its fields, its organization or an accepted co-host
-- gets one in-app notice ('new_followed_event'), never its organiser, never
-- twice for one event. Preferences say which mails a member wants; the mail
-- worker asks private.wants_mail() and lists a digest with
-- private.digest_events().

-- Follows ---------------------------------------------------------------------------

-- One row per followed thing: exactly one of area, field, organization.
create table public.follows (
	id uuid primary key default extensions.gen_random_uuid(),
	user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
	area_id uuid references public.areas (id) on delete cascade,
	field_id uuid references public.fields (id) on delete cascade,
	organization_id uuid references public.organizations (id) on delete cascade,
	created_at timestamptz not null default now(),
	constraint follows_one_target check (num_nonnulls(area_id, field_id, organization_id) = 1),
	-- (its index, led by user_id, also serves "what do I follow")
	constraint follows_unique unique nulls not distinct (user_id, area_id, field_id, organization_id)
);
-- who follows a thing: the fan-out when an event is published
create index follows_area_idx on public.follows (area_id, user_id) where area_id is not null;
create index follows_field_idx on public.follows (field_id, user_id) where field_id is not null;
create index follows_organization_idx on public.follows (organization_id, user_id)
	where organization_id is not null;

alter table public.follows enable row level security;
revoke all on public.follows from anon, authenticated, service_role;
grant select, insert, delete on public.follows to service_role;
-- a member follows and stops following; nothing else changes a row
grant select, insert (user_id, area_id, field_id, organization_id), delete on public.follows to authenticated;
create policy "follows: own" on public.follows
	for select to authenticated using (user_id = (select auth.uid()));
create policy "follows: add own" on public.follows
	for insert to authenticated with check (user_id = (select auth.uid()));
create policy "follows: remove own" on public.follows
	for delete to authenticated using (user_id = (select auth.uid()));
-- (suspended members may still follow: following writes nothing others see)

-- Preferences -----------------------------------------------------------------------

-- One row per member, only once they saved the page. A null column is "the
-- default" (private.mail_preference resolves it), so a default can change
-- later for everybody who never chose.
create table public.notification_preferences (
	user_id uuid primary key default auth.uid() references public.profiles (id) on delete cascade,
	-- mail per kind: true on, false off, null the default
	confirmations boolean,
	changes_cancellations boolean,
	promotions boolean,
	reminders boolean,
	thread_replies boolean,
	mentions boolean,
	moderation boolean,
	invitations boolean,
	-- the digest of followed events: none, daily or weekly; null the default
	-- (weekly if the member follows something, otherwise none)
	digest_frequency text constraint notification_preferences_digest check
		(digest_frequency in ('none', 'daily', 'weekly')),
	updated_at timestamptz not null default now()
);
create trigger notification_preferences_touch before update on public.notification_preferences
	for each row execute function private.touch_updated_at();

alter table public.notification_preferences enable row level security;
revoke all on public.notification_preferences from anon, authenticated, service_role;
grant select, insert, update, delete on public.notification_preferences to service_role;
grant select,
	insert (user_id, confirmations, changes_cancellations, promotions, reminders, thread_replies, mentions,
		moderation, invitations, digest_frequency),
	-- (user_id too: an upsert sets every column it was given; the policy keeps it one's own)
	update (user_id, confirmations, changes_cancellations, promotions, reminders, thread_replies, mentions,
		moderation, invitations, digest_frequency)
	on public.notification_preferences to authenticated;
create policy "notification_preferences: own" on public.notification_preferences
	for select to authenticated using (user_id = (select auth.uid()));
create policy "notification_preferences: create own" on public.notification_preferences
	for insert to authenticated with check (user_id = (select auth.uid()));
create policy "notification_preferences: change own" on public.notification_preferences
	for update to authenticated
	using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

-- The digest frequency in force: the member's choice, else weekly when they
-- follow something, else none.
create function private.digest_frequency(p_user uuid) returns text
language sql stable security definer set search_path = '' as $$
	select coalesce(
		(select p.digest_frequency from public.notification_preferences p where p.user_id = p_user),
		case when exists (select 1 from public.follows f where f.user_id = p_user) then 'weekly' else 'none' end)
$$;

-- Whether a member wants mail of a kind, their choice or the default. The
-- defaults: everything about what one joined (confirmations, changes and
-- cancellations, promotion from the waiting list, reminders), mentions,
-- moderation notices and invitations on; replies in followed threads off (they
-- can be many; they stay in-app); the digest as digest_frequency says.
create function private.mail_preference(p_user uuid, p_kind text) returns boolean
language plpgsql stable security definer set search_path = '' as $$
declare
	p public.notification_preferences;
begin
	if p_kind is null or p_kind not in ('confirmations', 'changes_cancellations', 'promotions', 'reminders',
		'thread_replies', 'mentions', 'moderation', 'invitations', 'digest') then
		raise exception 'unknown mail kind: %', p_kind using errcode = '22023';
	end if;
	select * into p from public.notification_preferences where user_id = p_user;
	return case p_kind
		when 'confirmations' then coalesce(p.confirmations, true)
		when 'changes_cancellations' then coalesce(p.changes_cancellations, true)
		when 'promotions' then coalesce(p.promotions, true)
		when 'reminders' then coalesce(p.reminders, true)
		when 'thread_replies' then coalesce(p.thread_replies, false)
		when 'mentions' then coalesce(p.mentions, true)
		when 'moderation' then coalesce(p.moderation, true)
		when 'invitations' then coalesce(p.invitations, true)
		else private.digest_frequency(p_user) <> 'none'
	end;
end $$;

-- For the mail worker: whether to send p_user a mail of p_kind (one of
-- confirmations, changes_cancellations, promotions, reminders, thread_replies,
-- mentions, moderation, invitations, digest). False for an unknown member; an
-- unknown kind is an error.
create function private.wants_mail(p_user uuid, p_kind text) returns boolean
language sql stable security definer set search_path = '' as $$
	select exists (select 1 from public.profiles pr where pr.id = p_user)
		and private.mail_preference(p_user, p_kind)
$$;

revoke execute on function private.digest_frequency(uuid), private.mail_preference(uuid, text),
	private.wants_mail(uuid, text) from public;
grant execute on function private.digest_frequency(uuid), private.mail_preference(uuid, text),
	private.wants_mail(uuid, text) to service_role;

-- The signed-in member's preferences as in force (defaults resolved) and
-- whether they follow anything. (What they stored is their row of
-- notification_preferences, if any.)
create function public.my_notification_preferences()
returns table (
	confirmations boolean, changes_cancellations boolean, promotions boolean, reminders boolean,
	thread_replies boolean, mentions boolean, moderation boolean, invitations boolean,
	digest_frequency text, follows_something boolean
)
language sql stable security definer set search_path = '' as $$
	select private.mail_preference(u.id, 'confirmations'), private.mail_preference(u.id, 'changes_cancellations'),
		private.mail_preference(u.id, 'promotions'), private.mail_preference(u.id, 'reminders'),
		private.mail_preference(u.id, 'thread_replies'), private.mail_preference(u.id, 'mentions'),
		private.mail_preference(u.id, 'moderation'), private.mail_preference(u.id, 'invitations'),
		private.digest_frequency(u.id),
		exists (select 1 from public.follows f where f.user_id = u.id)
	from (select (select auth.uid()) as id) u
	where u.id is not null
$$;
revoke execute on function public.my_notification_preferences() from public, anon;
grant execute on function public.my_notification_preferences() to authenticated, service_role;

-- The notice of a newly published event -------------------------------------------

alter table public.notifications drop constraint notifications_kind;
alter table public.notifications add constraint notifications_kind check
	(kind in ('promoted', 'event_changed', 'event_cancelled', 'occurrence_cancelled', 'cohost_invited',
		'thread_reply', 'mention', 'post_hidden', 'report_handled', 'new_followed_event'));
-- one notice per person and event, whatever they follow and however often it is published
create unique index notifications_followed_event_once on public.notifications (user_id, event_id)
	where kind = 'new_followed_event';

-- Who follows what an event belongs to: its area, one of its fields, its
-- organization or an accepted co-host (each person once).
create function private.event_followers(p_event uuid) returns table (user_id uuid)
language sql stable security definer set search_path = '' as $$
	select f.user_id from public.events e join public.follows f on f.area_id = e.area_id where e.id = p_event
	union
	select f.user_id from public.event_fields ef join public.follows f on f.field_id = ef.field_id
	where ef.event_id = p_event
	union
	select f.user_id from public.events e join public.follows f on f.organization_id = e.organization_id
	where e.id = p_event
	union
	select f.user_id from public.event_cohosts c join public.follows f on f.organization_id = c.organization_id
	where c.event_id = p_event and c.accepted_at is not null
$$;
revoke execute on function private.event_followers(uuid) from public;
grant execute on function private.event_followers(uuid) to service_role;

-- Runs when the transaction that published the event commits (a deferred
-- constraint trigger), so its fields and co-hosts, saved after the event row by
-- save_event, are there; and only if it is still published then.
create function private.notify_followers_of_event() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_organizer uuid;
begin
	select e.organizer_id into v_organizer from public.events e where e.id = new.id and e.status = 'published';
	if not found then
		return null;
	end if;
	insert into public.notifications (user_id, kind, event_id)
		select f.user_id, 'new_followed_event', new.id
		from private.event_followers(new.id) f
		where f.user_id <> v_organizer
		on conflict (user_id, event_id) where kind = 'new_followed_event' do nothing;
	return null;
end $$;
revoke execute on function private.notify_followers_of_event() from public;
create constraint trigger events_notify_followers_insert after insert on public.events
	deferrable initially deferred
	for each row when (new.status = 'published')
	execute function private.notify_followers_of_event();
create constraint trigger events_notify_followers_publish after update of status on public.events
	deferrable initially deferred
	for each row when (new.status = 'published' and old.status <> 'published')
	execute function private.notify_followers_of_event();

-- The digest -------------------------------------------------------------------------

-- For the mail worker: each published event that p_user follows (its area, a
-- field, its organization or an accepted co-host) with a scheduled date
-- starting in [p_from, p_to), once, at its first such date, with how many of
-- its dates fall in the window. Not the member's own events. Driven by the
-- member's follows through the indexes on events.area_id,
-- event_fields.field_id, events.organization_id, event_cohosts.organization_id
-- and event_occurrences (event_id, starts_at).
create function private.digest_events(p_user uuid, p_from timestamptz, p_to timestamptz)
returns table (
	event_id uuid, occurrence_id uuid, starts_at timestamptz, ends_at timestamptz, dates_in_window integer,
	title text, all_day boolean, venue_name text, online_url text, short_code text
)
language sql stable security definer set search_path = '' as $$
	with followed as (
		select f.area_id, f.field_id, f.organization_id from public.follows f where f.user_id = p_user
	), matching as (
		select e.id from followed f join public.events e on e.area_id = f.area_id
		union
		select ef.event_id from followed f join public.event_fields ef on ef.field_id = f.field_id
		union
		select e.id from followed f join public.events e on e.organization_id = f.organization_id
		union
		select c.event_id from followed f join public.event_cohosts c on c.organization_id = f.organization_id
		where c.accepted_at is not null
	)
	select e.id, o.id, o.starts_at, o.ends_at, o.n::integer, e.title, e.all_day, e.venue_name, e.online_url,
		e.short_code
	from matching x
	join public.events e on e.id = x.id
	cross join lateral (
		select o.id, o.starts_at, o.ends_at, count(*) over () as n
		from public.event_occurrences o
		where o.event_id = e.id and o.status = 'scheduled' and o.starts_at >= p_from and o.starts_at < p_to
		order by o.starts_at
		limit 1
	) o
	where e.status = 'published' and e.organizer_id <> p_user
	order by o.starts_at, e.id
$$;
revoke execute on function private.digest_events(uuid, timestamptz, timestamptz) from public;
grant execute on function private.digest_events(uuid, timestamptz, timestamptz) to service_role;
