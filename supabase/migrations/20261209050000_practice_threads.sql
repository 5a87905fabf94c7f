-- Threads of practices (issue 12), on the practices schema of 20261209000000:
--
-- * threads.practice_id: a practice's comment thread (コメント), at most one,
--   made at its first comment by practice_thread() like an event's thread
--   (event_thread). It shows only with its practice (the threads policy and
--   private.thread_visible gain that clause); its title follows the practice's.
-- * threads.inspired_by_practice_id: a thread opened by 「うちでもやってみたい」
--   (inspire_thread): in the reader's area and the practice's fields, its first
--   post linking to the practice, and a practice_inspired notice (thread_id,
--   practice_id) to every owner and editor of the practice's lead organization,
--   in one transaction. Members cannot set either column themselves: they have
--   no insert or update privilege on them (only title, area_id,
--   organization_id, is_question are granted), only these functions write them.
--
-- Refusals (REFUSALS in src/lib/server/db/errors.ts): sign_in, not_found (no
-- such published practice, an unknown area or field), bad_length, and those of
-- the triggers on threads and posts (suspended, unverified, thread_rate,
-- post_rate, too_many_links).

alter table public.threads
	add column practice_id uuid constraint threads_practice_key unique
		references public.practices (id) on delete cascade,
	add column inspired_by_practice_id uuid references public.practices (id) on delete set null;
-- the threads a practice inspired, newest first (its page)
create index threads_inspired_by_idx on public.threads (inspired_by_practice_id, created_at desc)
	where inspired_by_practice_id is not null;
-- (threads_practice_key's unique index serves the comment thread's lookup)

-- Whether the requesting person sees the practice: the rule of the practices
-- policy, for definer functions (which bypass RLS).
create function private.practice_visible(p_practice uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.practices p
		where p.id = p_practice
			and (p.status = 'published'
				or p.lead_organization_id = any (private.my_edited_org_ids())
				or private.is_coordinator()))
$$;
revoke execute on function private.practice_visible(uuid) from public;
grant execute on function private.practice_visible(uuid) to anon, authenticated, service_role;

-- As in 20261205000000, plus: a practice's thread shows with its practice.
create or replace function private.thread_visible(p_thread uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.threads t
		where t.id = p_thread
			and ((t.hidden_at is null and t.deleted_at is null)
				or t.author_id = (select auth.uid()) or (select private.is_coordinator()))
			and (t.event_id is null or private.event_visible(t.event_id))
			and (t.practice_id is null or private.practice_visible(t.practice_id)))
$$;

drop policy "threads: visible ones, own and coordinators" on public.threads;
create policy "threads: visible ones, own and coordinators" on public.threads
	for select to anon, authenticated
	using (((hidden_at is null and deleted_at is null) or author_id = (select auth.uid())
			or (select private.is_coordinator()))
		and (event_id is null or private.event_visible(event_id))
		-- (the practices policy applies inside the exists)
		and (practice_id is null or exists (select 1 from public.practices p where p.id = practice_id)));

-- As in 20261205000000, plus: a practice's comment thread is not its author's
-- own thread either (it is made for the practice), so it does not count
-- against the new-account limit.
create or replace function private.threads_write() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if char_length(private.trim_text(new.title)) not between 1 and 120 then
		raise exception 'a title has 1 to 120 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	if new.event_id is null and new.practice_id is null and new.author_id is not null
		and coalesce(auth.role(), '') in ('anon', 'authenticated') and private.is_new_account(new.author_id) then
		perform private.lock_writer(new.author_id);
		if (select count(*) from (
			select 1 from public.threads t
			where t.author_id = new.author_id and t.event_id is null and t.practice_id is null
				and t.created_at > now() - interval '24 hours'
			limit 3) recent) >= 3 then
			raise exception 'new accounts start at most 3 threads a day' using errcode = 'P0001', hint = 'thread_rate';
		end if;
	end if;
	new.search_text := private.search_normalize(new.title);
	return new;
end $$;

-- A practice's comment thread carries the practice's title.
create function private.practice_thread_retitle() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	update public.threads set title = new.title where practice_id = new.id;
	return null;
end $$;
revoke execute on function private.practice_thread_retitle() from public;
create trigger practices_thread_retitle after update of title on public.practices
	for each row when (old.title is distinct from new.title)
	execute function private.practice_thread_retitle();

-- The comment thread of a published practice, made the first time somebody
-- asks for it (their first comment). Its author is the practice's author, who
-- follows it; area (the practice's first, in the areas' order), organization
-- (the lead organization) and fields are the practice's.
create function public.practice_thread(p_practice uuid) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
	p public.practices;
	v_id uuid;
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	select * into p from public.practices where id = p_practice;
	if not found or p.status <> 'published' then
		raise exception 'no such practice' using errcode = 'P0002', hint = 'not_found';
	end if;
	select t.id into v_id from public.threads t where t.practice_id = p_practice;
	if found then
		return v_id;
	end if;
	insert into public.threads (title, author_id, area_id, organization_id, practice_id)
		values (p.title, p.author_id,
			(select a.id from public.practice_areas pa join public.areas a on a.id = pa.area_id
				where pa.practice_id = p.id order by a.sort_order, a.id limit 1),
			p.lead_organization_id, p.id)
		on conflict (practice_id) do nothing
		returning id into v_id;
	if v_id is null then
		-- made by somebody else at the same moment
		select t.id into v_id from public.threads t where t.practice_id = p_practice;
		return v_id;
	end if;
	insert into public.thread_fields (thread_id, field_id)
		select v_id, f.field_id from public.practice_fields f where f.practice_id = p_practice;
	if p.author_id is not null then
		insert into public.thread_follows (thread_id, user_id, following) values (v_id, p.author_id, true)
			on conflict do nothing;
	end if;
	return v_id;
