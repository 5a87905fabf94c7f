-- Recognition (表彰 and ありがとう), issue 12.
--
-- * awards: coordinators give one to a practice, an organization or a person
--   (exactly one), with a name, a citation (Markdown), a date and optionally the
--   event it was presented at (発表会). Everyone reads the awards of what they
--   can see; only coordinators write (policies). The recipient is told
--   (award_received: the person, or the owners and editors of the organization
--   or of the practice's lead organization).
-- * nominations: a member nominates a published practice or an organization
--   with a reason; the nominator and coordinators read it; coordinators close it
--   with a note (close_nomination) or turn it into an award (an award naming the
--   nomination closes it as awarded). The nominator is told (nomination_answered).
-- * thanks: a member thanks a published practice, an organization or a person,
--   with an optional message of up to 140 characters, once per recipient per
--   Tokyo day, never oneself nor an organization one belongs to (or its
--   practices). Public like posts; reported and hidden like posts.
-- * programmes (発表会プログラム): coordinators choose published practices for an
--   event, in order, with presenter, paragraph and an optional time; everybody
--   reads a programme once a coordinator makes it public.
-- * notices and mail: notification kinds award_received, nomination_answered and
--   thanks_received become mails of kind 'recognition' (preference
--   practices_recognition, added with the practices).

-- Awards ------------------------------------------------------------------------------

create table public.nominations (
	id uuid primary key default extensions.gen_random_uuid(),
	nominator_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
	practice_id uuid references public.practices (id) on delete cascade,
	organization_id uuid references public.organizations (id) on delete cascade,
	reason text not null constraint nominations_reason_length check (char_length(reason) between 1 and 1000),
	-- open (to review), awarded (an award names it), closed (with a note)
	status text not null default 'open' constraint nominations_status check (status in ('open', 'awarded', 'closed')),
	note text constraint nominations_note_length check (char_length(note) <= 1000),
	answered_by uuid references public.profiles (id) on delete set null,
	answered_at timestamptz,
	created_at timestamptz not null default now(),
	constraint nominations_one_item check (num_nonnulls(practice_id, organization_id) = 1)
);
-- /coordinate/nominations: open first, newest first
create index nominations_queue_idx on public.nominations (status, created_at desc, id desc);
create index nominations_nominator_idx on public.nominations (nominator_id, created_at desc);
create index nominations_practice_idx on public.nominations (practice_id) where practice_id is not null;
create index nominations_organization_idx on public.nominations (organization_id) where organization_id is not null;
create index nominations_answered_by_idx on public.nominations (answered_by);

create table public.awards (
	id uuid primary key default extensions.gen_random_uuid(),
	-- exactly one recipient
	practice_id uuid references public.practices (id) on delete cascade,
	organization_id uuid references public.organizations (id) on delete cascade,
	profile_id uuid references public.profiles (id) on delete cascade,
	-- 令和8年度 地域づくり大賞
	name text not null constraint awards_name_length check (char_length(btrim(name)) between 1 and 120),
	-- Markdown; capped so that the certificate (表彰状) fits one sheet
	citation text not null constraint awards_citation_length check (char_length(btrim(citation)) between 1 and 600),
	awarded_on date not null,
	-- 年度 (April–March) of awarded_on, for the timeline's filter
	fiscal_year integer generated always as
		(extract(year from awarded_on)::integer - case when extract(month from awarded_on) < 4 then 1 else 0 end) stored,
	-- the event it was presented at (発表会, 表彰式)
	event_id uuid references public.events (id) on delete set null,
	-- the nomination it answers (closed as awarded when the award is made)
	nomination_id uuid unique references public.nominations (id) on delete set null,
	created_by uuid references public.profiles (id) on delete set null default auth.uid(),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint awards_one_recipient check (num_nonnulls(practice_id, organization_id, profile_id) = 1)
);
-- /recognition: newest first, all or by 年度
create index awards_timeline_idx on public.awards (awarded_on desc, created_at desc, id desc);
create index awards_fiscal_year_idx on public.awards (fiscal_year, awarded_on desc, created_at desc, id desc);
create index awards_practice_idx on public.awards (practice_id, awarded_on desc) where practice_id is not null;
create index awards_organization_idx on public.awards (organization_id, awarded_on desc) where organization_id is not null;
create index awards_profile_idx on public.awards (profile_id, awarded_on desc) where profile_id is not null;
create index awards_event_idx on public.awards (event_id) where event_id is not null;
create index awards_created_by_idx on public.awards (created_by);

-- The owners and editors of an organization (who hear of what it receives).
create function private.org_editors(p_org uuid) returns setof uuid
language sql stable security definer set search_path = '' as $$
	select m.user_id from public.organization_members m
	where m.organization_id = p_org and m.role in ('owner', 'editor')
$$;
revoke execute on function private.org_editors(uuid) from public;

-- Who is told of what a recipient receives: the person, or the owners and
-- editors of the organization or of the practice's lead organization.
create function private.recipient_people(p_practice uuid, p_org uuid, p_profile uuid) returns setof uuid
language sql stable security definer set search_path = '' as $$
	select p_profile where p_profile is not null
	union
	select private.org_editors(p_org) where p_org is not null
	union
	select private.org_editors(pr.lead_organization_id) from public.practices pr where pr.id = p_practice
$$;
revoke execute on function private.recipient_people(uuid, uuid, uuid) from public;

-- A recipient as the rules need it: a practice must be published, an
-- organization must exist (hidden ones included: coordinators may still
-- recognise them), a person must have a listed profile (their name is shown).
create function private.check_recipient(p_practice uuid, p_org uuid, p_profile uuid) returns void
language plpgsql stable security definer set search_path = '' as $$
begin
	if p_practice is not null and not exists (
		select 1 from public.practices p where p.id = p_practice and p.status = 'published') then
		raise exception 'only published practices' using errcode = 'P0001', hint = 'not_published';
	end if;
	if p_org is not null and not exists (select 1 from public.organizations o where o.id = p_org) then
		raise exception 'no such organization' using errcode = 'P0002', hint = 'not_found';
	end if;
	if p_profile is not null and not exists (select 1 from public.profiles p where p.id = p_profile and p.listed) then
		raise exception 'only people with a public profile' using errcode = 'P0001', hint = 'not_listed';
	end if;
end $$;
revoke execute on function private.check_recipient(uuid, uuid, uuid) from public;

create function private.awards_write() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_status text;
begin
	new.name := private.trim_text(new.name);
	new.citation := btrim(new.citation);
	if char_length(coalesce(new.name, '')) not between 1 and 120
		or char_length(coalesce(new.citation, '')) not between 1 and 600 then
		raise exception 'name 1 to 120, citation 1 to 600 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	if tg_op = 'INSERT' or (new.practice_id, new.organization_id, new.profile_id)
		is distinct from (old.practice_id, old.organization_id, old.profile_id) then
		perform private.check_recipient(new.practice_id, new.organization_id, new.profile_id);
	end if;
	if tg_op = 'INSERT' then
		new.created_at := now();
		new.created_by := coalesce((select auth.uid()), new.created_by);
		if new.nomination_id is not null then
			select n.status into v_status from public.nominations n where n.id = new.nomination_id for update;
			if not found then
				raise exception 'no such nomination' using errcode = 'P0002', hint = 'not_found';
			elsif v_status <> 'open' then
				raise exception 'the nomination was answered already' using errcode = 'P0001', hint = 'already_answered';
			end if;
		end if;
	else
		-- the nomination an award answered stays its nomination
		new.nomination_id := old.nomination_id;
		new.created_at := old.created_at;
		new.created_by := old.created_by;
		new.updated_at := now();
	end if;
	return new;
end $$;
revoke execute on function private.awards_write() from public;
create trigger awards_write before insert or update on public.awards
	for each row execute function private.awards_write();

-- A new award: the recipient is told; the nomination it answers is closed as
-- awarded and its nominator told.
create function private.awards_given() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_nominator uuid;
begin
	insert into public.notifications (user_id, kind, award_id, practice_id, organization_id)
	select r, 'award_received', new.id, new.practice_id, new.organization_id
	from private.recipient_people(new.practice_id, new.organization_id, new.profile_id) r;
	if new.nomination_id is not null then
		update public.nominations set status = 'awarded', answered_by = (select auth.uid()), answered_at = now()
			where id = new.nomination_id
			returning nominator_id into v_nominator;
		insert into public.notifications (user_id, kind, nomination_id, award_id)
			values (v_nominator, 'nomination_answered', new.nomination_id, new.id);
	end if;
	return null;
end $$;
revoke execute on function private.awards_given() from public;
create trigger awards_given after insert on public.awards
	for each row execute function private.awards_given();

alter table public.awards enable row level security;
revoke all on public.awards from anon, authenticated, service_role;
grant select, insert, update, delete on public.awards to service_role;
grant select on public.awards to anon, authenticated;
grant insert (practice_id, organization_id, profile_id, name, citation, awarded_on, event_id, nomination_id)
	on public.awards to authenticated;
grant update (practice_id, organization_id, profile_id, name, citation, awarded_on, event_id)
	on public.awards to authenticated;
grant delete on public.awards to authenticated;
-- an award shows where its recipient shows (a published practice; an
-- organization or a person the reader may see)
create policy "awards: read with the recipient" on public.awards
	for select to anon, authenticated
	using (
		(practice_id is not null and exists (
			select 1 from public.practices p where p.id = practice_id and p.status = 'published'))
		or (organization_id is not null and exists (select 1 from public.organizations o where o.id = organization_id))
		or (profile_id is not null and exists (select 1 from public.profiles p where p.id = profile_id))
		or (select private.is_coordinator()));
create policy "awards: coordinators give" on public.awards
	for insert to authenticated with check ((select private.is_coordinator()));
create policy "awards: coordinators change" on public.awards
	for update to authenticated using ((select private.is_coordinator())) with check ((select private.is_coordinator()));
create policy "awards: coordinators delete" on public.awards
	for delete to authenticated using ((select private.is_coordinator()));

-- Nominations ------------------------------------------------------------------------

create function private.nominations_write() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	new.reason := btrim(new.reason);
	if char_length(coalesce(new.reason, '')) not between 1 and 1000 then
		raise exception 'a reason of 1 to 1000 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	perform private.check_recipient(new.practice_id, new.organization_id, null);
	new.nominator_id := coalesce((select auth.uid()), new.nominator_id);
	new.status := 'open';
	new.note := null;
	new.answered_by := null;
	new.answered_at := null;
	new.created_at := now();
	return new;
end $$;
revoke execute on function private.nominations_write() from public;
create trigger nominations_refuse_suspended before insert on public.nominations
	for each row execute function private.refuse_suspended();
create trigger nominations_refuse_unverified before insert on public.nominations
	for each row execute function private.refuse_unverified();
create trigger nominations_write before insert on public.nominations
	for each row execute function private.nominations_write();

alter table public.nominations enable row level security;
revoke all on public.nominations from anon, authenticated, service_role;
grant select, insert, update, delete on public.nominations to service_role;
grant select on public.nominations to authenticated;
grant insert (practice_id, organization_id, reason) on public.nominations to authenticated;
-- a nomination is between its nominator and the coordinators
create policy "nominations: own and coordinators read" on public.nominations
	for select to authenticated
	using (nominator_id = (select auth.uid()) or (select private.is_coordinator()));
-- what one nominates, one sees
create policy "nominations: members nominate what they see" on public.nominations
	for insert to authenticated
	with check (nominator_id = (select auth.uid()) and (
		(practice_id is not null and exists (select 1 from public.practices p where p.id = practice_id))
		or (organization_id is not null and exists (select 1 from public.organizations o where o.id = organization_id))));
-- (no update or delete policy: coordinators answer through close_nomination or an award)

-- A coordinator closes an open nomination with a note (not awarded); the
-- nominator is told, with the note.
create function public.close_nomination(p_nomination uuid, p_note text default null) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := private.require_coordinator();
	v_note text := private.check_reason(p_note, false);
	n public.nominations;
begin
	select * into n from public.nominations where id = p_nomination for update;
	if not found then
		raise exception 'no such nomination' using errcode = 'P0002', hint = 'not_found';
	end if;
	if n.status <> 'open' then
		raise exception 'the nomination was answered already' using errcode = 'P0001', hint = 'already_answered';
	end if;
	update public.nominations set status = 'closed', note = v_note, answered_by = v_uid, answered_at = now()
		where id = p_nomination;
	insert into public.notifications (user_id, kind, nomination_id, detail)
		values (n.nominator_id, 'nomination_answered', p_nomination, v_note);
end $$;
revoke execute on function public.close_nomination(uuid, text) from public, anon;
grant execute on function public.close_nomination(uuid, text) to authenticated;

-- Thanks (ありがとう) ------------------------------------------------------------------

create table public.thanks (
	id uuid primary key default extensions.gen_random_uuid(),
	thanker_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
	-- exactly one recipient
	practice_id uuid references public.practices (id) on delete cascade,
	organization_id uuid references public.organizations (id) on delete cascade,
	profile_id uuid references public.profiles (id) on delete cascade,
	message text constraint thanks_message_length check (char_length(message) between 1 and 140),
	created_at timestamptz not null default now(),
	-- the Tokyo date of created_at (a trigger keeps it): once per recipient per day
	tokyo_day date not null default ((now() at time zone 'Asia/Tokyo')::date),
	hidden_at timestamptz,
	hidden_by uuid references public.profiles (id) on delete set null,
	hidden_reason text constraint thanks_hidden_reason_length check (char_length(hidden_reason) <= 500),
	constraint thanks_one_recipient check (num_nonnulls(practice_id, organization_id, profile_id) = 1)
);
create unique index thanks_once_per_day on public.thanks
	(thanker_id, coalesce(practice_id, organization_id, profile_id), tokyo_day);
create index thanks_practice_idx on public.thanks (practice_id, created_at desc) where practice_id is not null;
create index thanks_organization_idx on public.thanks (organization_id, created_at desc) where organization_id is not null;
create index thanks_profile_idx on public.thanks (profile_id, created_at desc) where profile_id is not null;
create index thanks_hidden_by_idx on public.thanks (hidden_by);

create function private.thanks_day() returns trigger
language plpgsql set search_path = '' as $$
begin
	new.tokyo_day := (new.created_at at time zone 'Asia/Tokyo')::date;
	return new;
end $$;
revoke execute on function private.thanks_day() from public;

create function private.thanks_write() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := coalesce((select auth.uid()), new.thanker_id);
begin
	if char_length(coalesce(new.message, '')) > 140 then
		raise exception 'a message of up to 140 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	new.message := nullif(btrim(new.message), '');
	new.thanker_id := v_uid;
	new.created_at := now();
	new.tokyo_day := (new.created_at at time zone 'Asia/Tokyo')::date;
	new.hidden_at := null;
	new.hidden_by := null;
	new.hidden_reason := null;
	perform private.check_recipient(new.practice_id, new.organization_id, null);
	if new.profile_id is not null and not exists (select 1 from public.profiles p where p.id = new.profile_id) then
		raise exception 'no such person' using errcode = 'P0002', hint = 'not_found';
	end if;
	-- not oneself, not an organization one belongs to, nor its practices
	if new.profile_id = v_uid
		or exists (select 1 from public.organization_members m
			where m.user_id = v_uid and m.organization_id = new.organization_id)
		or exists (select 1 from public.practices p join public.organization_members m
			on m.organization_id = p.lead_organization_id and m.user_id = v_uid
			where p.id = new.practice_id) then
		raise exception 'not to oneself' using errcode = 'P0001', hint = 'own_thanks';
	end if;
	if exists (select 1 from public.thanks t where t.thanker_id = v_uid and t.tokyo_day = new.tokyo_day
		and coalesce(t.practice_id, t.organization_id, t.profile_id)
			= coalesce(new.practice_id, new.organization_id, new.profile_id)) then
		raise exception 'thanked today already' using errcode = 'P0001', hint = 'already_thanked';
	end if;
	return new;
end $$;
revoke execute on function private.thanks_write() from public;
create trigger thanks_refuse_suspended before insert on public.thanks
	for each row execute function private.refuse_suspended();
create trigger thanks_refuse_unverified before insert on public.thanks
	for each row execute function private.refuse_unverified();
create trigger thanks_write before insert on public.thanks
	for each row execute function private.thanks_write();
-- (the service role moves created_at in tests and data fixes: the day follows)
create trigger thanks_day before update of created_at on public.thanks
	for each row execute function private.thanks_day();

create function private.thanks_given() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	insert into public.notifications (user_id, kind, thanks_id, practice_id, organization_id)
	select r, 'thanks_received', new.id, new.practice_id, new.organization_id
	from private.recipient_people(new.practice_id, new.organization_id, new.profile_id) r
	where r <> new.thanker_id;
	return null;
end $$;
revoke execute on function private.thanks_given() from public;
create trigger thanks_given after insert on public.thanks
	for each row execute function private.thanks_given();

alter table public.thanks enable row level security;
revoke all on public.thanks from anon, authenticated, service_role;
grant select, insert, update, delete on public.thanks to service_role;
-- the moderator and the reason are the coordinators' (through the audit log)
grant select (id, thanker_id, practice_id, organization_id, profile_id, message, created_at, tokyo_day, hidden_at)
	on public.thanks to anon, authenticated;
grant insert (practice_id, organization_id, profile_id, message) on public.thanks to authenticated;
-- thanks are public where the recipient shows; a hidden one only to its
-- writer and coordinators
create policy "thanks: read with the recipient" on public.thanks
	for select to anon, authenticated
	using (
		(hidden_at is null and (
			(practice_id is not null and exists (
				select 1 from public.practices p where p.id = practice_id and p.status = 'published'))
			or (organization_id is not null and exists (select 1 from public.organizations o where o.id = organization_id))
			or (profile_id is not null and exists (select 1 from public.profiles p where p.id = profile_id))))
		or thanker_id = (select auth.uid())
		or (select private.is_coordinator()));
create policy "thanks: members thank what they see" on public.thanks
	for insert to authenticated
	with check (thanker_id = (select auth.uid()) and (
		(practice_id is not null and exists (select 1 from public.practices p where p.id = practice_id))
		or (organization_id is not null and exists (select 1 from public.organizations o where o.id = organization_id))
		or (profile_id is not null and exists (select 1 from public.profiles p where p.id = profile_id))));
-- (no update or delete: coordinators hide through hide_thanks)

-- The names of people who thanked (shown with their messages, as posts show
-- their authors): only people with a thanks that shows, or to coordinators.
create function public.thanker_names(p_ids uuid[])
returns table (user_id uuid, display_name text)
language sql stable security definer set search_path = '' as $$
	select p.id, p.display_name from public.profiles p
	where p.id = any (p_ids[1:200]) and (
		(select private.is_coordinator())
		or exists (select 1 from public.thanks t where t.thanker_id = p.id and t.hidden_at is null))
$$;
revoke execute on function public.thanker_names(uuid[]) from public;
grant execute on function public.thanker_names(uuid[]) to anon, authenticated, service_role;

-- Programmes (発表会プログラム) ------------------------------------------------------------
-- Coordinators write; everybody reads a programme once it is public, and
-- coordinators always.

create table public.programmes (
	id uuid primary key default extensions.gen_random_uuid(),
	event_id uuid not null references public.events (id) on delete cascade,
	title text not null constraint programmes_title_length check (char_length(btrim(title)) between 1 and 120),
	is_public boolean not null default false,
	created_by uuid references public.profiles (id) on delete set null default auth.uid(),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index programmes_event_idx on public.programmes (event_id);
create index programmes_created_idx on public.programmes (created_at desc);
create index programmes_created_by_idx on public.programmes (created_by);

create table public.programme_items (
	programme_id uuid not null references public.programmes (id) on delete cascade,
	position smallint not null constraint programme_items_position check (position between 1 and 50),
	practice_id uuid not null references public.practices (id) on delete cascade,
	-- optional time of day (13:30)
	starts_at time,
	presenter text not null constraint programme_items_presenter_length check (char_length(btrim(presenter)) between 1 and 100),
	paragraph text not null constraint programme_items_paragraph_length check (char_length(btrim(paragraph)) between 1 and 400),
	primary key (programme_id, position),
	constraint programme_items_practice_once unique (programme_id, practice_id)
);
create index programme_items_practice_idx on public.programme_items (practice_id);

create trigger programmes_touch before update on public.programmes
	for each row execute function private.touch_updated_at();

create function private.programme_items_write() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	perform private.check_recipient(new.practice_id, null, null);
	return new;
end $$;
revoke execute on function private.programme_items_write() from public;
create trigger programme_items_write before insert or update of practice_id on public.programme_items
	for each row execute function private.programme_items_write();

alter table public.programmes enable row level security;
alter table public.programme_items enable row level security;
revoke all on public.programmes, public.programme_items from anon, authenticated, service_role;
grant select, insert, update, delete on public.programmes, public.programme_items to service_role;
grant select on public.programmes, public.programme_items to anon, authenticated;
grant insert (event_id, title, is_public), update (event_id, title, is_public), delete
	on public.programmes to authenticated;
grant insert, update, delete on public.programme_items to authenticated;
create policy "programmes: public or coordinators read" on public.programmes
	for select to anon, authenticated using (is_public or (select private.is_coordinator()));
create policy "programmes: coordinators add" on public.programmes
	for insert to authenticated with check ((select private.is_coordinator()));
create policy "programmes: coordinators change" on public.programmes
	for update to authenticated using ((select private.is_coordinator())) with check ((select private.is_coordinator()));
create policy "programmes: coordinators delete" on public.programmes
	for delete to authenticated using ((select private.is_coordinator()));
create policy "programme_items: read with the programme" on public.programme_items
	for select to anon, authenticated
	using (exists (select 1 from public.programmes g where g.id = programme_id));
create policy "programme_items: coordinators add" on public.programme_items
	for insert to authenticated with check ((select private.is_coordinator()));
create policy "programme_items: coordinators change" on public.programme_items
	for update to authenticated using ((select private.is_coordinator())) with check ((select private.is_coordinator()));
create policy "programme_items: coordinators delete" on public.programme_items
	for delete to authenticated using ((select private.is_coordinator()));

-- Saves a programme and its items in one transaction (a new one when
-- p_programme is null): the items replace the old ones, numbered in the
-- order given. p_items: [{practice_id, presenter, paragraph, starts_at}].
-- Security invoker: the policies above decide (coordinators only).
create function public.save_programme(p_event uuid, p_title text, p_public boolean, p_items jsonb,
	p_programme uuid default null)
returns uuid
language plpgsql set search_path = '' as $$
declare
	v_id uuid := p_programme;
begin
	if not (select private.is_coordinator()) then
		raise exception 'coordinators only' using errcode = '42501', hint = 'forbidden';
	end if;
	if char_length(private.trim_text(coalesce(p_title, ''))) not between 1 and 120 then
		raise exception 'a title of 1 to 120 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	if v_id is null then
		insert into public.programmes (event_id, title, is_public)
			values (p_event, private.trim_text(p_title), coalesce(p_public, false))
			returning id into v_id;
	else
		update public.programmes set event_id = p_event, title = private.trim_text(p_title),
			is_public = coalesce(p_public, false)
			where id = v_id;
		if not found then
			raise exception 'no such programme' using errcode = 'P0002', hint = 'not_found';
		end if;
		delete from public.programme_items where programme_id = v_id;
	end if;
	insert into public.programme_items (programme_id, position, practice_id, starts_at, presenter, paragraph)
	select v_id, i.n, (i.item ->> 'practice_id')::uuid, nullif(i.item ->> 'starts_at', '')::time,
		btrim(i.item ->> 'presenter'), btrim(i.item ->> 'paragraph')
	from jsonb_array_elements(coalesce(p_items, '[]'::jsonb)) with ordinality as i(item, n);
	return v_id;
end $$;
revoke execute on function public.save_programme(uuid, text, boolean, jsonb, uuid) from public, anon;
grant execute on function public.save_programme(uuid, text, boolean, jsonb, uuid) to authenticated;

-- Notices ------------------------------------------------------------------------------

alter table public.notifications
	add column award_id uuid references public.awards (id) on delete cascade,
	add column nomination_id uuid references public.nominations (id) on delete cascade,
	add column thanks_id uuid references public.thanks (id) on delete cascade;
create index notifications_award_idx on public.notifications (award_id) where award_id is not null;
create index notifications_nomination_idx on public.notifications (nomination_id) where nomination_id is not null;
create index notifications_thanks_idx on public.notifications (thanks_id) where thanks_id is not null;
alter table public.notifications drop constraint notifications_kind;
alter table public.notifications add constraint notifications_kind check
	(kind in ('promoted', 'event_changed', 'event_cancelled', 'occurrence_cancelled', 'cohost_invited',
		'thread_reply', 'mention', 'post_hidden', 'report_handled', 'new_followed_event',
		'practice_published', 'practice_returned', 'practice_inspired',
		'award_received', 'nomination_answered', 'thanks_received'));

-- Reporting and hiding a thanks message ------------------------------------------------------

alter table public.reports add column thanks_id uuid references public.thanks (id) on delete cascade;
alter table public.reports drop constraint reports_one_item;
alter table public.reports add constraint reports_one_item
	check (num_nonnulls(thread_id, post_id, event_id, organization_id, thanks_id) = 1);
drop index public.reports_one_per_person;
create unique index reports_one_per_person on public.reports
	(reporter_id, coalesce(thread_id, post_id, event_id, organization_id, thanks_id));
create index reports_thanks_idx on public.reports (thanks_id) where thanks_id is not null;
grant select (thanks_id), insert (thanks_id) on public.reports to authenticated;

create or replace function private.reports_write() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if char_length(new.details) > 1000 or (new.reason = 'other' and char_length(private.trim_text(coalesce(new.details, ''))) < 1) then
		raise exception 'details: 1 to 1000 characters, required for other' using errcode = 'P0001', hint = 'bad_length';
	end if;
	new.details := nullif(private.trim_text(new.details), '');
	if exists (select 1 from public.reports r where r.reporter_id = new.reporter_id
		and coalesce(r.thread_id, r.post_id, r.event_id, r.organization_id, r.thanks_id)
			= coalesce(new.thread_id, new.post_id, new.event_id, new.organization_id, new.thanks_id)) then
		raise exception 'already reported' using errcode = 'P0001', hint = 'already_reported';
	end if;
	new.status := 'open';
	new.handled_by := null;
	new.handled_at := null;
	new.note := null;
	new.created_at := now();
	return new;
end $$;

drop policy "reports: members report what they see" on public.reports;
create policy "reports: members report what they see" on public.reports
	for insert to authenticated
	with check (reporter_id = (select auth.uid()) and (
		(thread_id is not null and exists (select 1 from public.threads t where t.id = thread_id))
		or (post_id is not null and exists (select 1 from public.posts p where p.id = post_id))
		or (event_id is not null and exists (select 1 from public.events e where e.id = event_id))
		or (organization_id is not null and exists (select 1 from public.organizations o where o.id = organization_id))
		or (thanks_id is not null and exists (select 1 from public.thanks t where t.id = thanks_id))));

create or replace function private.close_reports(p_item uuid, p_status public.report_status, p_note text)
returns integer
language plpgsql security definer set search_path = '' as $$
declare
	v_count integer;
begin
	with closed as (
		update public.reports r set status = p_status, handled_by = (select auth.uid()), handled_at = now(), note = p_note
		where r.status = 'open' and p_item in (r.thread_id, r.post_id, r.event_id, r.organization_id, r.thanks_id)
		returning r.id, r.reporter_id
	), told as (
		insert into public.notifications (user_id, kind, report_id)
		select c.reporter_id, 'report_handled', c.id from closed c
		returning 1
	)
	select count(*) into v_count from told;
	return v_count;
end $$;

alter table public.moderation_log add column thanks_id uuid;
alter table public.moderation_log drop constraint moderation_log_action;
alter table public.moderation_log add constraint moderation_log_action check (action in ('hide_thread',
	'restore_thread', 'lock_thread', 'unlock_thread', 'hide_post', 'restore_post', 'suspend', 'lift_suspension',
	'dismiss_report', 'handle_report', 'hide_thanks', 'restore_thanks'));

create function private.log_thanks_action(p_action text, p_member uuid, p_thanks uuid, p_report uuid, p_reason text)
returns void
language sql security definer set search_path = '' as $$
	insert into public.moderation_log (moderator_id, action, member_id, thanks_id, report_id, reason)
	values ((select auth.uid()), p_action, p_member, p_thanks, p_report, p_reason)
$$;
revoke execute on function private.log_thanks_action(text, uuid, uuid, uuid, text) from public;

-- Hides (with a reason) or restores a thanks message; hiding closes its open
-- reports (reporters are told). Logged. Doing what is done does nothing.
create function private.moderate_thanks(p_thanks uuid, p_hide boolean, p_reason text) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := private.require_coordinator();
	t public.thanks;
	v_reason text := private.check_reason(p_reason, p_hide);
begin
	select * into t from public.thanks where id = p_thanks for update;
	if not found then
		raise exception 'no such thanks' using errcode = 'P0002', hint = 'not_found';
	end if;
	if p_hide then
		if t.hidden_at is not null then return; end if;
		update public.thanks set hidden_at = now(), hidden_by = v_uid, hidden_reason = v_reason where id = p_thanks;
		perform private.close_reports(p_thanks, 'handled', v_reason);
	else
		if t.hidden_at is null then return; end if;
		update public.thanks set hidden_at = null, hidden_by = null, hidden_reason = null where id = p_thanks;
	end if;
	perform private.log_thanks_action(case when p_hide then 'hide_thanks' else 'restore_thanks' end, t.thanker_id,
		p_thanks, null, v_reason);
end $$;
revoke execute on function private.moderate_thanks(uuid, boolean, text) from public;
grant execute on function private.moderate_thanks(uuid, boolean, text) to authenticated;

create function public.hide_thanks(p_thanks uuid, p_reason text) returns void
language sql set search_path = '' as $$ select private.moderate_thanks(p_thanks, true, p_reason) $$;
create function public.restore_thanks(p_thanks uuid, p_reason text default null) returns void
language sql set search_path = '' as $$ select private.moderate_thanks(p_thanks, false, p_reason) $$;
revoke execute on function public.hide_thanks(uuid, text), public.restore_thanks(uuid, text) from public, anon;
grant execute on function public.hide_thanks(uuid, text), public.restore_thanks(uuid, text) to authenticated;

-- As in 20261205000000, with reports of thanks: their writer is the member,
-- the log names the thanks.
create or replace function private.close_report(p_report uuid, p_status public.report_status, p_note text) returns void
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
	perform private.close_reports(coalesce(r.thread_id, r.post_id, r.event_id, r.organization_id, r.thanks_id),
		p_status, v_note);
	if r.thanks_id is not null then
		select t.thanker_id into v_member from public.thanks t where t.id = r.thanks_id;
		perform private.log_thanks_action(case when p_status = 'dismissed' then 'dismiss_report' else 'handle_report' end,
			v_member, r.thanks_id, p_report, v_note);
		return;
	end if;
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

-- As in 20261205000000, with a report of a thanks closing that thanks's reports.
create or replace function private.suspend_member(p_user uuid, p_days integer, p_reason text, p_report uuid)
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
		select coalesce(r.thread_id, r.post_id, r.event_id, r.organization_id, r.thanks_id) into v_item
			from public.reports r where r.id = p_report;
		if v_item is not null then
			perform private.close_reports(v_item, 'handled', v_reason);
		end if;
	end if;
	perform private.log_action('suspend', p_user, null, null, null, null, p_report, v_reason, v_until);
	return v_until;
end $$;

-- The report queue, as in 20261205000000 plus reported thanks (item kind
-- 'thanks', its id in thanks_id; title: to whom; body: the message).
drop function public.report_queue(integer, integer);
drop function private.report_queue(integer, integer);
create function private.report_queue(p_limit integer, p_offset integer)
returns table (
	item_kind text, item_id uuid, thread_id uuid, post_id uuid, event_id uuid, organization_id uuid, thanks_id uuid,
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
			r.thanks_id as r_thanks,
			count(*)::integer as n, bool_or(r.reason = 'personal_info') as personal,
			array_agg(distinct r.reason) as why,
			coalesce(array_agg(r.details order by r.created_at) filter (where r.details is not null), '{}') as words,
			array_agg(r.id order by r.created_at, r.id) as ids,
			min(r.created_at) as first_at
		from public.reports r
		where r.status = 'open'
		group by r.thread_id, r.post_id, r.event_id, r.organization_id, r.thanks_id
		order by bool_or(r.reason = 'personal_info') desc, min(r.created_at), 1, 2, 3, 4, 5
		limit least(greatest(coalesce(p_limit, 50), 1), 100) offset greatest(coalesce(p_offset, 0), 0)
	)
	select
		case when i.r_thread is not null then 'thread' when i.r_post is not null then 'post'
			when i.r_event is not null then 'event' when i.r_thanks is not null then 'thanks' else 'organization' end,
		coalesce(i.r_thread, i.r_post, i.r_event, i.r_org, i.r_thanks),
		coalesce(i.r_thread, p.thread_id), i.r_post, i.r_event, i.r_org, i.r_thanks,
		p.position,
		coalesce(t.title, pt.title, e.title, o.name, tp.title, tor.name, tpr.display_name),
		coalesce(p.body, fp.body, e.summary || E'\n\n' || e.body, o.description, th.message, ''),
		coalesce(p.author_id, t.author_id, e.organizer_id, o.created_by, th.thanker_id),
		a.display_name,
		coalesce(p.hidden_at, t.hidden_at, o.hidden_at, th.hidden_at) is not null,
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
	left join public.thanks th on th.id = i.r_thanks
	left join public.practices tp on tp.id = th.practice_id
	left join public.organizations tor on tor.id = th.organization_id
	left join public.profiles tpr on tpr.id = th.profile_id
	left join public.profiles a on a.id = coalesce(p.author_id, t.author_id, e.organizer_id, o.created_by, th.thanker_id)
	order by i.personal desc, i.first_at, 2;
end $$;
revoke execute on function private.report_queue(integer, integer) from public;
grant execute on function private.report_queue(integer, integer) to authenticated;
create function public.report_queue(p_limit integer default 50, p_offset integer default 0)
returns table (
	item_kind text, item_id uuid, thread_id uuid, post_id uuid, event_id uuid, organization_id uuid, thanks_id uuid,
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

-- The timeline (/recognition) ----------------------------------------------------------------
-- Awards newest first, all or of one 年度, and of an area or a field: the
-- practice's (practice_areas, practice_fields) or the organization's
-- (organization_areas, organization_fields); an award to a person has neither.
-- Security invoker: the awards' policy decides what shows. p_limit 1 to 100.
create function public.award_timeline(p_fiscal_year integer default null, p_area uuid default null,
	p_field uuid default null, p_limit integer default 20, p_offset integer default 0)
returns setof public.awards
language sql stable set search_path = '' as $$
	select a.* from public.awards a
	where (p_fiscal_year is null or a.fiscal_year = p_fiscal_year)
		and (p_area is null
			or exists (select 1 from public.practice_areas x where x.practice_id = a.practice_id and x.area_id = p_area)
			or exists (select 1 from public.organization_areas x where x.organization_id = a.organization_id
				and x.area_id = p_area))
		and (p_field is null
			or exists (select 1 from public.practice_fields x where x.practice_id = a.practice_id and x.field_id = p_field)
			or exists (select 1 from public.organization_fields x where x.organization_id = a.organization_id
				and x.field_id = p_field))
	order by a.awarded_on desc, a.created_at desc, a.id desc
	limit least(greatest(coalesce(p_limit, 20), 1), 100) offset greatest(coalesce(p_offset, 0), 0)
$$;
revoke execute on function public.award_timeline(integer, uuid, uuid, integer, integer) from public;
grant execute on function public.award_timeline(integer, uuid, uuid, integer, integer) to anon, authenticated, service_role;

-- The 年度 that have awards (for the filter's choices), newest first.
create function public.award_fiscal_years() returns setof integer
language sql stable set search_path = '' as $$
	select distinct a.fiscal_year from public.awards a order by 1 desc
$$;
revoke execute on function public.award_fiscal_years() from public;
grant execute on function public.award_fiscal_years() to anon, authenticated, service_role;

-- Mail ------------------------------------------------------------------------------------

alter table public.mail_log drop constraint mail_log_kind;
alter table public.mail_log add constraint mail_log_kind check (kind in (
	'registered', 'waitlisted', 'promoted', 'event_changed', 'event_cancelled',
	'occurrence_changed', 'occurrence_cancelled', 'reminder',
	'thread_reply', 'mention', 'moderation', 'invitation',
	'digest',
	'verify_email', 'password_reset', 'signup_existing', 'email_change_confirm', 'email_change_notice',
	'practice',
	-- an award received, a nomination answered, a thanks received (from their notices)
	'recognition'));

-- As in 20261209000000_practices, plus the recognition notices: one mail of
-- kind 'recognition' per notice (the writer reads the notice).
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
	end if;
	return null;
end $$;

-- the events an award or a programme names (eventOptions: latest first, up to half a year ahead)
create index events_starts_idx on public.events (starts_at desc) where status <> 'draft';
