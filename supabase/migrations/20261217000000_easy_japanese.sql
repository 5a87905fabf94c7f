-- やさしい日本語 versions (issue 16): an event, a practice and a place can carry
-- an author-written やさしい日本語 version of their summary and body (a
-- place's description), shown by a 「やさしい日本語」 link on their pages; the
-- lists can be filtered to what has one.
--
-- * Columns next to the text they retell (easy_summary, easy_body): read under
--   the row's own policy, searched nowhere (the list filter asks whether there
--   is one), and read by ふりがな's worker with the rest of the text.
-- * One writer for the three, save_easy_version: it checks who calls as the
--   subject's own save does (the event's managers, the practice's editors, the
--   place's keepers; coordinators) and writes both fields in one statement;
--   both empty removes the version. The checker of the guideline
--   ($lib/easy-japanese/check) never blocks a save: it runs in the form.

alter table public.events
	add column easy_summary text constraint events_easy_summary_length check (char_length(easy_summary) between 1 and 200),
	add column easy_body text constraint events_easy_body_length check (char_length(easy_body) between 1 and 5000);
alter table public.practices
	add column easy_summary text constraint practices_easy_summary_length check (char_length(easy_summary) between 1 and 200),
	add column easy_body text constraint practices_easy_body_length check (char_length(easy_body) between 1 and 5000);
alter table public.places
	add column easy_summary text constraint places_easy_summary_length check (char_length(easy_summary) between 1 and 200),
	add column easy_body text constraint places_easy_body_length check (char_length(easy_body) between 1 and 5000);

