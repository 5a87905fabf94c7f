-- Discussion threads (話題・投稿) and moderation (issue 10).
--  1. Threads and posts: boards per area, organization and field, and the
--     comment thread of each event (created at its first comment). Posts are
--     numbered 1, 2, 3… within their thread under the thread's row lock, never
--     reused, so /threads/<id>?page=n#post-<id> stays where it was (50 a page).
--  2. Rate limits, counted here: 10 posts in 5 minutes per member; accounts
--     younger than 24 hours at most 3 links a post and 3 threads a day.
--  3. Reports (通報), moderation actions (hide, restore, lock, suspend, dismiss)
--     through coordinator-only functions, and an append-only audit log.
--  4. Suspensions: a suspended member reads but writes nothing that others read.
--  5. Notifications: replies, mentions, hidden posts, handled reports.
--
-- Where body_html comes from: PostgREST is reached only by the app's server,
-- which mints every request's JWT (src/lib/server/db/client.ts); nobody
-- holds a token that lets them write to it directly. The server renders a
-- post's Markdown once, when it is written or edited, with the sanitising
-- pipeline (src/lib/server/posts/render.ts) and stores the result beside the
-- source, so that a page never parses Markdown again. The database therefore
-- stores the HTML it is given; it only derives what must not be trusted from
-- a separate field (the number of links, counted in the HTML itself).

-- Refusals raised here (REFUSALS in src/lib/server/db/errors.ts):
--   bad_length        a title, post, reason or report text empty or too long
--   locked            the thread is locked: no new replies, no edits
--   gone              the thread or post is hidden or deleted
--   post_rate         more than 10 posts in 5 minutes
--   too_many_links    more than 3 links in a post of an account younger than 24 hours
--   thread_rate       more than 3 threads in 24 hours from an account younger than 24 hours
--   suspended         the person acting is suspended
--   already_reported  one report per person per item

-- Threads ----------------------------------------------------------------------

create table public.threads (
	id uuid primary key default extensions.gen_random_uuid(),
	title text not null constraint threads_title_length check (char_length(btrim(title)) between 1 and 120),
	-- set null: a deleted account's threads stay for the replies of others
	author_id uuid default auth.uid() references public.profiles (id) on delete set null,
	area_id uuid references public.areas (id),
	organization_id uuid references public.organizations (id) on delete set null,
	-- the comment thread of an event (at most one, made at its first comment)
	event_id uuid constraint threads_event_key unique references public.events (id) on delete cascade,
	-- a question (質問): its author or a coordinator marks a reply as 解決
	is_question boolean not null default false,
	solved_post_id uuid,
	locked_at timestamptz,
	locked_by uuid references public.profiles (id) on delete set null,
	hidden_at timestamptz,
	hidden_by uuid references public.profiles (id) on delete set null,
	hidden_reason text constraint threads_hidden_reason_length check (char_length(hidden_reason) <= 500),
	-- set when its author deletes its first post while nobody has replied
	deleted_at timestamptz,
	created_at timestamptz not null default now(),
	-- activity order of the lists: the time of the latest post
	last_posted_at timestamptz not null default now(),
	-- replies (posts after the first) that are neither hidden nor deleted; 0 = unanswered
	reply_count integer not null default 0 constraint threads_reply_count check (reply_count >= 0),
	-- posts ever written: the next post's position is post_count + 1
	post_count integer not null default 0 constraint threads_post_count check (post_count >= 0),
	-- title and first post (while visible), normalised as events.search_text;
	-- kept by the triggers below (it spans two tables, so it cannot be generated)
	search_text text not null default ''
);
-- the lists: newest activity first, overall and per area, organization, unanswered
create index threads_activity_idx on public.threads (last_posted_at desc, id desc)
	where hidden_at is null and deleted_at is null;
create index threads_area_idx on public.threads (area_id, last_posted_at desc, id desc)
	where hidden_at is null and deleted_at is null;
create index threads_organization_idx on public.threads (organization_id, last_posted_at desc, id desc)
	where hidden_at is null and deleted_at is null;
create index threads_unanswered_idx on public.threads (last_posted_at desc, id desc)
	where reply_count = 0 and hidden_at is null and deleted_at is null;
create index threads_search_idx on public.threads using gin (search_text extensions.gin_trgm_ops);
-- a person's threads (the new-account limit counts them) and the foreign keys
create index threads_author_idx on public.threads (author_id, created_at desc);
create index threads_organization_fk_idx on public.threads (organization_id);
create index threads_area_fk_idx on public.threads (area_id);
create index threads_locked_by_idx on public.threads (locked_by);
create index threads_hidden_by_idx on public.threads (hidden_by);

create table public.thread_fields (
	thread_id uuid not null references public.threads (id) on delete cascade,
	field_id uuid not null references public.fields (id),
	primary key (thread_id, field_id)
);
create index thread_fields_field_idx on public.thread_fields (field_id, thread_id);

-- Posts ------------------------------------------------------------------------

create table public.posts (
	id uuid primary key default extensions.gen_random_uuid(),
	thread_id uuid not null references public.threads (id) on delete cascade,
	author_id uuid default auth.uid() references public.profiles (id) on delete set null,
	-- 1, 2, 3… within the thread, set under the thread's row lock by the trigger
	-- below, whatever the caller sends (the default only makes it optional to send)
	position integer not null default 0 constraint posts_position_positive check (position >= 1),
	-- Markdown as written
	body text not null constraint posts_body_length
		check (char_length(btrim(body)) >= 1 and char_length(body) <= 20000),
	-- the sanitised HTML the app server rendered from body (see the top of this file)
	body_html text not null constraint posts_body_html_length check (char_length(body_html) <= 200000),
	-- a quoted earlier post of the same thread (a link back to it)
	quote_of uuid references public.posts (id) on delete set null,
	-- people mentioned (@表示名); kept only when they take part in the thread
	mentioned_ids uuid[] not null default '{}'
		constraint posts_mentioned_ids_count check (cardinality(mentioned_ids) <= 50),
	created_at timestamptz not null default now(),
	edited_at timestamptz,
	-- soft delete by the author: 「この投稿は削除されました」, replies stay
	deleted_at timestamptz,
	hidden_at timestamptz,
	hidden_by uuid references public.profiles (id) on delete set null,
	hidden_reason text constraint posts_hidden_reason_length check (char_length(hidden_reason) <= 500),
	constraint posts_position_key unique (thread_id, position)
);
-- a person's recent posts: the rate limit and the moderators' context
create index posts_author_idx on public.posts (author_id, created_at desc);
create index posts_quote_of_idx on public.posts (quote_of);
create index posts_hidden_by_idx on public.posts (hidden_by);

alter table public.threads add constraint threads_solved_post_fkey
	foreign key (solved_post_id) references public.posts (id) on delete set null;
create index threads_solved_post_idx on public.threads (solved_post_id);

