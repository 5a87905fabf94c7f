-- Places and local resources (居場所・通いの場・社会資源, issue 15): a directory
-- per 圏域 with a date on every entry.
--
-- * places (name and reading, kinds, area, address and point, the organization
--   that runs it, who it is for, opening hours by weekday with 祝日, fee, meals,
--   transport, accessibility, contact, a Markdown description, photos, and
--   最終確認日 with who confirmed it), place_hours (one row per day that it is
--   open: 1 = 月 … 7 = 日, 8 = 祝日) and place_photos.
-- * Everyone reads published places; an organization's owners and editors write
--   its places, coordinators write any (a place without an organization is the
--   coordinators'). Nobody writes the tables directly: save_place writes a place
--   with its hours and photos in one transaction (and counts as a confirmation),
--   confirm_place only confirms, import_places writes a coordinator's import all
--   or nothing.
-- * Events can be held at a place (events.place_id); a practice can name its
--   places (practice_places, written by save_practice).
-- * 情報が違う場合: place_corrections, a member's report that something changed,
--   read by its author, the place's organization and coordinators; each tells
--   the organization's owners and editors (or, for a place without one, the
--   coordinators) with a notice.
-- * A place not confirmed for six months (private.place_stale_after) is marked
--   on its page, and the people who keep it get a reminder at most once a month
--   (private.remind_stale_places, run by the cron item places_reminders).

-- Tables -------------------------------------------------------------------------------