-- p_subject: 'event' | 'practice' | 'place'. Text is trimmed; an empty field is null.
-- Refusals: sign_in, not_found (none, or not visible to the caller), forbidden,
-- bad_length, suspended (the subjects' triggers).
create function public.save_easy_version(p_subject text, p_id uuid, p_summary text, p_body text)
returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_summary text := nullif(btrim(coalesce(p_summary, '')), '');
	v_body text := nullif(btrim(coalesce(p_body, '')), '');
	v_org uuid;
	v_may boolean;
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	if char_length(v_summary) > 200 or char_length(v_body) > 5000 then
		raise exception 'summary up to 200, body up to 5000 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	-- the row, locked; then whether the caller writes it, as its own save would decide
	case p_subject
	when 'event' then
		perform 1 from public.events e where e.id = p_id for update;
	when 'practice' then
		select p.lead_organization_id into v_org from public.practices p where p.id = p_id for update;
	when 'place' then
		select p.organization_id into v_org from public.places p where p.id = p_id for update;
	else
		raise exception 'unknown subject' using errcode = 'P0001', hint = 'not_found';
	end case;
	if not found then
		raise exception 'not found' using errcode = 'P0002', hint = 'not_found';
	end if;
	v_may := case p_subject
		when 'event' then private.can_manage_event(p_id)
		when 'practice' then private.edits_practices_for(v_org)
		else private.keeps_places_of(v_org) end;
	if not v_may then
		raise exception 'only the people who write it write its やさしい日本語' using errcode = '42501', hint = 'forbidden';
	end if;
	case p_subject
	when 'event' then
		update public.events set easy_summary = v_summary, easy_body = v_body where id = p_id;
	when 'practice' then
		update public.practices set easy_summary = v_summary, easy_body = v_body, updated_at = now() where id = p_id;
	else
		update public.places set easy_summary = v_summary, easy_body = v_body where id = p_id;
	end case;
end $$;
revoke execute on function public.save_easy_version(text, uuid, text, text) from public, anon;
grant execute on function public.save_easy_version(text, uuid, text, text) to authenticated, service_role;

-- The event page's event (as in 20261215000000_places) with its やさしい日本語
create or replace function public.event_detail(e public.events) returns jsonb
language sql stable set search_path = '' as $$
	select to_jsonb(x) from (
		select e.id, e.title, e.kind, e.summary, e.body, e.starts_at, e.ends_at, e.all_day, e.rrule,
			e.venue_name, e.venue_address, e.online_url, e.area_id, e.organization_id, e.organizer_id,
			e.capacity, e.registration_opens_at, e.registration_closes_at, e.waitlist_enabled,
			e.audience_note, e.accessibility, e.contact_name, e.contact_phone, e.contact_email, e.fee,
			e.belongings, e.how_to_apply, e.deadline_note, e.short_code, e.status, e.cancel_reason,
			e.updated_at, e.cover_alt, e.easy_summary, e.easy_body,
			(select jsonb_build_object('hash', i.hash, 'width', i.width, 'height', i.height)
				from public.images i where i.hash = e.cover_image_hash) as cover,
			(select jsonb_build_object('id', a.id, 'slug', a.slug, 'name_ja', a.name_ja,
					'name_en', a.name_en)
				from public.areas a where a.id = e.area_id) as area,
			(select jsonb_build_object('id', g.id, 'slug', g.slug, 'name', g.name)
				from public.organizations g where g.id = e.organization_id) as organization,
			(select jsonb_build_object('display_name', p.display_name, 'listed', p.listed)
				from public.profiles p where p.id = e.organizer_id) as organizer,
			private.event_fields_json(e.id) as fields,
			coalesce((select jsonb_agg(jsonb_build_object('accepted_at', c.accepted_at,
					'organization', jsonb_build_object('id', g.id, 'slug', g.slug, 'name', g.name))
					order by g.name)
				from public.event_cohosts c join public.organizations g on g.id = c.organization_id
				where c.event_id = e.id), '[]'::jsonb) as cohosts,
			(select jsonb_build_object('id', pl.id, 'name', pl.name)
				from public.places pl where pl.id = e.place_id) as place
	) x
$$;

-- ふりがな reads the やさしい text too
create trigger events_furigana_easy after update of easy_summary, easy_body on public.events
	for each row execute function private.furigana_changed('event');
create trigger practices_furigana_easy after update of easy_summary, easy_body on public.practices
	for each row execute function private.furigana_changed('practice');
create trigger places_furigana_easy after update of easy_summary, easy_body on public.places
	for each row execute function private.furigana_changed('place');
-- and a word of the reading table that changes is looked for in it (20261216000000_furigana)
create or replace function public.furigana_requeue_word(p_word text) returns integer
language plpgsql security definer set search_path = '' as $$
declare
	v_count integer := 0;
	v record;
begin
	for v in
		select 'event' as subject, s.id from public.events s
			where strpos(concat_ws(' ', s.title, s.summary, s.body, s.venue_name, s.venue_address,
				s.easy_summary, s.easy_body), p_word) > 0
		union all
		select 'practice', s.id from public.practices s
			where strpos(concat_ws(' ', s.title, s.summary, s.story_origin, s.story_activities,
				s.story_tips, s.story_outcomes, s.story_challenges, s.story_next, s.story_contact,
				s.easy_summary, s.easy_body, s.published_snapshot::text), p_word) > 0
		union all
		select 'place', s.id from public.places s
			where strpos(concat_ws(' ', s.name, s.description, s.address, s.easy_summary, s.easy_body), p_word) > 0
		union all
		select 'organization', s.id from public.organizations s
			where strpos(concat_ws(' ', s.name, s.description), p_word) > 0
		union all
		select 'thread', s.id from public.threads s where strpos(s.title, p_word) > 0
		union all
		select 'post', s.id from public.posts s where strpos(s.body, p_word) > 0
	loop
		perform private.enqueue_furigana(v.subject, v.id);
		v_count := v_count + 1;
	end loop;
	return v_count;
end $$;

-- The list filters ------------------------------------------------------------------------
-- p_easy: only what has a やさしい日本語 version. Each list function gains the
-- parameter (dropped and made again: PostgREST calls by name, and two
-- overloads would be ambiguous); what they do otherwise is unchanged.

drop function public.search_event_series(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid,
	boolean, boolean, integer, integer);
drop function public.count_event_series(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid,
	boolean, boolean, integer);
drop function private.event_series_page(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid,
	boolean, boolean, integer, integer);

-- as in 20261211000000_area_dates (and 20261212200000_walks_without_parallel_workers), with p_easy
create function private.event_series_page(
	p_from timestamptz, p_to timestamptz, p_q text, p_kind public.event_kind, p_area uuid, p_field uuid,
	p_organization uuid, p_seats_left boolean, p_online boolean, p_easy boolean, p_limit integer, p_offset integer
) returns table (occurrence_id uuid, event_id uuid, starts_at timestamptz)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan
set max_parallel_workers_per_gather = 0 rows 50 as $$
#variable_conflict use_column
begin
	return query
	select o.id, o.event_id, o.starts_at
	from public.event_occurrences o join public.events e on e.id = o.event_id
	-- the starts_at bound lets the index on starts_at do the work; events longer than 31 days are not a thing here
	where o.starts_at >= p_from - interval '31 days' and o.ends_at >= p_from
		and (p_to is null or o.starts_at < p_to)
		and e.status in ('published', 'cancelled')
		and (nullif(btrim(p_q), '') is null or e.search_text like private.contains_pattern(btrim(p_q)))
		and (p_kind is null or e.kind = p_kind)
		and (p_area is null or o.area_id = p_area)
		and (p_field is null or exists (select 1 from public.event_fields f where f.event_id = e.id and f.field_id = p_field))
		and (p_organization is null or e.organization_id = p_organization
			or exists (select 1 from public.event_cohosts c where c.event_id = e.id and c.organization_id = p_organization
				and c.accepted_at is not null))
		-- a place for a newcomer: free places and nobody waiting for them
		and (not p_seats_left or (o.status = 'scheduled' and e.status = 'published'
			and (e.capacity is null or (o.going_count < e.capacity and o.waiting_count = 0))))
		and (not p_online or e.online_url is not null)
		and (not p_easy or e.easy_summary is not null or e.easy_body is not null)
		-- no earlier date of the event is its card: an earlier scheduled one
		-- (or, for a cancelled date, any earlier one) that matches
		and not exists (
			select 1 from public.event_occurrences p
			where p.event_id = o.event_id
				and p.starts_at >= p_from - interval '31 days' and p.starts_at <= o.starts_at
				and (p.starts_at < o.starts_at or p.id < o.id)
				and p.ends_at >= p_from
				and (p.status = 'scheduled' or o.status = 'cancelled')
				and (not p_seats_left or (p.status = 'scheduled'
					and (e.capacity is null or (p.going_count < e.capacity and p.waiting_count = 0)))))
		-- a cancelled date is the card only when no date of the event in the window takes
		-- place (a lookup by the event, only for cancelled dates)
		and (o.status = 'scheduled' or (
			select true from public.event_occurrences s
			where s.event_id = o.event_id and s.status = 'scheduled'
				and s.starts_at >= p_from - interval '31 days' and s.ends_at >= p_from
				and (p_to is null or s.starts_at < p_to)
			limit 1) is null)
	order by o.starts_at, o.id
	limit p_limit offset p_offset;
end $$;
revoke execute on function private.event_series_page(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean, boolean, integer, integer) from public;
grant execute on function private.event_series_page(timestamptz, timestamptz, text, public.event_kind, uuid, uuid,
	uuid, boolean, boolean, boolean, integer, integer) to anon, authenticated, service_role;

create function public.search_event_series(
	p_from timestamptz, p_to timestamptz default null, p_q text default null,
	p_kind public.event_kind default null, p_area uuid default null, p_field uuid default null,
	p_organization uuid default null, p_seats_left boolean default false, p_online boolean default false,
	p_easy boolean default false, p_limit integer default 20, p_offset integer default 0
) returns table (occurrence_id uuid, further integer)
language sql stable set search_path = '' as $$
	select page.occurrence_id,
		private.further_dates(page.event_id, page.starts_at, page.occurrence_id, p_from, p_to, p_seats_left)
	from private.event_series_page(p_from, p_to, p_q, p_kind, p_area, p_field, p_organization, p_seats_left,
		p_online, coalesce(p_easy, false), least(greatest(coalesce(p_limit, 20), 1), 100),
		greatest(coalesce(p_offset, 0), 0)) page
	order by page.starts_at, page.occurrence_id
$$;

create function public.count_event_series(
	p_from timestamptz, p_to timestamptz default null, p_q text default null,
	p_kind public.event_kind default null, p_area uuid default null, p_field uuid default null,
	p_organization uuid default null, p_seats_left boolean default false, p_online boolean default false,
	p_easy boolean default false, p_cap integer default 1000
) returns integer
language sql stable set search_path = '' as $$
	select count(*)::integer
	from private.event_series_page(p_from, p_to, p_q, p_kind, p_area, p_field, p_organization, p_seats_left,
		p_online, coalesce(p_easy, false), least(greatest(coalesce(p_cap, 1000), 1), 10000), 0)
$$;

revoke execute on function
	public.search_event_series(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid, boolean, boolean,
		boolean, integer, integer),
	public.count_event_series(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid, boolean, boolean,
		boolean, integer)
	from public;
grant execute on function
	public.search_event_series(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid, boolean, boolean,
		boolean, integer, integer),
	public.count_event_series(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid, boolean, boolean,
		boolean, integer)
	to anon, authenticated, service_role;

-- the home page's cards (20261209050000_practice_threads; security definer since
-- 20261210100000_home_cards_participants), through the new walk
create or replace function public.home_event_series(p_from timestamptz, p_limit integer default 6)
returns setof public.event_occurrences
language sql stable security definer set search_path = '' as $$
	select o.* from private.event_series_page(p_from, null, null, null, null, null, null, false, false, false,
		least(greatest(coalesce(p_limit, 6), 1), 100), 0) page
	join public.event_occurrences o on o.id = page.occurrence_id
	order by page.starts_at, page.occurrence_id