-- Earlier versions of an edited post, for coordinators.
create table public.post_versions (
	id uuid primary key default extensions.gen_random_uuid(),
	post_id uuid not null references public.posts (id) on delete cascade,
	body text not null,
	body_html text not null,
	-- when this version was written (the post's creation or an earlier edit)
	written_at timestamptz not null,
	-- when it was replaced
	replaced_at timestamptz not null default now()
);
create index post_versions_post_idx on public.post_versions (post_id, replaced_at desc);

-- Who follows a thread. Writing in a thread follows it (a trigger below adds
-- the row, and never touches an existing one, so "stop following" sticks).
create table public.thread_follows (
	thread_id uuid not null references public.threads (id) on delete cascade,
	user_id uuid not null references public.profiles (id) on delete cascade,
	following boolean not null default true,
	created_at timestamptz not null default now(),
	primary key (thread_id, user_id)
);
create index thread_follows_user_idx on public.thread_follows (user_id);

-- Helpers ------------------------------------------------------------------------

-- Whether the requesting person sees the thread: not hidden or deleted (or
-- theirs, or they coordinate), and its event (if any) visible to them. The
-- same rule as the threads policy below, for definer functions.
create function private.thread_visible(p_thread uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.threads t
		where t.id = p_thread
			and ((t.hidden_at is null and t.deleted_at is null)
				or t.author_id = (select auth.uid()) or (select private.is_coordinator()))
			and (t.event_id is null or private.event_visible(t.event_id)))
$$;

-- Text without the blanks around it: spaces, tabs, line breaks and the
-- full-width space (U+3000) Japanese keyboards type. A post of blanks is empty.
create function private.trim_text(t text) returns text
language sql immutable parallel safe set search_path = '' as $$
	select btrim(t, E' \t\r\n\u3000')
$$;

-- Links in a post's stored HTML: what the new-account limit counts. The
-- sanitiser writes every link as `<a href=…>`, so counting `<a ` counts links.
create function private.link_count(p_html text) returns integer
language sql immutable parallel safe set search_path = '' as $$
	select (char_length(lower(coalesce(p_html, ''))) - char_length(replace(lower(coalesce(p_html, '')), '<a ', ''))) / 3
$$;

-- An account younger than 24 hours (the limits for new accounts).
create function private.is_new_account(p_user uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select exists (select 1 from public.profiles p where p.id = p_user and p.created_at > now() - interval '24 hours')
$$;

-- Serialises one person's writes, so that parallel requests cannot pass a count together.
create function private.lock_writer(p_user uuid) returns void
language sql volatile set search_path = '' as $$
	select pg_advisory_xact_lock(hashtextextended('posting:' || p_user::text, 0))
$$;

-- The thread's search text: its title and, while visible, its first post.
create function private.thread_search_text(p_thread uuid, p_title text) returns text
language sql stable security definer set search_path = '' as $$
	select private.search_normalize(p_title || ' ' || coalesce((
		select p.body from public.posts p
		where p.thread_id = p_thread and p.position = 1 and p.hidden_at is null and p.deleted_at is null), ''))
$$;

revoke execute on function private.thread_visible(uuid), private.trim_text(text), private.link_count(text),
	private.is_new_account(uuid), private.lock_writer(uuid), private.thread_search_text(uuid, text) from public;
grant execute on function private.thread_visible(uuid), private.trim_text(text), private.link_count(text),
	private.is_new_account(uuid), private.lock_writer(uuid), private.thread_search_text(uuid, text)
	to anon, authenticated, service_role;

-- Suspensions ----------------------------------------------------------------------

create table public.suspensions (
	id uuid primary key default extensions.gen_random_uuid(),
	user_id uuid not null references public.profiles (id) on delete cascade,
	starts_at timestamptz not null default now(),
	-- null: until lifted
	until timestamptz,
	reason text not null constraint suspensions_reason_length check (char_length(btrim(reason)) between 1 and 500),
	created_by uuid references public.profiles (id) on delete set null,
	created_at timestamptz not null default now(),
	lifted_at timestamptz,
	lifted_by uuid references public.profiles (id) on delete set null,
	constraint suspensions_until_after_start check (until is null or until > starts_at)
);
create index suspensions_user_idx on public.suspensions (user_id, starts_at desc);
create index suspensions_active_idx on public.suspensions (user_id) where lifted_at is null;
create index suspensions_created_by_idx on public.suspensions (created_by);
create index suspensions_lifted_by_idx on public.suspensions (lifted_by);

create function private.is_suspended(p_user uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select p_user is not null and exists (
		select 1 from public.suspensions s
		where s.user_id = p_user and s.lifted_at is null and s.starts_at <= now()
			and (s.until is null or s.until > now()))
$$;
revoke execute on function private.is_suspended(uuid) from public;
grant execute on function private.is_suspended(uuid) to anon, authenticated, service_role;

-- A suspended member can read but writes nothing others read. This trigger
-- function refuses the write when the person acting (auth.uid(), also inside
-- definer functions such as join_occurrence, which keep the caller's JWT) is
-- suspended. The service role (jobs, seeding) has no auth.uid() and passes.
create function private.refuse_suspended() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if private.is_suspended((select auth.uid())) then
		raise exception 'suspended members cannot write' using errcode = 'P0001', hint = 'suspended';
	end if;
	return new;
end $$;
revoke execute on function private.refuse_suspended() from public;

-- What a member creates: threads, posts and reports (below), registrations,
-- events with their fields, co-hosts and dates, organizations with their
-- areas, fields, members and invitations. Also refused: re-joining a date
-- (a cancelled registration made active again), saving an event (except
-- cancelling it: the people registered must hear of it), changing an
-- organization and accepting a co-host request. Still allowed: leaving a
-- date, deleting one's own posts, following, notifications, one's own
-- account and profile settings, and one's calendar feed.
create trigger registrations_refuse_suspended before insert on public.registrations
	for each row execute function private.refuse_suspended();
create trigger registrations_refuse_suspended_rejoin before update of status on public.registrations
	for each row when (old.status = 'cancelled' and new.status <> 'cancelled')
	execute function private.refuse_suspended();
create trigger events_refuse_suspended before insert on public.events
	for each row execute function private.refuse_suspended();
create trigger events_refuse_suspended_update before update on public.events
	for each row when (not (new.status = 'cancelled' and old.status <> 'cancelled'))
	execute function private.refuse_suspended();
create trigger event_fields_refuse_suspended before insert on public.event_fields
	for each row execute function private.refuse_suspended();
create trigger event_cohosts_refuse_suspended before insert or update on public.event_cohosts
	for each row execute function private.refuse_suspended();
create trigger event_occurrences_refuse_suspended before insert on public.event_occurrences
	for each row execute function private.refuse_suspended();
create trigger organizations_refuse_suspended before insert or update on public.organizations
	for each row execute function private.refuse_suspended();
create trigger organization_areas_refuse_suspended before insert on public.organization_areas
	for each row execute function private.refuse_suspended();
create trigger organization_fields_refuse_suspended before insert on public.organization_fields
	for each row execute function private.refuse_suspended();
create trigger organization_members_refuse_suspended before insert on public.organization_members
	for each row execute function private.refuse_suspended();
create trigger organization_invitations_refuse_suspended before insert on public.organization_invitations
	for each row execute function private.refuse_suspended();
create trigger email_invitation_attempts_refuse_suspended before insert on public.email_invitation_attempts
	for each row execute function private.refuse_suspended();
create trigger threads_refuse_suspended before insert on public.threads
	for each row execute function private.refuse_suspended();
create trigger thread_fields_refuse_suspended before insert on public.thread_fields
	for each row execute function private.refuse_suspended();
create trigger posts_refuse_suspended before insert on public.posts
	for each row execute function private.refuse_suspended();
create trigger posts_refuse_suspended_edit before update of body on public.posts
	for each row execute function private.refuse_suspended();

-- Writing threads ------------------------------------------------------------------
-- (Triggers of one table fire in the order of their names: *_refuse_suspended
-- comes before *_write, so a suspended member hears that first.)

create function private.threads_write() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if char_length(private.trim_text(new.title)) not between 1 and 120 then
		raise exception 'a title has 1 to 120 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	-- new accounts start at most 3 threads a day (an event's comment thread is not theirs: it is made for the event)
	if new.event_id is null and new.author_id is not null
		and coalesce(auth.role(), '') in ('anon', 'authenticated') and private.is_new_account(new.author_id) then
		perform private.lock_writer(new.author_id);
		if (select count(*) from (
			select 1 from public.threads t
			where t.author_id = new.author_id and t.event_id is null and t.created_at > now() - interval '24 hours'
			limit 3) recent) >= 3 then
			raise exception 'new accounts start at most 3 threads a day' using errcode = 'P0001', hint = 'thread_rate';
		end if;
	end if;
	new.search_text := private.search_normalize(new.title);
	return new;
end $$;
revoke execute on function private.threads_write() from public;
create trigger threads_write before insert on public.threads
	for each row execute function private.threads_write();

-- A title changed (an event's thread follows its event's title): the search text follows.
create function private.threads_retitled() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	new.search_text := private.thread_search_text(new.id, new.title);
	return new;
end $$;
revoke execute on function private.threads_retitled() from public;
create trigger threads_retitled before update of title on public.threads
	for each row when (old.title is distinct from new.title)
	execute function private.threads_retitled();

-- Writing posts ---------------------------------------------------------------------

create function private.posts_write_insert() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	t public.threads;
	v_api boolean := coalesce(auth.role(), '') in ('anon', 'authenticated');
begin
	if char_length(private.trim_text(new.body)) < 1 or char_length(new.body) > 20000 then
		raise exception 'a post has 1 to 20,000 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	-- the lock that numbers the thread's posts one at a time
	select * into t from public.threads where id = new.thread_id for update;
	if not found then
		raise exception 'no such thread' using errcode = 'P0002', hint = 'not_found';
	end if;
	if t.hidden_at is not null or t.deleted_at is not null
		or (t.event_id is not null and not private.event_visible(t.event_id)) then
		raise exception 'the thread is hidden or deleted' using errcode = 'P0001', hint = 'gone';
	end if;
	if t.locked_at is not null then
		raise exception 'the thread is locked' using errcode = 'P0001', hint = 'locked';
	end if;
	if v_api and new.author_id is not null then
		perform private.lock_writer(new.author_id);
		-- deleted and hidden posts count too: deleting does not make room
		if (select count(*) from (
			select 1 from public.posts p
			where p.author_id = new.author_id and p.created_at > now() - interval '5 minutes'
			limit 10) recent) >= 10 then
			raise exception 'at most 10 posts in 5 minutes' using errcode = 'P0001', hint = 'post_rate';
		end if;
		if private.link_count(new.body_html) > 3 and private.is_new_account(new.author_id) then
			raise exception 'new accounts put at most 3 links in a post' using errcode = 'P0001', hint = 'too_many_links';
		end if;
	end if;
	if new.quote_of is not null
		and not exists (select 1 from public.posts q where q.id = new.quote_of and q.thread_id = new.thread_id) then
		raise exception 'the quoted post is not in this thread' using errcode = 'P0002', hint = 'not_found';
	end if;
	-- mentions: only people taking part in the thread (its author and those who
	-- wrote a post there that still shows), never oneself, each once
	new.mentioned_ids := coalesce(array(
		select distinct m from unnest(new.mentioned_ids) m
		where m is distinct from new.author_id
			and (m = t.author_id or exists (
				select 1 from public.posts p
				where p.thread_id = new.thread_id and p.author_id = m and p.hidden_at is null and p.deleted_at is null))
	), '{}');
	new.position := t.post_count + 1;
	new.created_at := now();
	new.edited_at := null;
	new.deleted_at := null;
	new.hidden_at := null;
	new.hidden_by := null;
	new.hidden_reason := null;
	update public.threads set post_count = post_count + 1, last_posted_at = now(),
		reply_count = reply_count + case when new.position > 1 then 1 else 0 end
		where id = new.thread_id;
	return new;
end $$;
revoke execute on function private.posts_write_insert() from public;
create trigger posts_write_insert before insert on public.posts
	for each row execute function private.posts_write_insert();

-- After a post: its author follows the thread (unless they stopped), the
-- first post goes into the thread's search text, and people are told:
-- those mentioned ('mention'), and every other follower but the author ('thread_reply').
create function private.posts_written() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if new.author_id is not null then
		insert into public.thread_follows (thread_id, user_id, following) values (new.thread_id, new.author_id, true)
			on conflict (thread_id, user_id) do nothing;
	end if;
	if new.position = 1 then
		update public.threads t set search_text = private.thread_search_text(t.id, t.title) where t.id = new.thread_id;
	end if;
	insert into public.notifications (user_id, kind, thread_id, post_id)
		select m, 'mention', new.thread_id, new.id from unnest(new.mentioned_ids) m;
	insert into public.notifications (user_id, kind, thread_id, post_id)
		select f.user_id, 'thread_reply', new.thread_id, new.id
		from public.thread_follows f
		where f.thread_id = new.thread_id and f.following
			and f.user_id is distinct from new.author_id and not (f.user_id = any (new.mentioned_ids));
	return null;
end $$;
revoke execute on function private.posts_written() from public;
create trigger posts_written after insert on public.posts
	for each row execute function private.posts_written();

-- Edits and deletion. Through the API a person changes only body, body_html
-- and deleted_at of their own posts (grants and policies below); moderation
-- functions change hidden_*. An edit keeps the earlier version, marks the
-- post edited, and is refused in a locked, hidden or deleted thread; deleting
-- is once and for all (deleted_at takes the time of the deletion). Mentions
-- are not changed by an edit (nobody is told again).
create function private.posts_write_update() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	t public.threads;
begin
	if new.body is distinct from old.body or new.body_html is distinct from old.body_html then
		if char_length(private.trim_text(new.body)) < 1 or char_length(new.body) > 20000 then
			raise exception 'a post has 1 to 20,000 characters' using errcode = 'P0001', hint = 'bad_length';
		end if;
		if old.deleted_at is not null or old.hidden_at is not null then
			raise exception 'the post is hidden or deleted' using errcode = 'P0001', hint = 'gone';
		end if;
		select * into t from public.threads where id = new.thread_id;
		if t.hidden_at is not null or t.deleted_at is not null then
			raise exception 'the thread is hidden or deleted' using errcode = 'P0001', hint = 'gone';
		end if;
		if t.locked_at is not null then
			raise exception 'the thread is locked' using errcode = 'P0001', hint = 'locked';
		end if;
		if new.author_id is not null and private.link_count(new.body_html) > 3
			and private.is_new_account(new.author_id) then
			raise exception 'new accounts put at most 3 links in a post' using errcode = 'P0001', hint = 'too_many_links';
		end if;
		insert into public.post_versions (post_id, body, body_html, written_at)
			values (old.id, old.body, old.body_html, coalesce(old.edited_at, old.created_at));
		new.edited_at := now();
	end if;
	if new.deleted_at is distinct from old.deleted_at then
		if old.deleted_at is not null then
			raise exception 'a deleted post stays deleted' using errcode = '42501', hint = 'forbidden';
		end if;
		new.deleted_at := now();
	end if;
	return new;
end $$;
revoke execute on function private.posts_write_update() from public;
create trigger posts_write_update before update on public.posts
	for each row execute function private.posts_write_update();

-- Keeps reply_count (replies that show), the search text, and deletes the
-- thread when its author deletes its first post while no reply shows.
create function private.posts_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_was boolean := old.hidden_at is null and old.deleted_at is null;
	v_is boolean := new.hidden_at is null and new.deleted_at is null;
begin
	if new.position > 1 and v_was <> v_is then
		update public.threads set reply_count = reply_count + case when v_is then 1 else -1 end
			where id = new.thread_id;
	end if;
	if new.position = 1 and (v_was <> v_is or new.body is distinct from old.body) then
		update public.threads t set search_text = private.thread_search_text(t.id, t.title) where t.id = new.thread_id;
	end if;
	if new.position = 1 and old.deleted_at is null and new.deleted_at is not null then
		update public.threads set deleted_at = now()
			where id = new.thread_id and reply_count = 0 and deleted_at is null;
	end if;
	-- a solution that no longer shows is no longer the solution
	if not v_is then
		update public.threads set solved_post_id = null where id = new.thread_id and solved_post_id = new.id;
	end if;
	return null;
end $$;
revoke execute on function private.posts_changed() from public;
create trigger posts_changed after update of hidden_at, deleted_at, body on public.posts
	for each row execute function private.posts_changed();

-- An event's comment thread carries the event's title.
create function private.event_thread_retitle() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	update public.threads set title = new.title where event_id = new.id;
	return null;
end $$;
revoke execute on function private.event_thread_retitle() from public;
create trigger events_thread_retitle after update of title on public.events
	for each row when (old.title is distinct from new.title)
	execute function private.event_thread_retitle();

-- RLS and privileges: threads and posts ---------------------------------------------------

alter table public.threads enable row level security;
alter table public.thread_fields enable row level security;
alter table public.posts enable row level security;
alter table public.post_versions enable row level security;
alter table public.thread_follows enable row level security;
alter table public.suspensions enable row level security;

revoke all on public.threads, public.thread_fields, public.posts, public.post_versions, public.thread_follows,
	public.suspensions from anon, authenticated, service_role;
grant select, insert, update, delete on public.threads, public.thread_fields, public.posts, public.post_versions,
	public.thread_follows, public.suspensions to service_role;

-- threads: everybody reads those that show (and whose event they see); their
-- author and coordinators also the hidden and deleted ones. Members start
-- their own (create_thread); an event's thread is made by event_thread. Every
-- change goes through functions (posting, solved, moderation).
grant select on public.threads, public.thread_fields to anon, authenticated;
grant insert (title, area_id, organization_id, is_question) on public.threads to authenticated;
create policy "threads: visible ones, own and coordinators" on public.threads
	for select to anon, authenticated
	using (((hidden_at is null and deleted_at is null) or author_id = (select auth.uid())
			or (select private.is_coordinator()))
		and (event_id is null or private.event_visible(event_id)));
create policy "threads: members start their own" on public.threads
	for insert to authenticated
	with check (author_id = (select auth.uid())
		and (organization_id is null or exists (select 1 from public.organizations o where o.id = organization_id)));

grant insert on public.thread_fields to authenticated;
create policy "thread_fields: read with the thread" on public.thread_fields
	for select to anon, authenticated
	using (exists (select 1 from public.threads t where t.id = thread_id));
create policy "thread_fields: the thread's author adds" on public.thread_fields
	for insert to authenticated
	with check (exists (select 1 from public.threads t where t.id = thread_id and t.author_id = (select auth.uid())));

-- posts: a hidden or deleted post's row (and so its text) is read only by its
-- author and coordinators; the thread page lists every position through
-- thread_posts(), which says what became of the others. Members write their
-- own posts in threads they see (the trigger refuses locked, hidden and
-- deleted ones with a hint), edit or delete only their own while not hidden,
-- and nobody deletes a row.
grant select on public.posts to anon, authenticated;
grant insert (thread_id, body, body_html, quote_of, mentioned_ids) on public.posts to authenticated;
grant update (body, body_html, deleted_at) on public.posts to authenticated;
create policy "posts: showing ones in visible threads, own and coordinators" on public.posts
	for select to anon, authenticated
	using ((hidden_at is null and deleted_at is null and exists (select 1 from public.threads t where t.id = thread_id))
		or author_id = (select auth.uid()) or (select private.is_coordinator()));
create policy "posts: members write their own" on public.posts
	for insert to authenticated
	with check (author_id = (select auth.uid()) and exists (select 1 from public.threads t where t.id = thread_id));
create policy "posts: authors edit and delete their own until hidden" on public.posts
	for update to authenticated
	using (author_id = (select auth.uid()) and hidden_at is null and deleted_at is null)
	with check (author_id = (select auth.uid()));

-- earlier versions: coordinators only (written by the trigger above); anon
-- may ask and gets nothing, like everybody else who is not a coordinator
grant select on public.post_versions to anon, authenticated;
create policy "post_versions: coordinators" on public.post_versions
	for select to authenticated using ((select private.is_coordinator()));

-- follows: one's own; following a thread one sees
grant select, insert (thread_id, user_id, following), update (following) on public.thread_follows to authenticated;
-- (set_thread_following writes them)
create policy "thread_follows: own" on public.thread_follows
	for select to authenticated using (user_id = (select auth.uid()));
create policy "thread_follows: follow what one sees" on public.thread_follows
	for insert to authenticated
	with check (user_id = (select auth.uid()) and exists (select 1 from public.threads t where t.id = thread_id));
create policy "thread_follows: change own" on public.thread_follows
	for update to authenticated
	using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

-- suspensions: the member reads their own (why and until when), coordinators
-- all; written only by the moderation functions
grant select on public.suspensions to authenticated;
create policy "suspensions: own and coordinators" on public.suspensions
	for select to authenticated
	using (user_id = (select auth.uid()) or (select private.is_coordinator()));

-- Functions for threads -------------------------------------------------------------------

-- Starts a thread with its first post in one transaction. Security invoker:
-- RLS and the triggers decide (suspension, limits, lengths). Returns its id.
create function public.create_thread(
	p_title text, p_body text, p_body_html text, p_area uuid default null, p_organization uuid default null,
	p_field_ids uuid[] default '{}', p_is_question boolean default false
) returns uuid
language plpgsql set search_path = '' as $$
declare
	v_id uuid;
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	if char_length(private.trim_text(coalesce(p_title, ''))) not between 1 and 120 then
		raise exception 'a title has 1 to 120 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	insert into public.threads (title, area_id, organization_id, is_question)
		values (private.trim_text(p_title), p_area, p_organization, coalesce(p_is_question, false))
		returning id into v_id;
	insert into public.thread_fields (thread_id, field_id)
		select distinct v_id, f from unnest(coalesce(p_field_ids, '{}')) f;
	insert into public.posts (thread_id, body, body_html) values (v_id, p_body, p_body_html);
	return v_id;
end $$;
revoke execute on function public.create_thread(text, text, text, uuid, uuid, uuid[], boolean) from public, anon;
grant execute on function public.create_thread(text, text, text, uuid, uuid, uuid[], boolean)
	to authenticated, service_role;

-- Follows (p_following) or stops following a thread the caller sees.
-- Security invoker: RLS decides. A stop sticks: posting later does not undo it.
create function public.set_thread_following(p_thread uuid, p_following boolean) returns void
language plpgsql set search_path = '' as $$
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	if not exists (select 1 from public.threads t where t.id = p_thread) then
		raise exception 'no such thread' using errcode = 'P0002', hint = 'not_found';
	end if;
	insert into public.thread_follows (thread_id, user_id, following)
		values (p_thread, (select auth.uid()), coalesce(p_following, false))
		on conflict (thread_id, user_id) do update set following = excluded.following;
end $$;
revoke execute on function public.set_thread_following(uuid, boolean) from public, anon;
grant execute on function public.set_thread_following(uuid, boolean) to authenticated, service_role;

-- The comment thread of an event, made the first time somebody asks for it
-- (when they write the first comment). The event must be visible to the
-- caller and not a draft. Its author is the event's organiser, who follows it
-- (questions to the organiser reach them); title, area, organization and
-- fields are the event's.
create function private.event_thread(p_event uuid) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
	e public.events;
	v_id uuid;
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	select * into e from public.events where id = p_event;
	if not found or e.status = 'draft' or not private.event_visible(p_event) then
		raise exception 'no such event' using errcode = 'P0002', hint = 'not_found';
	end if;
	select t.id into v_id from public.threads t where t.event_id = p_event;
	if found then
		return v_id;
	end if;
	insert into public.threads (title, author_id, area_id, organization_id, event_id)
		values (e.title, e.organizer_id, e.area_id, e.organization_id, e.id)
		on conflict (event_id) do nothing
		returning id into v_id;
	if v_id is null then
		-- made by somebody else at the same moment
		select t.id into v_id from public.threads t where t.event_id = p_event;
		return v_id;
	end if;
	insert into public.thread_fields (thread_id, field_id)
		select v_id, f.field_id from public.event_fields f where f.event_id = p_event;
	insert into public.thread_follows (thread_id, user_id, following) values (v_id, e.organizer_id, true)
		on conflict do nothing;
	return v_id;
end $$;
revoke execute on function private.event_thread(uuid) from public;
grant execute on function private.event_thread(uuid) to authenticated, service_role;
create function public.event_thread(p_event uuid) returns uuid
language sql set search_path = '' as $$
	select private.event_thread(p_event)
$$;
revoke execute on function public.event_thread(uuid) from public, anon;
grant execute on function public.event_thread(uuid) to authenticated, service_role;

-- The threads of the lists (/threads, area and organization pages), newest
-- activity first, p_limit (1 to 100) from p_offset. Only threads that show to
-- everybody: not hidden or deleted, with a post, and not of a draft event.
-- PL/pgSQL planned per call (as private.event_series_page) so that each
-- filter walks its own index; security invoker, so RLS applies as well.
create function public.search_threads(
	p_q text default null, p_area uuid default null, p_field uuid default null, p_organization uuid default null,
	p_unanswered boolean default false, p_limit integer default 20, p_offset integer default 0
) returns setof public.threads
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan as $$
begin
	return query
	select t.* from public.threads t
	where t.hidden_at is null and t.deleted_at is null and t.post_count > 0
		and (t.event_id is null or exists (select 1 from public.events e where e.id = t.event_id and e.status <> 'draft'))
		and (nullif(btrim(p_q), '') is null or t.search_text like private.contains_pattern(btrim(p_q)))
		and (p_area is null or t.area_id = p_area)
		and (p_organization is null or t.organization_id = p_organization)
		and (p_field is null or exists (select 1 from public.thread_fields f where f.thread_id = t.id and f.field_id = p_field))
		and (not coalesce(p_unanswered, false) or t.reply_count = 0)
	order by t.last_posted_at desc, t.id desc
	limit least(greatest(coalesce(p_limit, 20), 1), 100) offset greatest(coalesce(p_offset, 0), 0);
end $$;
revoke execute on function public.search_threads(text, uuid, uuid, uuid, boolean, integer, integer) from public;
grant execute on function public.search_threads(text, uuid, uuid, uuid, boolean, integer, integer)
	to anon, authenticated, service_role;

-- How many threads the filters give, counted up to p_cap (1 to 10000).
create function public.count_threads(
	p_q text default null, p_area uuid default null, p_field uuid default null, p_organization uuid default null,
	p_unanswered boolean default false, p_cap integer default 1000
) returns integer
language sql stable set search_path = '' as $$
	select count(*)::integer
	from public.search_threads(p_q, p_area, p_field, p_organization, p_unanswered,
		least(greatest(coalesce(p_cap, 1000), 1), 10000), 0)
$$;
revoke execute on function public.count_threads(text, uuid, uuid, uuid, boolean, integer) from public;
grant execute on function public.count_threads(text, uuid, uuid, uuid, boolean, integer)
	to anon, authenticated, service_role;

-- One page (50 positions) of a thread, every position in order, as the
-- requesting person may see it: state 'visible', 'hidden' or 'deleted';
-- the text (and who wrote it) of a hidden post only for its author and
-- coordinators, of a deleted post for nobody (its author is shown to
-- coordinators only); hidden_reason for the author and coordinators.
-- Nothing when the thread is not visible to the caller.
create function private.thread_posts(p_thread uuid, p_page integer)
returns table (
	post_position integer, id uuid, author_id uuid, author_name text, created_at timestamptz, edited_at timestamptz,
	quote_of uuid, quote_position integer, state text, hidden_reason text, body text, body_html text
)
language sql stable security definer set search_path = '' as $$
	with viewer as (
		select (select auth.uid()) as uid, (select private.is_coordinator()) as coordinator
	), page as (
		select p.*,
			case when p.deleted_at is not null then 'deleted' when p.hidden_at is not null then 'hidden' else 'visible' end as st,
			p.deleted_at is null and (p.hidden_at is null or p.author_id = v.uid or v.coordinator) as readable,
			(p.deleted_at is null and (p.hidden_at is null or p.author_id = v.uid or v.coordinator))
				or (p.deleted_at is not null and v.coordinator) as named,
			p.author_id = v.uid or v.coordinator as own_or_moderator
		from public.posts p, viewer v
		where p.thread_id = p_thread and private.thread_visible(p_thread)
			and p.position > (greatest(coalesce(p_page, 1), 1) - 1) * 50
			and p.position <= greatest(coalesce(p_page, 1), 1) * 50
	)
	select p.position, p.id,
		case when p.named then p.author_id end,
		case when p.named then a.display_name end,
		p.created_at,
		case when p.readable then p.edited_at end,
		p.quote_of, q.position, p.st,
		case when p.own_or_moderator then p.hidden_reason end,
		case when p.readable then p.body end,
		case when p.readable then p.body_html end
	from page p
	left join public.profiles a on a.id = p.author_id
	left join public.posts q on q.id = p.quote_of
	order by p.position
$$;
revoke execute on function private.thread_posts(uuid, integer) from public;
grant execute on function private.thread_posts(uuid, integer) to anon, authenticated, service_role;
create function public.thread_posts(p_thread uuid, p_page integer default 1)
returns table (
	post_position integer, id uuid, author_id uuid, author_name text, created_at timestamptz, edited_at timestamptz,
	quote_of uuid, quote_position integer, state text, hidden_reason text, body text, body_html text
)
language sql stable set search_path = '' as $$
	select * from private.thread_posts(p_thread, p_page)
$$;
revoke execute on function public.thread_posts(uuid, integer) from public;
grant execute on function public.thread_posts(uuid, integer) to anon, authenticated, service_role;

-- The people taking part in a thread (its author and those with a post that
-- shows), with their display names, for @mentions. Writing in a thread shows
-- one's name there, whether or not one's profile is listed.
create function private.thread_participants(p_thread uuid)
returns table (user_id uuid, display_name text)
language sql stable security definer set search_path = '' as $$
	select p.id, p.display_name from public.profiles p
	where private.thread_visible(p_thread) and (
		exists (select 1 from public.threads t where t.id = p_thread and t.author_id = p.id)
		or exists (select 1 from public.posts x where x.thread_id = p_thread and x.author_id = p.id
			and x.hidden_at is null and x.deleted_at is null))
	order by p.display_name, p.id
$$;
revoke execute on function private.thread_participants(uuid) from public;
grant execute on function private.thread_participants(uuid) to anon, authenticated, service_role;
create function public.thread_participants(p_thread uuid)
returns table (user_id uuid, display_name text)
language sql stable set search_path = '' as $$
	select * from private.thread_participants(p_thread)
$$;
revoke execute on function public.thread_participants(uuid) from public;
grant execute on function public.thread_participants(uuid) to anon, authenticated, service_role;

-- Display names of the given people who wrote something that shows (a thread
-- or a post): a list of threads names their authors. Coordinators get every
-- name. At most 200 ids a call.
create function private.author_names(p_ids uuid[])
returns table (user_id uuid, display_name text)
language sql stable security definer set search_path = '' as $$
	select p.id, p.display_name from public.profiles p
	where p.id = any (p_ids[1:200]) and (
		(select private.is_coordinator())
		or exists (select 1 from public.threads t where t.author_id = p.id and t.hidden_at is null and t.deleted_at is null)
		or exists (select 1 from public.posts x where x.author_id = p.id and x.hidden_at is null and x.deleted_at is null))
$$;
revoke execute on function private.author_names(uuid[]) from public;
grant execute on function private.author_names(uuid[]) to anon, authenticated, service_role;
create function public.author_names(p_ids uuid[])
returns table (user_id uuid, display_name text)
language sql stable set search_path = '' as $$
	select * from private.author_names(p_ids)
$$;
revoke execute on function public.author_names(uuid[]) from public;
grant execute on function public.author_names(uuid[]) to anon, authenticated, service_role;

-- Who gets the 主催者 badge in an event's thread: among the people who wrote
-- there, the event's organiser and the owners and editors of its organizing
-- or an accepted co-hosting organization. Only those who wrote: the badge
-- tells no more about memberships than the posts it marks.
create function private.event_thread_hosts(p_event uuid) returns setof uuid
language sql stable security definer set search_path = '' as $$
	select distinct x.author_id
	from public.threads t join public.posts x on x.thread_id = t.id
	join public.events e on e.id = t.event_id
	where t.event_id = p_event and private.thread_visible(t.id) and x.author_id is not null
		and (x.author_id = e.organizer_id
			or exists (select 1 from public.organization_members m
				where m.user_id = x.author_id and m.role in ('owner', 'editor')
					and (m.organization_id = e.organization_id
						or exists (select 1 from public.event_cohosts c
							where c.event_id = e.id and c.organization_id = m.organization_id and c.accepted_at is not null))))
$$;
revoke execute on function private.event_thread_hosts(uuid) from public;
grant execute on function private.event_thread_hosts(uuid) to anon, authenticated, service_role;
create function public.event_thread_hosts(p_event uuid) returns setof uuid
language sql stable set search_path = '' as $$
	select * from private.event_thread_hosts(p_event)
$$;
revoke execute on function public.event_thread_hosts(uuid) from public;
grant execute on function public.event_thread_hosts(uuid) to anon, authenticated, service_role;

-- Marks a reply as the answer (解決) of a question thread, or unmarks it
-- (p_post null): the thread's author or a coordinator. The reply must be of
-- this thread, after its first post, and showing.
create function private.mark_solved(p_thread uuid, p_post uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
	t public.threads;
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	select * into t from public.threads where id = p_thread for update;
	if not found or not private.thread_visible(p_thread) then
		raise exception 'no such thread' using errcode = 'P0002', hint = 'not_found';
	end if;
	if not t.is_question or (t.author_id is distinct from (select auth.uid()) and not private.is_coordinator()) then
		raise exception 'only the author of a question or a coordinator marks its answer'
			using errcode = '42501', hint = 'forbidden';
	end if;
	if p_post is not null and not exists (
		select 1 from public.posts p where p.id = p_post and p.thread_id = p_thread and p.position > 1
			and p.hidden_at is null and p.deleted_at is null) then
		raise exception 'no such reply' using errcode = 'P0002', hint = 'not_found';
	end if;
	update public.threads set solved_post_id = p_post where id = p_thread;
end $$;
revoke execute on function private.mark_solved(uuid, uuid) from public;
grant execute on function private.mark_solved(uuid, uuid) to authenticated, service_role;
create function public.mark_solved(p_thread uuid, p_post uuid default null) returns void
language sql set search_path = '' as $$
	select private.mark_solved(p_thread, p_post)
$$;
revoke execute on function public.mark_solved(uuid, uuid) from public, anon;
grant execute on function public.mark_solved(uuid, uuid) to authenticated, service_role;

-- Reports ------------------------------------------------------------------------

create type public.report_reason as enum ('spam', 'harassment', 'personal_info', 'other');
create type public.report_status as enum ('open', 'handled', 'dismissed');

create table public.reports (
	id uuid primary key default extensions.gen_random_uuid(),
	reporter_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
	-- exactly one reported item
	thread_id uuid references public.threads (id) on delete cascade,
	post_id uuid references public.posts (id) on delete cascade,
	event_id uuid references public.events (id) on delete cascade,
	organization_id uuid references public.organizations (id) on delete cascade,
	reason public.report_reason not null,
	-- required for 'other'
	details text constraint reports_details_length check (char_length(details) <= 1000),
	status public.report_status not null default 'open',
	handled_by uuid references public.profiles (id) on delete set null,
	handled_at timestamptz,
	-- the coordinator's note (kept from reporters: see the grants below)
	note text constraint reports_note_length check (char_length(note) <= 1000),
	created_at timestamptz not null default now(),
	constraint reports_one_item check (num_nonnulls(thread_id, post_id, event_id, organization_id) = 1),
	constraint reports_details_for_other check (reason <> 'other' or char_length(btrim(details)) >= 1)
);
-- one report per person per item (item ids are uuids: unique across the four tables)
create unique index reports_one_per_person on public.reports
	(reporter_id, coalesce(thread_id, post_id, event_id, organization_id));
-- the queue: open reports, oldest first
create index reports_open_idx on public.reports (created_at, id) where status = 'open';
create index reports_thread_idx on public.reports (thread_id) where thread_id is not null;
create index reports_post_idx on public.reports (post_id) where post_id is not null;
create index reports_event_idx on public.reports (event_id) where event_id is not null;
create index reports_organization_idx on public.reports (organization_id) where organization_id is not null;
create index reports_handled_by_idx on public.reports (handled_by);

create function private.reports_write() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if char_length(new.details) > 1000 or (new.reason = 'other' and char_length(private.trim_text(coalesce(new.details, ''))) < 1) then
		raise exception 'details: 1 to 1000 characters, required for other' using errcode = 'P0001', hint = 'bad_length';
	end if;
	new.details := nullif(private.trim_text(new.details), '');
	if exists (select 1 from public.reports r where r.reporter_id = new.reporter_id
		and coalesce(r.thread_id, r.post_id, r.event_id, r.organization_id)
			= coalesce(new.thread_id, new.post_id, new.event_id, new.organization_id)) then
		raise exception 'already reported' using errcode = 'P0001', hint = 'already_reported';
	end if;
	new.status := 'open';
	new.handled_by := null;
	new.handled_at := null;
	new.note := null;
	new.created_at := now();
	return new;
end $$;
revoke execute on function private.reports_write() from public;
create trigger reports_refuse_suspended before insert on public.reports
	for each row execute function private.refuse_suspended();
create trigger reports_write before insert on public.reports
	for each row execute function private.reports_write();

alter table public.reports enable row level security;
revoke all on public.reports from anon, authenticated, service_role;
grant select, insert, update, delete on public.reports to service_role;
-- Reporters read their own reports (what and whether handled), coordinators
-- all. The coordinator's note and who handled it are not granted: moderators
-- stay unnamed to the people whose reports they handle, and their notes are
-- theirs (coordinators read them through report_queue and the audit log).
grant select (id, reporter_id, thread_id, post_id, event_id, organization_id, reason, details, status, handled_at,
	created_at) on public.reports to authenticated;
grant insert (thread_id, post_id, event_id, organization_id, reason, details) on public.reports to authenticated;
create policy "reports: own and coordinators" on public.reports
	for select to authenticated
	using (reporter_id = (select auth.uid()) or (select private.is_coordinator()));
-- what one reports, one sees
create policy "reports: members report what they see" on public.reports
	for insert to authenticated
	with check (reporter_id = (select auth.uid()) and (
		(thread_id is not null and exists (select 1 from public.threads t where t.id = thread_id))
		or (post_id is not null and exists (select 1 from public.posts p where p.id = post_id))
		or (event_id is not null and exists (select 1 from public.events e where e.id = event_id))
		or (organization_id is not null and exists (select 1 from public.organizations o where o.id = organization_id))));

-- The moderation log ----------------------------------------------------------------
-- Append-only: rows are written only by the moderation functions below
-- (security definer), read by coordinators, and never changed or removed by
-- anybody: no role holds update, delete or truncate, and a trigger refuses
-- them even to the table's owner and to superusers who do not disable it
-- first. The ids of people and items are plain columns, not foreign keys:
-- the log outlives what it names (a deleted account or event must not take
-- its history with it, nor be kept from being deleted by it).

create table public.moderation_log (
	id uuid primary key default extensions.gen_random_uuid(),
	moderator_id uuid not null,
	action text not null constraint moderation_log_action check (action in ('hide_thread', 'restore_thread',
		'lock_thread', 'unlock_thread', 'hide_post', 'restore_post', 'suspend', 'lift_suspension',
		'dismiss_report', 'handle_report')),
	-- the person affected (the author of the item, the suspended member)
	member_id uuid,
	thread_id uuid,
	post_id uuid,
	event_id uuid,
	organization_id uuid,
	report_id uuid,
	reason text constraint moderation_log_reason_length check (char_length(reason) <= 1000),
	-- a suspension's end (null: indefinite)
	until timestamptz,
	created_at timestamptz not null default now()
);
-- /coordinate/audit: newest first, all or by moderator or by member (50 a page)
create index moderation_log_created_idx on public.moderation_log (created_at desc, id desc);
create index moderation_log_moderator_idx on public.moderation_log (moderator_id, created_at desc, id desc);
create index moderation_log_member_idx on public.moderation_log (member_id, created_at desc, id desc);

create function private.moderation_log_append_only() returns trigger
language plpgsql set search_path = '' as $$
begin
	raise exception 'the moderation log is append-only' using errcode = '42501', hint = 'forbidden';
end $$;
revoke execute on function private.moderation_log_append_only() from public;
create trigger moderation_log_no_update before update or delete on public.moderation_log
	for each row execute function private.moderation_log_append_only();
create trigger moderation_log_no_truncate before truncate on public.moderation_log
	for each statement execute function private.moderation_log_append_only();

alter table public.moderation_log enable row level security;
revoke all on public.moderation_log from anon, authenticated, service_role;
grant select on public.moderation_log to authenticated, service_role;
create policy "moderation_log: coordinators read" on public.moderation_log
	for select to authenticated using ((select private.is_coordinator()));
-- (no insert, update or delete policy and no such grant: only the definer functions write)

-- Notifications: replies, mentions, hidden posts, handled reports ------------------------

alter table public.notifications
	add column thread_id uuid references public.threads (id) on delete cascade,
	add column post_id uuid references public.posts (id) on delete cascade,
	add column report_id uuid references public.reports (id) on delete cascade,
	-- what the person is told in words (the reason a post or thread was hidden)
	add column detail text constraint notifications_detail_length check (char_length(detail) <= 1000);
-- (grants and policies unchanged: people read their own, these columns
-- included, and set only read_at)
create index notifications_thread_idx on public.notifications (thread_id);
create index notifications_post_idx on public.notifications (post_id);
create index notifications_report_idx on public.notifications (report_id);
alter table public.notifications drop constraint notifications_kind;
alter table public.notifications add constraint notifications_kind check
	(kind in ('promoted', 'event_changed', 'event_cancelled', 'occurrence_cancelled', 'cohost_invited',
		'thread_reply', 'mention', 'post_hidden', 'report_handled'));

-- Moderation functions (coordinators) ---------------------------------------------------

create function private.require_coordinator() returns uuid
language plpgsql stable security definer set search_path = '' as $$
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	if not private.is_coordinator() then
		raise exception 'coordinators only' using errcode = '42501', hint = 'forbidden';
	end if;
	return (select auth.uid());
end $$;
revoke execute on function private.require_coordinator() from public;

create function private.check_reason(p_reason text, p_required boolean) returns text
language plpgsql immutable set search_path = '' as $$
begin
	if char_length(coalesce(p_reason, '')) > 500 or (p_required and char_length(private.trim_text(coalesce(p_reason, ''))) < 1) then
		raise exception 'a reason has 1 to 500 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	return nullif(private.trim_text(p_reason), '');
end $$;
revoke execute on function private.check_reason(text, boolean) from public;

-- Closes the open reports on one item (the item's id in whichever of the four
-- columns) as handled or dismissed, and tells each reporter. Returns how many.
create function private.close_reports(p_item uuid, p_status public.report_status, p_note text)
returns integer
language plpgsql security definer set search_path = '' as $$
declare
	v_count integer;
begin
	with closed as (
		update public.reports r set status = p_status, handled_by = (select auth.uid()), handled_at = now(), note = p_note
		where r.status = 'open' and p_item in (r.thread_id, r.post_id, r.event_id, r.organization_id)
		returning r.id, r.reporter_id
	), told as (
		insert into public.notifications (user_id, kind, report_id)
		select c.reporter_id, 'report_handled', c.id from closed c
		returning 1
	)
	select count(*) into v_count from told;
	return v_count;
end $$;
revoke execute on function private.close_reports(uuid, public.report_status, text) from public;

create function private.log_action(p_action text, p_member uuid, p_thread uuid, p_post uuid, p_event uuid,
	p_organization uuid, p_report uuid, p_reason text, p_until timestamptz default null) returns void
language sql security definer set search_path = '' as $$
	insert into public.moderation_log (moderator_id, action, member_id, thread_id, post_id, event_id, organization_id,
		report_id, reason, until)
	values ((select auth.uid()), p_action, p_member, p_thread, p_post, p_event, p_organization, p_report, p_reason,
		p_until)
$$;
revoke execute on function private.log_action(text, uuid, uuid, uuid, uuid, uuid, uuid, text, timestamptz) from public;

-- Hides or restores a thread or a post (p_hide), or locks or unlocks a thread.
-- Hiding tells the author why ('post_hidden', with the reason; for a thread
-- too). Hiding and locking close the item's open reports (reporters are
-- told). Doing what is already done changes nothing and logs nothing.
create function private.moderate_thread(p_thread uuid, p_action text, p_reason text) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := private.require_coordinator();
	t public.threads;
	v_reason text := private.check_reason(p_reason, p_action = 'hide_thread');
begin
	select * into t from public.threads where id = p_thread for update;
	if not found then
		raise exception 'no such thread' using errcode = 'P0002', hint = 'not_found';
	end if;
	if p_action = 'hide_thread' then
		if t.hidden_at is not null then return; end if;
		update public.threads set hidden_at = now(), hidden_by = v_uid, hidden_reason = v_reason where id = p_thread;
		if t.author_id is not null then
			insert into public.notifications (user_id, kind, thread_id, detail)
				values (t.author_id, 'post_hidden', p_thread, v_reason);
		end if;
		perform private.close_reports(p_thread, 'handled', v_reason);
	elsif p_action = 'restore_thread' then
		if t.hidden_at is null then return; end if;
		update public.threads set hidden_at = null, hidden_by = null, hidden_reason = null where id = p_thread;
	elsif p_action = 'lock_thread' then
		if t.locked_at is not null then return; end if;
		update public.threads set locked_at = now(), locked_by = v_uid where id = p_thread;
		perform private.close_reports(p_thread, 'handled', v_reason);
	elsif p_action = 'unlock_thread' then
		if t.locked_at is null then return; end if;
		update public.threads set locked_at = null, locked_by = null where id = p_thread;
	else
		raise exception 'unknown action' using errcode = '22023';
	end if;
	perform private.log_action(p_action, t.author_id, p_thread, null, t.event_id, t.organization_id, null, v_reason);
end $$;
revoke execute on function private.moderate_thread(uuid, text, text) from public;

create function private.moderate_post(p_post uuid, p_hide boolean, p_reason text) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := private.require_coordinator();
	p public.posts;
	v_reason text := private.check_reason(p_reason, p_hide);
begin
	select * into p from public.posts where id = p_post for update;
	if not found then
		raise exception 'no such post' using errcode = 'P0002', hint = 'not_found';
	end if;
	if p_hide then
		if p.hidden_at is not null then return; end if;
		update public.posts set hidden_at = now(), hidden_by = v_uid, hidden_reason = v_reason where id = p_post;
		if p.author_id is not null then
			insert into public.notifications (user_id, kind, thread_id, post_id, detail)
				values (p.author_id, 'post_hidden', p.thread_id, p_post, v_reason);
		end if;
		perform private.close_reports(p_post, 'handled', v_reason);
	else
		if p.hidden_at is null then return; end if;
		update public.posts set hidden_at = null, hidden_by = null, hidden_reason = null where id = p_post;
	end if;
	perform private.log_action(case when p_hide then 'hide_post' else 'restore_post' end, p.author_id, p.thread_id,
		p_post, null, null, null, v_reason);
end $$;
revoke execute on function private.moderate_post(uuid, boolean, text) from public;

-- Suspends a member for p_days days (1, 7 or 30; null: until lifted),
-- replacing any suspension in force. Coordinators and admins are not
-- suspended (nor oneself). With p_report: that report's item's open
-- reports are closed as handled.
create function private.suspend_member(p_user uuid, p_days integer, p_reason text, p_report uuid)
returns timestamptz
language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := private.require_coordinator();
	v_reason text := private.check_reason(p_reason, true);
	v_until timestamptz;
	v_item uuid;
begin
	if p_days is not null and p_days not in (1, 7, 30) then
		raise exception 'suspend for 1, 7 or 30 days, or until lifted' using errcode = '22023';
	end if;
	if not exists (select 1 from public.profiles p where p.id = p_user) then
		raise exception 'no such member' using errcode = 'P0002', hint = 'not_found';
	end if;
	if p_user = v_uid or exists (select 1 from public.profiles p where p.id = p_user and p.role <> 'member') then
		raise exception 'coordinators and admins are not suspended' using errcode = '42501', hint = 'forbidden';
	end if;
	perform 1 from public.profiles p where p.id = p_user for update;
	update public.suspensions set lifted_at = now(), lifted_by = v_uid
		where user_id = p_user and lifted_at is null;
	v_until := case when p_days is null then null else now() + make_interval(days => p_days) end;
	insert into public.suspensions (user_id, until, reason, created_by) values (p_user, v_until, v_reason, v_uid);
	if p_report is not null then
		select coalesce(r.thread_id, r.post_id, r.event_id, r.organization_id) into v_item
			from public.reports r where r.id = p_report;
		if v_item is not null then
			perform private.close_reports(v_item, 'handled', v_reason);
		end if;
	end if;
	perform private.log_action('suspend', p_user, null, null, null, null, p_report, v_reason, v_until);
	return v_until;
end $$;
revoke execute on function private.suspend_member(uuid, integer, text, uuid) from public;

create function private.lift_suspension(p_user uuid, p_reason text) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := private.require_coordinator();
	v_reason text := private.check_reason(p_reason, false);
begin
	update public.suspensions set lifted_at = now(), lifted_by = v_uid
		where user_id = p_user and lifted_at is null and (until is null or until > now());
	if not found then
		raise exception 'no suspension in force' using errcode = 'P0002', hint = 'not_found';
	end if;
	perform private.log_action('lift_suspension', p_user, null, null, null, null, null, v_reason);
end $$;
revoke execute on function private.lift_suspension(uuid, text) from public;

-- Closes a report and every other open report on the same item: dismissed
-- (nothing to do), or handled (acted on elsewhere: an event changed, an
-- organization hidden on its page). Reporters are told either way.
create function private.close_report(p_report uuid, p_status public.report_status, p_note text) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_note text;
	r public.reports;
	v_member uuid;
begin
	perform private.require_coordinator();
	v_note := private.check_reason(p_note, false);
	select * into r from public.reports where id = p_report for update;
	if not found then
		raise exception 'no such report' using errcode = 'P0002', hint = 'not_found';
	end if;
	if r.status <> 'open' then
		return;
	end if;
	perform private.close_reports(coalesce(r.thread_id, r.post_id, r.event_id, r.organization_id), p_status, v_note);
	select coalesce(
		(select t.author_id from public.threads t where t.id = r.thread_id),
		(select p.author_id from public.posts p where p.id = r.post_id),
		(select e.organizer_id from public.events e where e.id = r.event_id),
		(select o.created_by from public.organizations o where o.id = r.organization_id))
	into v_member;
	perform private.log_action(case when p_status = 'dismissed' then 'dismiss_report' else 'handle_report' end,
		v_member, coalesce(r.thread_id, (select p.thread_id from public.posts p where p.id = r.post_id)), r.post_id,
		r.event_id, r.organization_id, p_report, v_note);
end $$;
revoke execute on function private.close_report(uuid, public.report_status, text) from public;

-- (the helpers above run only inside these definer functions, as their owner)
grant execute on function private.moderate_thread(uuid, text, text), private.moderate_post(uuid, boolean, text),
	private.suspend_member(uuid, integer, text, uuid), private.lift_suspension(uuid, text),
	private.close_report(uuid, public.report_status, text)
	to authenticated;

-- The API: each a thin wrapper (security invoker) around the definer function.
create function public.hide_thread(p_thread uuid, p_reason text) returns void
language sql set search_path = '' as $$ select private.moderate_thread(p_thread, 'hide_thread', p_reason) $$;
create function public.restore_thread(p_thread uuid, p_reason text default null) returns void
language sql set search_path = '' as $$ select private.moderate_thread(p_thread, 'restore_thread', p_reason) $$;
create function public.lock_thread(p_thread uuid, p_reason text default null) returns void
language sql set search_path = '' as $$ select private.moderate_thread(p_thread, 'lock_thread', p_reason) $$;
create function public.unlock_thread(p_thread uuid, p_reason text default null) returns void
language sql set search_path = '' as $$ select private.moderate_thread(p_thread, 'unlock_thread', p_reason) $$;
create function public.hide_post(p_post uuid, p_reason text) returns void
language sql set search_path = '' as $$ select private.moderate_post(p_post, true, p_reason) $$;
create function public.restore_post(p_post uuid, p_reason text default null) returns void
language sql set search_path = '' as $$ select private.moderate_post(p_post, false, p_reason) $$;
create function public.suspend_member(p_user uuid, p_reason text, p_days integer default null,
	p_report uuid default null)
returns timestamptz
language sql set search_path = '' as $$ select private.suspend_member(p_user, p_days, p_reason, p_report) $$;
create function public.lift_suspension(p_user uuid, p_reason text default null) returns void
language sql set search_path = '' as $$ select private.lift_suspension(p_user, p_reason) $$;
create function public.dismiss_report(p_report uuid, p_note text default null) returns void
language sql set search_path = '' as $$ select private.close_report(p_report, 'dismissed', p_note) $$;
create function public.handle_report(p_report uuid, p_note text default null) returns void
language sql set search_path = '' as $$ select private.close_report(p_report, 'handled', p_note) $$;

revoke execute on function public.hide_thread(uuid, text), public.restore_thread(uuid, text),
	public.lock_thread(uuid, text), public.unlock_thread(uuid, text), public.hide_post(uuid, text),
	public.restore_post(uuid, text), public.suspend_member(uuid, text, integer, uuid),
	public.lift_suspension(uuid, text), public.dismiss_report(uuid, text), public.handle_report(uuid, text)
	from public, anon;
grant execute on function public.hide_thread(uuid, text), public.restore_thread(uuid, text),
	public.lock_thread(uuid, text), public.unlock_thread(uuid, text), public.hide_post(uuid, text),
	public.restore_post(uuid, text), public.suspend_member(uuid, text, integer, uuid),
	public.lift_suspension(uuid, text), public.dismiss_report(uuid, text), public.handle_report(uuid, text)
	to authenticated;

-- The report queue (/coordinate/reports): open reports grouped by item,
-- personal information (個人情報) first, then oldest first; with how many
-- people reported it, their reasons and words, the reported text and its
-- context (the thread's title, the author). p_limit 1 to 100. Coordinators only.
create function private.report_queue(p_limit integer, p_offset integer)
returns table (
	item_kind text, item_id uuid, thread_id uuid, post_id uuid, event_id uuid, organization_id uuid,
	post_position integer, title text, body text, author_id uuid, author_name text,
	item_hidden boolean, item_deleted boolean, thread_locked boolean,
	reporters integer, personal_info boolean, reasons public.report_reason[], details text[], report_ids uuid[],
	first_reported_at timestamptz
)
language plpgsql stable security definer set search_path = '' as $$
begin
	perform private.require_coordinator();
	return query
	with open_items as (
		select r.thread_id as r_thread, r.post_id as r_post, r.event_id as r_event, r.organization_id as r_org,
			count(*)::integer as n, bool_or(r.reason = 'personal_info') as personal,
			array_agg(distinct r.reason) as why,
			coalesce(array_agg(r.details order by r.created_at) filter (where r.details is not null), '{}') as words,
			array_agg(r.id order by r.created_at, r.id) as ids,
			min(r.created_at) as first_at
		from public.reports r
		where r.status = 'open'
		group by r.thread_id, r.post_id, r.event_id, r.organization_id
		order by bool_or(r.reason = 'personal_info') desc, min(r.created_at), 1, 2, 3, 4
		limit least(greatest(coalesce(p_limit, 50), 1), 100) offset greatest(coalesce(p_offset, 0), 0)
	)
	select
		case when i.r_thread is not null then 'thread' when i.r_post is not null then 'post'
			when i.r_event is not null then 'event' else 'organization' end,
		coalesce(i.r_thread, i.r_post, i.r_event, i.r_org),
		coalesce(i.r_thread, p.thread_id), i.r_post, i.r_event, i.r_org,
		p.position,
		coalesce(t.title, pt.title, e.title, o.name),
		coalesce(p.body, fp.body, e.summary || E'\n\n' || e.body, o.description),
		coalesce(p.author_id, t.author_id, e.organizer_id, o.created_by),
		a.display_name,
		coalesce(p.hidden_at, t.hidden_at, o.hidden_at) is not null,
		coalesce(p.deleted_at, t.deleted_at) is not null,
		coalesce(t.locked_at, pt.locked_at) is not null,
		i.n, i.personal, i.why, i.words, i.ids, i.first_at
	from open_items i
	left join public.posts p on p.id = i.r_post
	left join public.threads pt on pt.id = p.thread_id
	left join public.threads t on t.id = i.r_thread
	left join public.posts fp on fp.thread_id = t.id and fp.position = 1
	left join public.events e on e.id = i.r_event
	left join public.organizations o on o.id = i.r_org
	left join public.profiles a on a.id = coalesce(p.author_id, t.author_id, e.organizer_id, o.created_by)
	order by i.personal desc, i.first_at, 2;
end $$;
revoke execute on function private.report_queue(integer, integer) from public;
grant execute on function private.report_queue(integer, integer) to authenticated;
create function public.report_queue(p_limit integer default 50, p_offset integer default 0)
returns table (
	item_kind text, item_id uuid, thread_id uuid, post_id uuid, event_id uuid, organization_id uuid,
	post_position integer, title text, body text, author_id uuid, author_name text,
	item_hidden boolean, item_deleted boolean, thread_locked boolean,
	reporters integer, personal_info boolean, reasons public.report_reason[], details text[], report_ids uuid[],
	first_reported_at timestamptz
)
language sql stable set search_path = '' as $$
	select * from private.report_queue(p_limit, p_offset)
$$;
revoke execute on function public.report_queue(integer, integer) from public, anon;
grant execute on function public.report_queue(integer, integer) to authenticated;