create table public.places (
	id uuid primary key default extensions.gen_random_uuid(),
	name text not null constraint places_name_length check (char_length(name) between 1 and 100),
	-- ふりがな (hiragana or katakana as typed; searched as hiragana)
	name_kana text constraint places_name_kana_length check (char_length(name_kana) <= 100),
	-- $lib/places/types PLACE_KINDS
	kinds text[] not null constraint places_kinds check (cardinality(kinds) >= 1 and kinds <@ array[
		'ibasho', 'kayoinoba', 'kodomo_shokudo', 'meeting_place', 'consultation', 'living_support',
		'vacant_space', 'other']::text[]),
	area_id uuid references public.areas (id),
	address text constraint places_address_length check (char_length(address) <= 200),
	-- a point in Japan (the issue's rule: a latitude outside Japan is a mistake)
	latitude numeric(8, 6) constraint places_latitude check (latitude between 20 and 46),
	longitude numeric(9, 6) constraint places_longitude check (longitude between 122 and 154),
	organization_id uuid references public.organizations (id) on delete set null,
	-- who it is for: $lib/places/types PLACE_AUDIENCES
	audiences text[] not null default '{}' constraint places_audiences check (audiences <@ array[
		'elderly', 'disability', 'children', 'parents', 'everyone']::text[]),
	-- the days in place_hours (kept by save: the weekday filter's index)
	open_days smallint[] not null default '{}',
	-- 祝日・不定期 notes (第2・第4土曜, 8月は休み…) and 定休日
	hours_note text constraint places_hours_note_length check (char_length(hours_note) <= 500),
	closed_days text constraint places_closed_days_length check (char_length(closed_days) <= 200),
	-- 料金: free (無料) or not, null: not said; fee: 料金体系 in words
	fee_free boolean,
	fee text constraint places_fee_length check (char_length(fee) <= 200),
	capacity integer constraint places_capacity check (capacity between 1 and 100000),
	-- null: not said
	meals_provided boolean,
	food_allowed boolean,
	transport boolean,
	accessibility text constraint places_accessibility_length check (char_length(accessibility) <= 1000),
	phone text constraint places_phone check (char_length(phone) <= 30 and phone ~ '^[0-9０-９+()（）\- ー－]+$'),
	email text constraint places_email check (char_length(email) <= 254 and email ~ '^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$'),
	url text constraint places_url check (char_length(url) <= 500 and url ~ '^https?://'),
	description text constraint places_description_length check (char_length(description) <= 5000),
	-- hidden places (closed, or not for the public) are read by their keepers only
	published boolean not null default true,
	confirmed_at timestamptz not null default now(),
	confirmed_by uuid references public.profiles (id) on delete set null,
	created_by uuid references public.profiles (id) on delete set null default auth.uid(),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	search_text text generated always as (private.search_normalize(name || ' ' || coalesce(name_kana, '') || ' '
		|| coalesce(address, '') || ' ' || coalesce(fee, '') || ' ' || coalesce(hours_note, '') || ' '
		|| coalesce(description, ''))) stored,
	-- the list's order: by reading, then name
	sort_key text generated always as (private.search_normalize(coalesce(nullif(name_kana, ''), name))) stored,
	-- what an import matches a row by: name and address as searched
	import_key text generated always as (private.search_normalize(name) || '|'
		|| private.search_normalize(coalesce(address, ''))) stored,
	constraint places_point check ((latitude is null) = (longitude is null))
);
-- /places: published, by reading
create index places_published_idx on public.places (sort_key, id) where published;
create index places_area_idx on public.places (area_id, sort_key, id) where published;
create index places_org_idx on public.places (organization_id);
create index places_kinds_idx on public.places using gin (kinds);
create index places_audiences_idx on public.places using gin (audiences);
create index places_open_days_idx on public.places using gin (open_days);
create index places_search_idx on public.places using gin (search_text extensions.gin_trgm_ops);
create index places_import_key_idx on public.places (import_key);
-- the reminders: the oldest confirmations first
create index places_confirmed_idx on public.places (confirmed_at) where published;
create index places_confirmed_by_idx on public.places (confirmed_by);
create index places_created_by_idx on public.places (created_by);

create trigger places_touch before update on public.places
	for each row execute function private.touch_updated_at();

create table public.place_hours (
	place_id uuid not null references public.places (id) on delete cascade,
	-- 1 = 月 … 7 = 日, 8 = 祝日
	day smallint not null constraint place_hours_day check (day between 1 and 8),
	opens time not null,
	closes time not null,
	primary key (place_id, day),
	constraint place_hours_order check (closes > opens)
);

create table public.place_photos (
	place_id uuid not null references public.places (id) on delete cascade,
	position smallint not null constraint place_photos_position check (position between 1 and 6),
	image_hash text not null references public.images (hash),
	alt text not null constraint place_photos_alt_length check (char_length(btrim(alt)) between 1 and 200),
	primary key (place_id, position),
	constraint place_photos_once unique (place_id, image_hash)
);
create index place_photos_image_idx on public.place_photos (image_hash);

create table public.practice_places (
	practice_id uuid not null references public.practices (id) on delete cascade,
	place_id uuid not null references public.places (id) on delete cascade,
	primary key (practice_id, place_id)
);
create index practice_places_place_idx on public.practice_places (place_id);

create table public.place_corrections (
	id uuid primary key default extensions.gen_random_uuid(),
	place_id uuid not null references public.places (id) on delete cascade,
	author_id uuid references public.profiles (id) on delete set null default auth.uid(),
	body text not null constraint place_corrections_body_length check (char_length(btrim(body)) between 1 and 2000),
	created_at timestamptz not null default now(),
	resolved_at timestamptz,
	resolved_by uuid references public.profiles (id) on delete set null
);
create index place_corrections_place_idx on public.place_corrections (place_id, created_at desc);
create index place_corrections_open_idx on public.place_corrections (created_at) where resolved_at is null;
create index place_corrections_author_idx on public.place_corrections (author_id);
create index place_corrections_resolved_by_idx on public.place_corrections (resolved_by);

alter table public.events add column place_id uuid references public.places (id) on delete set null;
create index events_place_idx on public.events (place_id) where place_id is not null;
-- (the policies on events decide whose; save_event writes it)
grant insert (place_id), update (place_id) on public.events to authenticated;

-- Who keeps a place --------------------------------------------------------------------

-- Owners and editors of the organization, and coordinators; a place without an
-- organization is the coordinators'.
create function private.keeps_places_of(p_org uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select private.is_coordinator()
		or (p_org is not null and coalesce(private.org_role(p_org) in ('owner', 'editor'), false))
$$;
revoke execute on function private.keeps_places_of(uuid) from public;

-- RLS and grants -----------------------------------------------------------------------

alter table public.places enable row level security;
alter table public.place_hours enable row level security;
alter table public.place_photos enable row level security;
alter table public.practice_places enable row level security;
alter table public.place_corrections enable row level security;

grant select on public.places, public.place_hours, public.place_photos, public.practice_places
	to anon, authenticated;
grant select on public.place_corrections to authenticated;
grant select, insert, update, delete on public.places, public.place_hours, public.place_photos,
	public.practice_places, public.place_corrections to service_role;

create policy "places: published for all, others for their keepers"
	on public.places for select to anon, authenticated
	using (published
		or organization_id = any ((select private.my_edited_org_ids())::uuid[])
		or (select private.is_coordinator()));
create policy "place_hours: with the place" on public.place_hours for select to anon, authenticated
	using (exists (select 1 from public.places p where p.id = place_id));
create policy "place_photos: with the place" on public.place_photos for select to anon, authenticated
	using (exists (select 1 from public.places p where p.id = place_id));
create policy "practice_places: with the practice and the place" on public.practice_places
	for select to anon, authenticated
	using (exists (select 1 from public.practices pr where pr.id = practice_id)
		and exists (select 1 from public.places p where p.id = place_id));
create policy "place_corrections: the author, the place's organization and coordinators"
	on public.place_corrections for select to authenticated
	using (author_id = (select auth.uid())
		or (select private.is_coordinator())
		or (select p.organization_id from public.places p where p.id = place_id)
			= any ((select private.my_edited_org_ids())::uuid[]));

-- Suspended and unconfirmed members write nothing (the functions keep auth.uid()).
create trigger places_refuse_suspended before insert or update on public.places
	for each row execute function private.refuse_suspended();
create trigger places_refuse_unverified before insert on public.places
	for each row execute function private.refuse_unverified();
create trigger place_corrections_refuse_suspended before insert on public.place_corrections
	for each row execute function private.refuse_suspended();
create trigger place_corrections_refuse_unverified before insert on public.place_corrections
	for each row execute function private.refuse_unverified();

-- Writing ------------------------------------------------------------------------------

-- Checks and writes one place with its hours and photos; the callers decide who
-- may (save_place, import_places). Returns the id.
-- p: { id (absent: a new place), name, name_kana, kinds [..], area_id, address,
--   latitude, longitude, organization_id, audiences [..], hours [{day, opens,
--   closes}], hours_note, closed_days, fee_free, fee, capacity, meals_provided,
--   food_allowed, transport, accessibility, phone, email, url, description,
--   published, photos [{image_hash, alt}] (absent: kept as they are) }
-- Refusals: not_found, bad_length, no_kind, unknown_area, outside_japan,
-- point_incomplete, closes_before_opens, bad_day, too_many_photos, photo_alt_required.
create function private.write_place(p jsonb) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
	v_id uuid := nullif(p ->> 'id', '')::uuid;
	v_name text := private.trim_text(coalesce(p ->> 'name', ''));
	v_kinds text[] := coalesce(array(select jsonb_array_elements_text(coalesce(p -> 'kinds', '[]'))), '{}');
	v_lat numeric := nullif(p ->> 'latitude', '')::numeric;
	v_lng numeric := nullif(p ->> 'longitude', '')::numeric;
	v_area uuid := nullif(p ->> 'area_id', '')::uuid;
	v_item jsonb;
	v_key text;
begin
	if v_id is not null and not exists (select 1 from public.places where id = v_id) then
		raise exception 'place not found' using errcode = 'P0002', hint = 'not_found';
	end if;
	if char_length(v_name) not between 1 and 100 then
		raise exception 'a place has a name (1-100)' using errcode = 'P0001', hint = 'bad_length';
	end if;
	if char_length(coalesce(p ->> 'name_kana', '')) > 100 then
		raise exception 'name_kana is too long' using errcode = 'P0001', hint = 'bad_length';
	end if;
	foreach v_key in array array['address', 'closed_days', 'fee'] loop
		if char_length(coalesce(p ->> v_key, '')) > 200 then
			raise exception '% is too long', v_key using errcode = 'P0001', hint = 'bad_length';
		end if;
	end loop;
	if char_length(coalesce(p ->> 'hours_note', '')) > 500 or char_length(coalesce(p ->> 'accessibility', '')) > 1000
		or char_length(coalesce(p ->> 'description', '')) > 5000 then
		raise exception 'a text is too long' using errcode = 'P0001', hint = 'bad_length';
	end if;
	if cardinality(v_kinds) = 0 then
		raise exception 'a place has at least one kind' using errcode = 'P0001', hint = 'no_kind';
	end if;
	if v_area is not null and not exists (select 1 from public.areas a where a.id = v_area) then
		raise exception 'unknown area' using errcode = 'P0001', hint = 'unknown_area';
	end if;
	if (v_lat is null) <> (v_lng is null) then
		raise exception 'a point has both latitude and longitude' using errcode = 'P0001', hint = 'point_incomplete';
	end if;
	if v_lat is not null and (v_lat not between 20 and 46 or v_lng not between 122 and 154) then
		raise exception 'the point is outside Japan' using errcode = 'P0001', hint = 'outside_japan';
	end if;
	for v_item in select * from jsonb_array_elements(coalesce(p -> 'hours', '[]')) loop
		if (v_item ->> 'day')::smallint not between 1 and 8 then
			raise exception 'a day is 1 (月) to 8 (祝日)' using errcode = 'P0001', hint = 'bad_day';
		end if;
		if (v_item ->> 'closes')::time <= (v_item ->> 'opens')::time then
			raise exception 'it closes after it opens' using errcode = 'P0001', hint = 'closes_before_opens';
		end if;
	end loop;
	if jsonb_array_length(coalesce(p -> 'photos', '[]')) > 6 then
		raise exception 'at most 6 photos' using errcode = 'P0001', hint = 'too_many_photos';
	end if;
	for v_item in select * from jsonb_array_elements(coalesce(p -> 'photos', '[]')) loop
		if char_length(private.trim_text(coalesce(v_item ->> 'alt', ''))) not between 1 and 200 then
			raise exception 'every photo needs a description (alt text)' using errcode = 'P0001', hint = 'photo_alt_required';
		end if;
	end loop;

	if v_id is null then
		insert into public.places (name, kinds, confirmed_by) values (v_name, v_kinds, (select auth.uid()))
		returning id into v_id;
	end if;
	update public.places set name = v_name, kinds = v_kinds,
		name_kana = nullif(private.trim_text(p ->> 'name_kana'), ''),
		area_id = v_area, address = nullif(private.trim_text(p ->> 'address'), ''),
		latitude = v_lat, longitude = v_lng,
		organization_id = nullif(p ->> 'organization_id', '')::uuid,
		audiences = coalesce(array(select jsonb_array_elements_text(coalesce(p -> 'audiences', '[]'))), '{}'),
		open_days = coalesce(array(select distinct (h ->> 'day')::smallint
			from jsonb_array_elements(coalesce(p -> 'hours', '[]')) h order by 1), '{}'),
		hours_note = nullif(btrim(p ->> 'hours_note'), ''),
		closed_days = nullif(private.trim_text(p ->> 'closed_days'), ''),
		fee_free = (p ->> 'fee_free')::boolean, fee = nullif(private.trim_text(p ->> 'fee'), ''),
		capacity = nullif(p ->> 'capacity', '')::integer,
		meals_provided = (p ->> 'meals_provided')::boolean, food_allowed = (p ->> 'food_allowed')::boolean,
		transport = (p ->> 'transport')::boolean,
		accessibility = nullif(btrim(p ->> 'accessibility'), ''),
		phone = nullif(private.trim_text(p ->> 'phone'), ''), email = nullif(private.trim_text(p ->> 'email'), ''),
		url = nullif(private.trim_text(p ->> 'url'), ''), description = nullif(btrim(p ->> 'description'), ''),
		published = coalesce((p ->> 'published')::boolean, true),
		-- a save is a confirmation: the keeper has just read everything it says
		confirmed_at = now(), confirmed_by = (select auth.uid())
	where id = v_id;

	delete from public.place_hours where place_id = v_id;
	insert into public.place_hours (place_id, day, opens, closes)
		select distinct on ((h ->> 'day')::smallint) v_id, (h ->> 'day')::smallint, (h ->> 'opens')::time,
			(h ->> 'closes')::time
		from jsonb_array_elements(coalesce(p -> 'hours', '[]')) h;
	if p ? 'photos' then
		delete from public.place_photos where place_id = v_id;
		-- (the same image twice is kept once, at its first place)
		insert into public.place_photos (place_id, position, image_hash, alt)
			select v_id, row_number() over (order by y.n), y.h, y.alt
			from (select distinct on (x.f ->> 'image_hash') x.f ->> 'image_hash' as h,
					private.trim_text(x.f ->> 'alt') as alt, x.n
				from jsonb_array_elements(coalesce(p -> 'photos', '[]')) with ordinality x(f, n)
				order by x.f ->> 'image_hash', x.n) y;
	end if;
	return v_id;
end $$;
revoke execute on function private.write_place(jsonb) from public;

-- Saves a place (p as private.write_place). Organizations' owners and editors
-- write their places (and may hand one to no other organization than theirs);
-- coordinators write any. Refusals: sign_in, forbidden, and write_place's.
create function public.save_place(p jsonb) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
	v_id uuid := nullif(p ->> 'id', '')::uuid;
	v_org uuid := nullif(p ->> 'organization_id', '')::uuid;
	v_old_org uuid;
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	if v_id is not null then
		select organization_id into v_old_org from public.places where id = v_id for update;
		if not found then
			raise exception 'place not found' using errcode = 'P0002', hint = 'not_found';
		end if;
		if not private.keeps_places_of(v_old_org) then
			raise exception 'only its keepers change a place' using errcode = '42501', hint = 'forbidden';
		end if;
	end if;
	if v_org is not null and not exists (select 1 from public.organizations o where o.id = v_org) then
		raise exception 'organization not found' using errcode = '42501', hint = 'forbidden';
	end if;
	if not private.keeps_places_of(v_org) then
		raise exception 'only its keepers change a place' using errcode = '42501', hint = 'forbidden';
	end if;
	return private.write_place(p);
end $$;
revoke execute on function public.save_place(jsonb) from public, anon;
grant execute on function public.save_place(jsonb) to authenticated, service_role;

-- 「この内容で確認しました」: the keeper says the page is still right.
create function public.confirm_place(p_place uuid) returns timestamptz
language plpgsql security definer set search_path = '' as $$
declare
	v_org uuid;
	v_at timestamptz;
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	select organization_id into v_org from public.places where id = p_place for update;
	if not found then
		raise exception 'place not found' using errcode = 'P0002', hint = 'not_found';
	end if;
	if not private.keeps_places_of(v_org) then
		raise exception 'only its keepers confirm a place' using errcode = '42501', hint = 'forbidden';
	end if;
	update public.places set confirmed_at = now(), confirmed_by = (select auth.uid())
		where id = p_place returning confirmed_at into v_at;
	return v_at;
end $$;
revoke execute on function public.confirm_place(uuid) from public, anon;
grant execute on function public.confirm_place(uuid) to authenticated, service_role;

-- A coordinator's import, all or nothing: each item is a place as
-- private.write_place takes it (with id: an update of that place). Any refusal
-- rolls the whole import back; its message names the row (p_rows[i].row).
-- Returns how many places were written.
create function public.import_places(p_rows jsonb) returns integer
language plpgsql security definer set search_path = '' as $$
declare
	v_item jsonb;
	v_count integer := 0;
begin
	perform private.require_coordinator();
	for v_item in select * from jsonb_array_elements(coalesce(p_rows, '[]')) loop
		begin
			perform private.write_place(v_item - 'row' - 'photos');
		exception when others then
			raise exception 'row %: %', coalesce(v_item ->> 'row', '?'), sqlerrm
				using errcode = 'P0001', hint = 'import_row';
		end;
		v_count := v_count + 1;
	end loop;
	return v_count;
end $$;
revoke execute on function public.import_places(jsonb) from public, anon;
grant execute on function public.import_places(jsonb) to authenticated, service_role;

-- Lists --------------------------------------------------------------------------------

-- /places: published places by reading, with the filters of the page
-- (p_day: 1 = 月 … 7 = 日, 8 = 祝日). Security invoker: RLS decides too.
create function public.search_places(
	p_q text default null, p_area uuid default null, p_kind text default null, p_audience text default null,
	p_day smallint default null, p_free boolean default null, p_meals boolean default null,
	p_transport boolean default null, p_organization uuid default null,
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
	order by p.sort_key, p.id
	limit least(greatest(coalesce(p_limit, 20), 1), 1000) offset greatest(coalesce(p_offset, 0), 0);
end $$;
revoke execute on function public.search_places(text, uuid, text, text, smallint, boolean, boolean, boolean, uuid,
	integer, integer) from public;
grant execute on function public.search_places(text, uuid, text, text, smallint, boolean, boolean, boolean, uuid,
	integer, integer) to anon, authenticated, service_role;

-- How many places the filters give, counted up to p_cap (1 to 10000).
create function public.count_places(
	p_q text default null, p_area uuid default null, p_kind text default null, p_audience text default null,
	p_day smallint default null, p_free boolean default null, p_meals boolean default null,
	p_transport boolean default null, p_organization uuid default null, p_cap integer default 1000
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
		limit least(greatest(coalesce(p_cap, 1000), 1), 10000)) c
$$;
revoke execute on function public.count_places(text, uuid, text, text, smallint, boolean, boolean, boolean, uuid,
	integer) from public;
grant execute on function public.count_places(text, uuid, text, text, smallint, boolean, boolean, boolean, uuid,
	integer) to anon, authenticated, service_role;

-- How long a confirmation holds: after it, the page says 「情報が古い可能性があります」
-- ($lib/places/stale says the same to pages).
create function private.place_stale_after() returns interval
language sql immutable set search_path = '' as $$ select interval '6 months' $$;

-- Events and practices --------------------------------------------------------------------

-- save_event writes place_id too, and an event held at a place without a venue
-- typed takes the place's name and address (the rest as in
-- 20261204000000_event_details).
create or replace function public.save_event(
	p_id uuid, p_event jsonb, p_field_ids uuid[], p_cohost_ids uuid[], p_occurrences jsonb
) returns uuid
language plpgsql set search_path = '' as $$
declare
	v_id uuid := p_id;
begin
	if v_id is null then
		insert into public.events (title, kind, summary, body, starts_at, ends_at, all_day, rrule, venue_name,
			venue_address, online_url, area_id, organization_id, capacity, registration_opens_at,
			registration_closes_at, waitlist_enabled, audience_note, accessibility, contact_name, contact_phone,
			contact_email, fee, belongings, how_to_apply, deadline_note, status, place_id)
		select r.title, r.kind, r.summary, r.body, r.starts_at, r.ends_at, r.all_day, r.rrule,
			coalesce(r.venue_name, pl.name), coalesce(r.venue_address, case when r.venue_name is null then pl.address end),
			r.online_url, r.area_id, r.organization_id, r.capacity, r.registration_opens_at,
			r.registration_closes_at, r.waitlist_enabled, r.audience_note, r.accessibility, r.contact_name,
			r.contact_phone, r.contact_email, r.fee, r.belongings, r.how_to_apply, r.deadline_note, r.status,
			r.place_id
		from jsonb_populate_record(null::public.events, p_event) r
			left join public.places pl on pl.id = r.place_id
		returning id into v_id;
	else
		-- (a capacity or waiting-list change promotes through the trigger on events)
		update public.events e set title = r.title, kind = r.kind, summary = r.summary, body = r.body,
			starts_at = r.starts_at, ends_at = r.ends_at, all_day = r.all_day, rrule = r.rrule,
			venue_name = coalesce(r.venue_name, pl.name),
			venue_address = coalesce(r.venue_address, case when r.venue_name is null then pl.address end),
			online_url = r.online_url,
			area_id = r.area_id, organization_id = r.organization_id, capacity = r.capacity,
			registration_opens_at = r.registration_opens_at, registration_closes_at = r.registration_closes_at,
			waitlist_enabled = r.waitlist_enabled, audience_note = r.audience_note, accessibility = r.accessibility,
			contact_name = r.contact_name, contact_phone = r.contact_phone, contact_email = r.contact_email,
			fee = r.fee, belongings = r.belongings, how_to_apply = r.how_to_apply, deadline_note = r.deadline_note,
			status = r.status, place_id = r.place_id
		from jsonb_populate_record(null::public.events, p_event) r
			left join public.places pl on pl.id = r.place_id
		where e.id = v_id;
		if not found then
			raise exception 'event not found or not editable' using errcode = '42501', hint = 'forbidden';
		end if;
	end if;

	perform set_config('tsunagu.saving_event', v_id::text, true);
	delete from public.event_fields where event_id = v_id;
	insert into public.event_fields (event_id, field_id) select v_id, f from unnest(coalesce(p_field_ids, '{}')) f;
	-- co-hosts still named keep their row (and whether they accepted); new ones
	-- are invited; the others are removed
	delete from public.event_cohosts c
		where c.event_id = v_id and not (c.organization_id = any (coalesce(p_cohost_ids, '{}')));
	insert into public.event_cohosts (event_id, organization_id)
		select distinct v_id, c from unnest(coalesce(p_cohost_ids, '{}')) c
		on conflict (event_id, organization_id) do nothing;
	perform private.save_occurrences(v_id, p_occurrences);
	return v_id;
end $$;
-- (grants on save_event unchanged: create or replace keeps them)

-- The event page's event (as in 20261212000000_wide_reads) with the place it is held at.
create or replace function public.event_detail(e public.events) returns jsonb
language sql stable set search_path = '' as $$
	select to_jsonb(x) from (
		select e.id, e.title, e.kind, e.summary, e.body, e.starts_at, e.ends_at, e.all_day, e.rrule,
			e.venue_name, e.venue_address, e.online_url, e.area_id, e.organization_id, e.organizer_id,
			e.capacity, e.registration_opens_at, e.registration_closes_at, e.waitlist_enabled,
			e.audience_note, e.accessibility, e.contact_name, e.contact_phone, e.contact_email, e.fee,
			e.belongings, e.how_to_apply, e.deadline_note, e.short_code, e.status, e.cancel_reason,
			e.updated_at, e.cover_alt,
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

-- save_practice writes the practice's places too: the function of
-- 20261209000000_practices moves to private.save_practice_core, and
-- public.save_practice calls it and writes place_ids in the same transaction.
alter function public.save_practice(jsonb) set schema private;
alter function private.save_practice(jsonb) rename to save_practice_core;
revoke execute on function private.save_practice_core(jsonb) from public, anon, authenticated;

create function public.save_practice(p jsonb) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
	v_id uuid := private.save_practice_core(p);
begin
	delete from public.practice_places where practice_id = v_id;
	insert into public.practice_places (practice_id, place_id)
		select distinct v_id, x::uuid from jsonb_array_elements_text(coalesce(p -> 'place_ids', '[]')) x
		where exists (select 1 from public.places pl where pl.id = x::uuid and pl.published);
	return v_id;
end $$;
revoke execute on function public.save_practice(jsonb) from public, anon;
grant execute on function public.save_practice(jsonb) to authenticated, service_role;

-- Corrections ----------------------------------------------------------------------------

alter table public.notifications add column place_id uuid references public.places (id) on delete cascade;
create index notifications_place_idx on public.notifications (place_id) where place_id is not null;
alter table public.notifications drop constraint notifications_kind;
alter table public.notifications add constraint notifications_kind check
	(kind in ('promoted', 'event_changed', 'event_cancelled', 'occurrence_cancelled', 'cohost_invited',
		'thread_reply', 'mention', 'post_hidden', 'report_handled', 'new_followed_event',
		'practice_published', 'practice_returned', 'practice_inspired',
		'award_received', 'nomination_answered', 'thanks_received',
		'voice_answered', 'record_missing',
		'place_correction', 'places_stale'));

-- 「情報が違う場合」: any signed-in member reports what changed (ten a day at
-- most); the place's keepers are told (the organization's owners and editors, or the coordinators
-- of a place without an organization), the writer excepted.
create function public.report_place_correction(p_place uuid, p_body text) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
	v_org uuid;
	v_id uuid;
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	select organization_id into v_org from public.places where id = p_place and published;
	if not found then
		raise exception 'place not found' using errcode = 'P0002', hint = 'not_found';
	end if;
	if char_length(btrim(coalesce(p_body, ''))) not between 1 and 2000 then
		raise exception 'a correction says what changed (1-2000)' using errcode = 'P0001', hint = 'bad_length';
	end if;
	-- each report mails the keepers: ten a day per member is plenty for honest use
	if (select count(*) from public.place_corrections c
		where c.author_id = (select auth.uid()) and c.created_at > now() - interval '1 day') >= 10 then
		raise exception 'at most 10 reports a day' using errcode = 'P0001', hint = 'throttled';
	end if;
	insert into public.place_corrections (place_id, author_id, body)
		values (p_place, (select auth.uid()), btrim(p_body)) returning id into v_id;
	insert into public.notifications (user_id, kind, place_id, detail)
	select distinct k.user_id, 'place_correction', p_place, v_id::text
	from (select m.user_id from public.organization_members m
			where v_org is not null and m.organization_id = v_org and m.role in ('owner', 'editor')
		union
		select pr.id from public.profiles pr where v_org is null and pr.role in ('coordinator', 'admin')) k
	where k.user_id <> (select auth.uid());
	return v_id;
end $$;
revoke execute on function public.report_place_correction(uuid, text) from public, anon;
grant execute on function public.report_place_correction(uuid, text) to authenticated, service_role;

-- The keeper has dealt with a correction (edited the place, or found nothing to change).
create function public.resolve_place_correction(p_correction uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_org uuid;
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	select p.organization_id into v_org from public.place_corrections c join public.places p on p.id = c.place_id
		where c.id = p_correction for update of c;
	if not found then
		raise exception 'correction not found' using errcode = 'P0002', hint = 'not_found';
	end if;
	if not private.keeps_places_of(v_org) then
		raise exception 'only its keepers resolve a correction' using errcode = '42501', hint = 'forbidden';
	end if;
	update public.place_corrections set resolved_at = coalesce(resolved_at, now()),
		resolved_by = coalesce(resolved_by, (select auth.uid()))
		where id = p_correction;
end $$;
revoke execute on function public.resolve_place_correction(uuid) from public, anon;
grant execute on function public.resolve_place_correction(uuid) to authenticated, service_role;

-- Reminders ----------------------------------------------------------------------------

-- At most once a month (Tokyo) per person: everyone who keeps a published place
-- not confirmed for six months gets one places_stale notice (detail: the month,
-- place_id: the oldest such place); the mail and /places/confirm list them all.
create unique index notifications_places_stale_unique on public.notifications (user_id, detail)
	where kind = 'places_stale';

create function private.remind_stale_places(p_now timestamptz) returns integer
language plpgsql security definer set search_path = '' as $$
declare
	v_count integer;
	v_month text := to_char(p_now at time zone 'Asia/Tokyo', 'YYYY-MM');
begin
	insert into public.notifications (user_id, kind, place_id, detail)
	select distinct on (k.user_id) k.user_id, 'places_stale', k.place_id, v_month
	from (
		select m.user_id, p.id as place_id, p.confirmed_at
		from public.places p
		join public.organization_members m on m.organization_id = p.organization_id and m.role in ('owner', 'editor')
		where p.published and p.confirmed_at < p_now - private.place_stale_after()
		union all
		select pr.id, p.id, p.confirmed_at
		from public.places p cross join public.profiles pr
		where p.published and p.organization_id is null and p.confirmed_at < p_now - private.place_stale_after()
			and pr.role in ('coordinator', 'admin')
	) k
	order by k.user_id, k.confirmed_at, k.place_id
	on conflict (user_id, detail) where kind = 'places_stale' do nothing;
	get diagnostics v_count = row_count;
	return v_count;
end $$;
revoke execute on function private.remind_stale_places(timestamptz) from public;
grant execute on function private.remind_stale_places(timestamptz) to service_role;

-- The places a person keeps that wait for a confirmation (/places/confirm, the
-- reminder's mail): the oldest confirmation first.
create function public.my_stale_places(p_now timestamptz default now(), p_limit integer default 100)
returns setof public.places
language sql stable set search_path = '' as $$
	select p.* from public.places p
	where p.published and p.confirmed_at < p_now - private.place_stale_after()
		and ((p.organization_id is not null
				and p.organization_id = any ((select private.my_edited_org_ids())::uuid[]))
			or (p.organization_id is null and (select private.is_coordinator())))
	order by p.confirmed_at, p.id
	limit least(greatest(coalesce(p_limit, 100), 1), 500)
$$;
revoke execute on function public.my_stale_places(timestamptz, integer) from public, anon;
grant execute on function public.my_stale_places(timestamptz, integer) to authenticated, service_role;

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
	'record', 'voice',
	-- a correction reported, places waiting for a confirmation (to their keepers)
	'place'));

-- As in 20261214000000_voices, plus one mail per place notice (kind 'place';
-- the writer reads the notice).
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
	elsif new.kind in ('place_correction', 'places_stale') then
		perform private.enqueue_mail('place', new.user_id,
			jsonb_build_object('notification_id', new.id), 'mail:place:' || new.id);
	end if;
	return null;
end $$;