$$;

-- Practices: as in 20261211100000_practice_walk, with p_easy
drop function public.search_practices(text, uuid, uuid, public.organization_kind, text, uuid, integer, integer);
drop function public.count_practices(text, uuid, uuid, public.organization_kind, text, uuid, integer);
drop function private.practice_walk(text, uuid, uuid, public.organization_kind, text, uuid, integer, integer);

create function private.practice_walk(
	p_q text, p_area uuid, p_field uuid, p_org_kind public.organization_kind, p_audience text,
	p_organization uuid, p_easy boolean, p_limit integer, p_offset integer
) returns table (practice_id uuid, published_at timestamptz)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan rows 50 as $$
#variable_conflict use_column
begin
	return query
	select p.id, p.published_at from public.practices p
	where p.status = 'published'
		and (nullif(btrim(p_q), '') is null or p.search_text like private.contains_pattern(btrim(p_q)))
		and (p_area is null or exists (select 1 from public.practice_areas a where a.practice_id = p.id and a.area_id = p_area))
		and (p_field is null or exists (select 1 from public.practice_fields f where f.practice_id = p.id and f.field_id = p_field))
		and (p_org_kind is null or exists (select 1 from public.organizations o
			where o.id = p.lead_organization_id and o.kind = p_org_kind))
		and (nullif(p_audience, '') is null or p.audiences @> array[p_audience])
		and (p_organization is null or p.lead_organization_id = p_organization or exists (
			select 1 from public.practice_partners pp where pp.practice_id = p.id and pp.organization_id = p_organization))
		and (not p_easy or p.easy_summary is not null or p.easy_body is not null)
	order by p.published_at desc, p.id desc
	limit p_limit offset p_offset;