end $$;
revoke execute on function public.practice_thread(uuid) from public, anon;
grant execute on function public.practice_thread(uuid) to authenticated, service_role;

-- 「うちでもやってみたい」: the caller opens a thread about trying a published
-- practice in their own area (p_area, optional) with the practice's fields
-- (p_field_ids, as the form sent them), inspired_by_practice_id set, and its
-- first post (p_body as written, p_body_html rendered by the app, with the
-- link to the practice). Every owner and editor of the lead organization
-- (except the caller) gets a practice_inspired notice, which becomes a mail
-- ('practice'). Definer, because members cannot write inspired_by_practice_id
-- nor notices for others; it checks the caller itself, and the triggers of
-- threads and posts refuse as for any thread (suspended, unverified, the
-- new-account and post limits, lengths: auth.uid() and the role stay the
-- caller's). Returns the thread's id.
create function public.inspire_thread(
	p_practice uuid, p_title text, p_body text, p_body_html text, p_area uuid default null,
	p_field_ids uuid[] default '{}'
) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
	v_me uuid := (select auth.uid());
	p public.practices;
	v_id uuid;
begin
	if v_me is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	select * into p from public.practices where id = p_practice;
	if not found or p.status <> 'published' then
		raise exception 'no such practice' using errcode = 'P0002', hint = 'not_found';
	end if;
	if char_length(private.trim_text(coalesce(p_title, ''))) not between 1 and 120 then
		raise exception 'a title has 1 to 120 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	if p_area is not null and not exists (select 1 from public.areas a where a.id = p_area and a.retired_at is null) then
		raise exception 'no such area' using errcode = 'P0002', hint = 'not_found';
	end if;
	if exists (select 1 from unnest(coalesce(p_field_ids, '{}')) f
		where not exists (select 1 from public.fields x where x.id = f and x.retired_at is null)) then
		raise exception 'no such field' using errcode = 'P0002', hint = 'not_found';
	end if;
	insert into public.threads (title, author_id, area_id, inspired_by_practice_id)
		values (private.trim_text(p_title), v_me, p_area, p.id)
		returning id into v_id;
	insert into public.thread_fields (thread_id, field_id)
		select distinct v_id, f from unnest(coalesce(p_field_ids, '{}')) f;
	insert into public.posts (thread_id, author_id, body, body_html) values (v_id, v_me, p_body, p_body_html);
	insert into public.notifications (user_id, kind, thread_id, practice_id)
		select m.user_id, 'practice_inspired', v_id, p.id
		from public.organization_members m
		where m.organization_id = p.lead_organization_id and m.role in ('owner', 'editor') and m.user_id <> v_me;
	return v_id;
end $$;
revoke execute on function public.inspire_thread(uuid, text, text, text, uuid, uuid[]) from public, anon;
grant execute on function public.inspire_thread(uuid, text, text, text, uuid, uuid[]) to authenticated, service_role;

-- The home page ------------------------------------------------------------------------
-- The next p_limit event cards (a series once, at its next date), as
-- search_event_series gives them without filters, but as the dates' own rows
-- so that the page embeds each card's event in the same request: the home
-- page's events are one query (private.event_series_page walks
-- event_occurrences_starts_idx). Security invoker: RLS applies as well.
create function public.home_event_series(p_from timestamptz, p_limit integer default 6)
returns setof public.event_occurrences
language sql stable set search_path = '' as $$
	select o.* from private.event_series_page(p_from, null, null, null, null, null, null, false, false,
		least(greatest(coalesce(p_limit, 6), 1), 100), 0) page
	join public.event_occurrences o on o.id = page.occurrence_id
	order by page.starts_at, page.occurrence_id
$$;
revoke execute on function public.home_event_series(timestamptz, integer) from public;
grant execute on function public.home_event_series(timestamptz, integer) to anon, authenticated, service_role;

-- How many more dates a card's event has after it (from now on, counted up to
-- 100; 0 unless published): search_event_series' `further` for the home page,
-- as a computed column of event_occurrences (`select=…,further_dates`).
create function public.further_dates(o public.event_occurrences) returns integer
language sql stable set search_path = '' as $$
	select private.further_dates(o.event_id, o.starts_at, o.id, now(), null, false)
$$;
revoke execute on function public.further_dates(public.event_occurrences) from public;
grant execute on function public.further_dates(public.event_occurrences) to anon, authenticated, service_role;