end $$;
revoke execute on function private.practice_walk(text, uuid, uuid, public.organization_kind, text, uuid, boolean,
	integer, integer) from public;
grant execute on function private.practice_walk(text, uuid, uuid, public.organization_kind, text, uuid, boolean,
	integer, integer) to anon, authenticated, service_role;

create function public.search_practices(
	p_q text default null, p_area uuid default null, p_field uuid default null,
	p_org_kind public.organization_kind default null, p_audience text default null,
	p_organization uuid default null, p_easy boolean default false, p_limit integer default 20,
	p_offset integer default 0
) returns setof public.practices
language sql stable set search_path = '' as $$
	select p.* from private.practice_walk(p_q, p_area, p_field, p_org_kind, p_audience, p_organization,
		coalesce(p_easy, false), least(greatest(coalesce(p_limit, 20), 1), 100),
		greatest(coalesce(p_offset, 0), 0)) w
	join public.practices p on p.id = w.practice_id
	order by w.published_at desc, w.practice_id desc
$$;

create function public.count_practices(
	p_q text default null, p_area uuid default null, p_field uuid default null,
	p_org_kind public.organization_kind default null, p_audience text default null,
	p_organization uuid default null, p_easy boolean default false, p_cap integer default 1000
) returns integer
language sql stable set search_path = '' as $$
	select count(*)::integer from private.practice_walk(p_q, p_area, p_field, p_org_kind, p_audience,
		p_organization, coalesce(p_easy, false), least(greatest(coalesce(p_cap, 1000), 1), 10000), 0)
$$;
revoke execute on function
	public.search_practices(text, uuid, uuid, public.organization_kind, text, uuid, boolean, integer, integer),
	public.count_practices(text, uuid, uuid, public.organization_kind, text, uuid, boolean, integer)
	from public;
grant execute on function
	public.search_practices(text, uuid, uuid, public.organization_kind, text, uuid, boolean, integer, integer),
	public.count_practices(text, uuid, uuid, public.organization_kind, text, uuid, boolean, integer)
	to anon, authenticated, service_role;

-- Places: as in 20261215000000_places, with p_easy
drop function public.search_places(text, uuid, text, text, smallint, boolean, boolean, boolean, uuid, integer,
	integer);
drop function public.count_places(text, uuid, text, text, smallint, boolean, boolean, boolean, uuid, integer);

create function public.search_places(
	p_q text default null, p_area uuid default null, p_kind text default null, p_audience text default null,
	p_day smallint default null, p_free boolean default null, p_meals boolean default null,
	p_transport boolean default null, p_organization uuid default null, p_easy boolean default false,
	p_limit integer default 20, p_offset integer default 0
) returns setof public.places
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan rows 20 as $$
begin
	return query
	select p.* from public.places p
	where p.published
		and (nullif(btrim(p_q), '') is null or p.search_text like private.contains_pattern(btrim(p_q)))
		and (p_area is null or p.area_id = p_area)
		and (nullif(p_kind, '') is null or p.kinds @> array[p_kind])
		and (nullif(p_audience, '') is null or p.audiences @> array[p_audience])
		and (p_day is null or p.open_days @> array[p_day])
		and (p_free is not true or p.fee_free)
		and (p_meals is not true or p.meals_provided)
		and (p_transport is not true or p.transport)
		and (p_organization is null or p.organization_id = p_organization)
		and (p_easy is not true or p.easy_summary is not null or p.easy_body is not null)
	order by p.sort_key, p.id
	limit least(greatest(coalesce(p_limit, 20), 1), 1000) offset greatest(coalesce(p_offset, 0), 0);
end $$;

create function public.count_places(
	p_q text default null, p_area uuid default null, p_kind text default null, p_audience text default null,
	p_day smallint default null, p_free boolean default null, p_meals boolean default null,
	p_transport boolean default null, p_organization uuid default null, p_easy boolean default false,
	p_cap integer default 1000
) returns integer
language sql stable set search_path = '' as $$
	select count(*)::integer from (select 1 from public.places p
		where p.published
			and (nullif(btrim(p_q), '') is null or p.search_text like private.contains_pattern(btrim(p_q)))
			and (p_area is null or p.area_id = p_area)
			and (nullif(p_kind, '') is null or p.kinds @> array[p_kind])
			and (nullif(p_audience, '') is null or p.audiences @> array[p_audience])
			and (p_day is null or p.open_days @> array[p_day])
			and (p_free is not true or p.fee_free)
			and (p_meals is not true or p.meals_provided)
			and (p_transport is not true or p.transport)
			and (p_organization is null or p.organization_id = p_organization)
			and (p_easy is not true or p.easy_summary is not null or p.easy_body is not null)
		limit least(greatest(coalesce(p_cap, 1000), 1), 10000)) c
$$;
revoke execute on function
	public.search_places(text, uuid, text, text, smallint, boolean, boolean, boolean, uuid, boolean, integer, integer),
	public.count_places(text, uuid, text, text, smallint, boolean, boolean, boolean, uuid, boolean, integer)
	from public;
grant execute on function
	public.search_places(text, uuid, text, text, smallint, boolean, boolean, boolean, uuid, boolean, integer, integer),
	public.count_places(text, uuid, text, text, smallint, boolean, boolean, boolean, uuid, boolean, integer)
	to anon, authenticated, service_role;
