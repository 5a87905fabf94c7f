-- Practices (実践事例, issue 12): showcased local activities, written by an
-- organization's editors, published by coordinators.
--
-- * practices and their children (figures, partners, areas, fields, linked
--   events, photos). A published practice and its children are read by
--   everyone, anon included; any other status only by owners and editors of its
--   lead organization and by coordinators (RLS; the children follow their
--   practice through an exists on practices, which applies its policy).
-- * Nobody writes these tables directly (no insert, update or delete grant to
--   members): save_practice writes a practice and all its children in one
--   transaction; submit_practice, publish_practice, return_practice and
--   set_featured_practices move it through the workflow. All are security
--   definer, check who calls, and refuse with hints (db/errors.ts REFUSALS).
--   draft|returned --submit (editors)--> submitted --publish (coordinators)--> published
--                                       submitted --return with a comment--> returned
--   A published practice stays published while its authors edit it;
--   published_snapshot keeps its text at publication, for the coordinators'
--   "changed since publication" list.
-- * Event covers (events.cover_image_hash, cover_alt) and organization logos
--   (organizations.logo_image_hash), referencing images.
-- * Notices practice_published / practice_returned (here) and practice_inspired
--   (issue 12's thread migration inserts them) with notifications.practice_id;
--   each becomes a mail of kind 'practice' under the preference
--   practices_recognition (on by default).

-- Helpers ---------------------------------------------------------------------------

-- The organizations the requesting person edits for (owner or editor), once per
-- statement in policies: `lead_organization_id = any ((select private.my_edited_org_ids())::uuid[])`.
create function private.my_edited_org_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
	select coalesce(array_agg(m.organization_id), '{}') from public.organization_members m
	where m.user_id = (select auth.uid()) and m.role in ('owner', 'editor')
$$;
revoke execute on function private.my_edited_org_ids() from public;
grant execute on function private.my_edited_org_ids() to anon, authenticated, service_role;

-- Tables -------------------------------------------------------------------------------

create type public.practice_status as enum ('draft', 'submitted', 'returned', 'published');

create table public.practices (
	id uuid primary key default extensions.gen_random_uuid(),
	lead_organization_id uuid not null references public.organizations (id) on delete cascade,
	author_id uuid references public.profiles (id) on delete set null default auth.uid(),
	status public.practice_status not null default 'draft',
	title text not null constraint practices_title_length check (char_length(title) between 1 and 120),
	summary text not null constraint practices_summary_length check (char_length(summary) between 1 and 200),
	-- 対象: who it is for (the list filter), and in words
	audiences text[] not null default '{}' constraint practices_audiences check (audiences <@ array[
		'children', 'youth', 'parents', 'elderly', 'disability', 'caregivers', 'foreign_residents', 'everyone']::text[]),
	audience_note text constraint practices_audience_note_length check (char_length(audience_note) <= 200),
	frequency text constraint practices_frequency_length check (char_length(frequency) <= 200),
	venue text constraint practices_venue_length check (char_length(venue) <= 200),
	cost text constraint practices_cost_length check (char_length(cost) <= 200),
	funding text constraint practices_funding_length check (char_length(funding) <= 200),
	started_on date not null,
	-- null: still going
	ended_on date,
	-- the story, Markdown, each section optional
	story_origin text constraint practices_story_origin_length check (char_length(story_origin) <= 5000),
	story_activities text constraint practices_story_activities_length check (char_length(story_activities) <= 5000),
	story_tips text constraint practices_story_tips_length check (char_length(story_tips) <= 5000),
	story_outcomes text constraint practices_story_outcomes_length check (char_length(story_outcomes) <= 5000),
	story_challenges text constraint practices_story_challenges_length check (char_length(story_challenges) <= 5000),
	story_next text constraint practices_story_next_length check (char_length(story_next) <= 5000),
	story_contact text constraint practices_story_contact_length check (char_length(story_contact) <= 5000),
	-- the last review (a return's comment is shown to the authors)
	review_comment text constraint practices_review_comment_length check (char_length(review_comment) <= 1000),
	reviewed_at timestamptz,
	reviewed_by uuid references public.profiles (id) on delete set null,
	submitted_at timestamptz,
	published_at timestamptz,
	published_by uuid references public.profiles (id) on delete set null,
	published_snapshot jsonb,
	-- on the home page, in this order (1 first); null: not featured
	featured_position smallint constraint practices_featured_position check (featured_position between 1 and 6),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	search_text text generated always as (private.search_normalize(title || ' ' || summary || ' '
		|| coalesce(audience_note, '') || ' ' || coalesce(venue, '') || ' ' || coalesce(story_origin, '') || ' '
		|| coalesce(story_activities, '') || ' ' || coalesce(story_tips, '') || ' ' || coalesce(story_outcomes, '')
		|| ' ' || coalesce(story_challenges, '') || ' ' || coalesce(story_next, ''))) stored,
	constraint practices_period check (ended_on is null or ended_on >= started_on),
	constraint practices_featured_published check (featured_position is null or status = 'published'),
	constraint practices_published_at check (status <> 'published' or published_at is not null)
);
-- /practices: published, newest first (search_practices pages through it)
create index practices_published_idx on public.practices (published_at desc, id desc) where status = 'published';
-- an organization's practices (its page, 「わたしの団体の実践事例」)
create index practices_lead_org_idx on public.practices (lead_organization_id, updated_at desc);
-- the home page's featured set, in order; one practice per position
create unique index practices_featured_idx on public.practices (featured_position) where featured_position is not null;
-- the coordinators' queue, oldest submission first
create index practices_submitted_idx on public.practices (submitted_at, id) where status = 'submitted';
create index practices_search_idx on public.practices using gin (search_text extensions.gin_trgm_ops);
create index practices_audiences_idx on public.practices using gin (audiences);
create index practices_author_idx on public.practices (author_id);
create index practices_reviewed_by_idx on public.practices (reviewed_by);
create index practices_published_by_idx on public.practices (published_by);

create trigger practices_touch before update on public.practices
	for each row execute function private.touch_updated_at();

-- 成果の数字: 参加者 40 人/月
create table public.practice_figures (
	practice_id uuid not null references public.practices (id) on delete cascade,
	position smallint not null constraint practice_figures_position check (position between 1 and 20),
	label text not null constraint practice_figures_label_length check (char_length(label) between 1 and 60),
	value numeric not null,
	unit text not null default '' constraint practice_figures_unit_length check (char_length(unit) <= 20),
	primary key (practice_id, position)
);

-- 連携先: a registered organization or a name
create table public.practice_partners (
	practice_id uuid not null references public.practices (id) on delete cascade,
	position smallint not null constraint practice_partners_position check (position between 1 and 20),
	organization_id uuid references public.organizations (id) on delete cascade,
	name text constraint practice_partners_name_length check (char_length(name) between 1 and 100),
	primary key (practice_id, position),
	constraint practice_partners_one check ((organization_id is null) <> (name is null))
);
create index practice_partners_org_idx on public.practice_partners (organization_id);

create table public.practice_areas (
	practice_id uuid not null references public.practices (id) on delete cascade,
	area_id uuid not null references public.areas (id),
	primary key (practice_id, area_id)
);
create index practice_areas_area_idx on public.practice_areas (area_id);

create table public.practice_fields (
	practice_id uuid not null references public.practices (id) on delete cascade,
	field_id uuid not null references public.fields (id),
	primary key (practice_id, field_id)
);
create index practice_fields_field_idx on public.practice_fields (field_id);

-- linked events (past and upcoming) of the lead organization
create table public.practice_events (
	practice_id uuid not null references public.practices (id) on delete cascade,
	event_id uuid not null references public.events (id) on delete cascade,
	primary key (practice_id, event_id)
);
create index practice_events_event_idx on public.practice_events (event_id);

-- up to 6 photos; position 1 is the cover
create table public.practice_photos (
	practice_id uuid not null references public.practices (id) on delete cascade,
	position smallint not null constraint practice_photos_position check (position between 1 and 6),
	image_hash text not null references public.images (hash),
	alt text not null constraint practice_photos_alt_length check (char_length(btrim(alt)) between 1 and 200),
	primary key (practice_id, position),
	constraint practice_photos_once unique (practice_id, image_hash)
);
create index practice_photos_image_idx on public.practice_photos (image_hash);

-- RLS and grants ---------------------------------------------------------------------

alter table public.practices enable row level security;
alter table public.practice_figures enable row level security;
alter table public.practice_partners enable row level security;
alter table public.practice_areas enable row level security;
alter table public.practice_fields enable row level security;
alter table public.practice_events enable row level security;
alter table public.practice_photos enable row level security;

-- Members and anon read; writes go through the functions below only.
grant select on public.practices, public.practice_figures, public.practice_partners, public.practice_areas,
	public.practice_fields, public.practice_events, public.practice_photos to anon, authenticated;
grant select, insert, update, delete on public.practices, public.practice_figures, public.practice_partners,
	public.practice_areas, public.practice_fields, public.practice_events, public.practice_photos to service_role;

create policy "practices: published for all, others for the lead organization's editors and coordinators"
	on public.practices for select to anon, authenticated
	using (status = 'published'
		or lead_organization_id = any ((select private.my_edited_org_ids())::uuid[])
		or (select private.is_coordinator()));
create policy "practice_figures: with the practice" on public.practice_figures for select to anon, authenticated
	using (exists (select 1 from public.practices p where p.id = practice_id));
create policy "practice_partners: with the practice" on public.practice_partners for select to anon, authenticated
	using (exists (select 1 from public.practices p where p.id = practice_id));
create policy "practice_areas: with the practice" on public.practice_areas for select to anon, authenticated
	using (exists (select 1 from public.practices p where p.id = practice_id));
create policy "practice_fields: with the practice" on public.practice_fields for select to anon, authenticated
	using (exists (select 1 from public.practices p where p.id = practice_id));
create policy "practice_events: with the practice" on public.practice_events for select to anon, authenticated
	using (exists (select 1 from public.practices p where p.id = practice_id));
create policy "practice_photos: with the practice" on public.practice_photos for select to anon, authenticated
	using (exists (select 1 from public.practices p where p.id = practice_id));

-- Suspended and unconfirmed members write nothing (the functions keep auth.uid()).
create trigger practices_refuse_suspended before insert or update on public.practices
	for each row execute function private.refuse_suspended();
create trigger practices_refuse_unverified before insert on public.practices
	for each row execute function private.refuse_unverified();
create trigger practice_figures_refuse_suspended before insert on public.practice_figures
	for each row execute function private.refuse_suspended();
create trigger practice_partners_refuse_suspended before insert on public.practice_partners
	for each row execute function private.refuse_suspended();
create trigger practice_photos_refuse_suspended before insert on public.practice_photos
	for each row execute function private.refuse_suspended();

-- Event covers and organization logos --------------------------------------------------

alter table public.events
	add column cover_image_hash text references public.images (hash) on delete set null,
	add column cover_alt text constraint events_cover_alt_length check (char_length(cover_alt) <= 200),
	add constraint events_cover_alt check (cover_image_hash is null or char_length(btrim(cover_alt)) >= 1);
create index events_cover_image_idx on public.events (cover_image_hash);
-- (the policy "events: organisers change" decides whose)
grant update (cover_image_hash, cover_alt) on public.events to authenticated;

alter table public.organizations
	add column logo_image_hash text references public.images (hash) on delete set null;
create index organizations_logo_image_idx on public.organizations (logo_image_hash);
-- (the policy "organizations: editors and coordinators change" decides whose)
grant update (logo_image_hash) on public.organizations to authenticated;

-- The text compared since publication --------------------------------------------------

-- What a coordinator compares: the practice's words and lists as people read
-- them. Stored as published_snapshot when published; compared with the same
-- function's answer now.
create function private.practice_snapshot(p_id uuid) returns jsonb
language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'title', p.title, 'summary', p.summary,
		'lead_organization', o.name,
		'audiences', to_jsonb(p.audiences), 'audience_note', p.audience_note,
		'frequency', p.frequency, 'venue', p.venue, 'cost', p.cost, 'funding', p.funding,
		'started_on', p.started_on, 'ended_on', p.ended_on,
		'story_origin', p.story_origin, 'story_activities', p.story_activities, 'story_tips', p.story_tips,
		'story_outcomes', p.story_outcomes, 'story_challenges', p.story_challenges, 'story_next', p.story_next,
		'story_contact', p.story_contact,
		'figures', coalesce((select jsonb_agg(f.label || ' ' || f.value::text || f.unit order by f.position)
			from public.practice_figures f where f.practice_id = p.id), '[]'),
		'partners', coalesce((select jsonb_agg(coalesce(po.name, pp.name) order by pp.position)
			from public.practice_partners pp left join public.organizations po on po.id = pp.organization_id
			where pp.practice_id = p.id), '[]'),
		'areas', coalesce((select jsonb_agg(a.name_ja order by a.sort_order, a.name_ja)
			from public.practice_areas pa join public.areas a on a.id = pa.area_id where pa.practice_id = p.id), '[]'),
		'fields', coalesce((select jsonb_agg(f.name_ja order by f.sort_order, f.name_ja)
			from public.practice_fields pf join public.fields f on f.id = pf.field_id where pf.practice_id = p.id), '[]'),
		'events', coalesce((select jsonb_agg(e.title order by e.starts_at, e.id)
			from public.practice_events pe join public.events e on e.id = pe.event_id where pe.practice_id = p.id), '[]'),
		'photos', coalesce((select jsonb_agg(ph.alt order by ph.position)
			from public.practice_photos ph where ph.practice_id = p.id), '[]'))
	from public.practices p join public.organizations o on o.id = p.lead_organization_id
	where p.id = p_id
$$;
revoke execute on function private.practice_snapshot(uuid) from public;

-- Saving -------------------------------------------------------------------------------

-- Who may write a practice of this organization: its owners and editors, and coordinators.
create function private.edits_practices_for(p_org uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select coalesce(private.org_role(p_org) in ('owner', 'editor'), false) or private.is_coordinator()
$$;
revoke execute on function private.edits_practices_for(uuid) from public;

-- Writes a practice and all its children in one transaction and returns its id.
-- p: { id (absent or null: a new draft), lead_organization_id, title, summary,
--   audiences [..], audience_note, frequency, venue, cost, funding, started_on,
--   ended_on, story_origin … story_contact,
--   figures [{label, value, unit}], partners [{organization_id} | {name}],
--   area_ids [..], field_ids [..], event_ids [..] (events of the lead
--   organization or co-hosted by it), photos [{image_hash, alt}] in order (the
--   first is the cover) }
-- The status does not change here (a published practice stays published).
-- Refusals: sign_in, forbidden (not an editor of the lead organization, or an
-- event that is not its own), not_found, no_lead_organization, no_start_date,
-- ended_before_started, bad_length, figure_not_number, too_many_photos,
-- photo_alt_required, suspended, unverified.
create function public.save_practice(p jsonb) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
	v_id uuid := nullif(p ->> 'id', '')::uuid;
	v_org uuid := nullif(p ->> 'lead_organization_id', '')::uuid;
	v_old public.practices;
	v_started date := nullif(p ->> 'started_on', '')::date;
	v_ended date := nullif(p ->> 'ended_on', '')::date;
	v_title text := private.trim_text(coalesce(p ->> 'title', ''));
	v_summary text := private.trim_text(coalesce(p ->> 'summary', ''));
	v_item jsonb;
	v_value jsonb;
	v_key text;
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	if v_org is null or not exists (select 1 from public.organizations o where o.id = v_org) then
		raise exception 'a practice needs a lead organization' using errcode = 'P0001', hint = 'no_lead_organization';
	end if;
	if not private.edits_practices_for(v_org) then
		raise exception 'only the organization''s editors write its practices' using errcode = '42501', hint = 'forbidden';
	end if;
	if v_id is not null then
		select * into v_old from public.practices where id = v_id for update;
		if not found then
			raise exception 'practice not found' using errcode = 'P0002', hint = 'not_found';
		end if;
		if not private.edits_practices_for(v_old.lead_organization_id) then
			raise exception 'only the organization''s editors write its practices' using errcode = '42501', hint = 'forbidden';
		end if;
	end if;
	if v_started is null then
		raise exception 'a practice needs its start date' using errcode = 'P0001', hint = 'no_start_date';
	end if;
	if v_ended is not null and v_ended < v_started then
		raise exception 'ended before it started' using errcode = 'P0001', hint = 'ended_before_started';
	end if;
	if char_length(v_title) not between 1 and 120 or char_length(v_summary) not between 1 and 200 then
		raise exception 'title 1-120, summary 1-200 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	foreach v_key in array array['story_origin', 'story_activities', 'story_tips', 'story_outcomes',
		'story_challenges', 'story_next', 'story_contact'] loop
		if char_length(coalesce(p ->> v_key, '')) > 5000 then
			raise exception '% has at most 5000 characters', v_key using errcode = 'P0001', hint = 'bad_length';
		end if;
	end loop;
	foreach v_key in array array['audience_note', 'frequency', 'venue', 'cost', 'funding'] loop
		if char_length(coalesce(p ->> v_key, '')) > 200 then
			raise exception '% has at most 200 characters', v_key using errcode = 'P0001', hint = 'bad_length';
		end if;
	end loop;
	for v_item in select * from jsonb_array_elements(coalesce(p -> 'figures', '[]')) loop
		v_value := v_item -> 'value';
		if not (jsonb_typeof(v_value) = 'number'
			or (jsonb_typeof(v_value) = 'string' and btrim(v_value #>> '{}') ~ '^-?[0-9]+(\.[0-9]+)?$')) then
			raise exception 'a figure''s value is a number' using errcode = 'P0001', hint = 'figure_not_number';
		end if;
		if char_length(private.trim_text(coalesce(v_item ->> 'label', ''))) not between 1 and 60
			or char_length(coalesce(v_item ->> 'unit', '')) > 20 then
			raise exception 'a figure has a label (1-60) and a unit (up to 20)' using errcode = 'P0001', hint = 'bad_length';
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
	if exists (select 1 from jsonb_array_elements_text(coalesce(p -> 'event_ids', '[]')) x(id)
		where not exists (select 1 from public.events e where e.id = x.id::uuid
			and (e.organization_id = v_org or exists (select 1 from public.event_cohosts c
				where c.event_id = e.id and c.organization_id = v_org and c.accepted_at is not null)))) then
		raise exception 'linked events are the lead organization''s own' using errcode = '42501', hint = 'forbidden';
	end if;

	if v_id is null then
		insert into public.practices (lead_organization_id, author_id, title, summary, audiences, audience_note,
			frequency, venue, cost, funding, started_on, ended_on, story_origin, story_activities, story_tips,
			story_outcomes, story_challenges, story_next, story_contact)
		values (v_org, (select auth.uid()), v_title, v_summary,
			coalesce(array(select jsonb_array_elements_text(coalesce(p -> 'audiences', '[]'))), '{}'),
			nullif(private.trim_text(p ->> 'audience_note'), ''), nullif(private.trim_text(p ->> 'frequency'), ''),
			nullif(private.trim_text(p ->> 'venue'), ''), nullif(private.trim_text(p ->> 'cost'), ''),
			nullif(private.trim_text(p ->> 'funding'), ''), v_started, v_ended,
			nullif(btrim(p ->> 'story_origin'), ''), nullif(btrim(p ->> 'story_activities'), ''),
			nullif(btrim(p ->> 'story_tips'), ''), nullif(btrim(p ->> 'story_outcomes'), ''),
			nullif(btrim(p ->> 'story_challenges'), ''), nullif(btrim(p ->> 'story_next'), ''),
			nullif(btrim(p ->> 'story_contact'), ''))
		returning id into v_id;
	else
		update public.practices set lead_organization_id = v_org, title = v_title, summary = v_summary,
			audiences = coalesce(array(select jsonb_array_elements_text(coalesce(p -> 'audiences', '[]'))), '{}'),
			audience_note = nullif(private.trim_text(p ->> 'audience_note'), ''),
			frequency = nullif(private.trim_text(p ->> 'frequency'), ''),
			venue = nullif(private.trim_text(p ->> 'venue'), ''), cost = nullif(private.trim_text(p ->> 'cost'), ''),
			funding = nullif(private.trim_text(p ->> 'funding'), ''), started_on = v_started, ended_on = v_ended,
			story_origin = nullif(btrim(p ->> 'story_origin'), ''),
			story_activities = nullif(btrim(p ->> 'story_activities'), ''),
			story_tips = nullif(btrim(p ->> 'story_tips'), ''), story_outcomes = nullif(btrim(p ->> 'story_outcomes'), ''),
			story_challenges = nullif(btrim(p ->> 'story_challenges'), ''),
			story_next = nullif(btrim(p ->> 'story_next'), ''), story_contact = nullif(btrim(p ->> 'story_contact'), ''),
			updated_at = now()
		where id = v_id;
	end if;

	delete from public.practice_figures where practice_id = v_id;
	insert into public.practice_figures (practice_id, position, label, value, unit)
		select v_id, x.n, private.trim_text(x.f ->> 'label'), btrim(x.f ->> 'value')::numeric,
			coalesce(private.trim_text(x.f ->> 'unit'), '')
		from jsonb_array_elements(coalesce(p -> 'figures', '[]')) with ordinality x(f, n);
	delete from public.practice_partners where practice_id = v_id;
	insert into public.practice_partners (practice_id, position, organization_id, name)
		select v_id, x.n, nullif(x.f ->> 'organization_id', '')::uuid,
			case when nullif(x.f ->> 'organization_id', '') is null then private.trim_text(x.f ->> 'name') end
		from jsonb_array_elements(coalesce(p -> 'partners', '[]')) with ordinality x(f, n);
	delete from public.practice_areas where practice_id = v_id;
	insert into public.practice_areas (practice_id, area_id)
		select distinct v_id, a::uuid from jsonb_array_elements_text(coalesce(p -> 'area_ids', '[]')) a;
	delete from public.practice_fields where practice_id = v_id;
	insert into public.practice_fields (practice_id, field_id)
		select distinct v_id, f::uuid from jsonb_array_elements_text(coalesce(p -> 'field_ids', '[]')) f;
	delete from public.practice_events where practice_id = v_id;
	insert into public.practice_events (practice_id, event_id)
		select distinct v_id, e::uuid from jsonb_array_elements_text(coalesce(p -> 'event_ids', '[]')) e;
	delete from public.practice_photos where practice_id = v_id;
	-- (the same image twice is kept once, at its first place)
	insert into public.practice_photos (practice_id, position, image_hash, alt)
		select v_id, row_number() over (order by y.n), y.h, y.alt
		from (select distinct on (x.f ->> 'image_hash') x.f ->> 'image_hash' as h,
				private.trim_text(x.f ->> 'alt') as alt, x.n
			from jsonb_array_elements(coalesce(p -> 'photos', '[]')) with ordinality x(f, n)
			order by x.f ->> 'image_hash', x.n) y;
	return v_id;
end $$;
revoke execute on function public.save_practice(jsonb) from public, anon;
grant execute on function public.save_practice(jsonb) to authenticated, service_role;

-- The workflow -------------------------------------------------------------------------

-- 提出する: an editor of the lead organization hands a draft (or a returned
-- practice) to the coordinators.
create function public.submit_practice(p_id uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v public.practices;
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	select * into v from public.practices where id = p_id for update;
	if not found or not (v.status = 'published' or private.edits_practices_for(v.lead_organization_id)) then
		raise exception 'practice not found' using errcode = 'P0002', hint = 'not_found';
	end if;
	if private.org_role(v.lead_organization_id) is distinct from 'owner'
		and private.org_role(v.lead_organization_id) is distinct from 'editor' then
		raise exception 'only the organization''s editors submit its practices' using errcode = '42501', hint = 'forbidden';
	end if;
	if v.status not in ('draft', 'returned') then
		raise exception 'only a draft or a returned practice is submitted' using errcode = 'P0001', hint = 'wrong_status';
	end if;
	update public.practices set status = 'submitted', submitted_at = now() where id = p_id;
end $$;

-- 公開する: a coordinator publishes a submitted practice; its text now is kept
-- as published_snapshot; its author is told.
create function public.publish_practice(p_id uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_me uuid := private.require_coordinator();
	v public.practices;
begin
	select * into v from public.practices where id = p_id for update;
	if not found then
		raise exception 'practice not found' using errcode = 'P0002', hint = 'not_found';
	end if;
	if v.status <> 'submitted' then
		raise exception 'only a submitted practice is published' using errcode = 'P0001', hint = 'wrong_status';
	end if;
	update public.practices set status = 'published', published_at = now(), published_by = v_me,
		reviewed_at = now(), reviewed_by = v_me, review_comment = null,
		published_snapshot = private.practice_snapshot(p_id)
	where id = p_id;
	if v.author_id is not null then
		insert into public.notifications (user_id, kind, practice_id) values (v.author_id, 'practice_published', p_id);
	end if;
end $$;

-- 差し戻す: a coordinator returns a submitted practice with a comment (1-1000
-- characters) that its authors see; its author is told, with the comment.
create function public.return_practice(p_id uuid, p_comment text) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_me uuid := private.require_coordinator();
	v public.practices;
	v_comment text := private.trim_text(coalesce(p_comment, ''));
begin
	if char_length(v_comment) = 0 then
		raise exception 'say what to change' using errcode = 'P0001', hint = 'comment_required';
	end if;
	if char_length(v_comment) > 1000 then
		raise exception 'a comment has at most 1000 characters' using errcode = 'P0001', hint = 'bad_length';
	end if;
	select * into v from public.practices where id = p_id for update;
	if not found then
		raise exception 'practice not found' using errcode = 'P0002', hint = 'not_found';
	end if;
	if v.status <> 'submitted' then
		raise exception 'only a submitted practice is returned' using errcode = 'P0001', hint = 'wrong_status';
	end if;
	update public.practices set status = 'returned', review_comment = v_comment, reviewed_at = now(),
		reviewed_by = v_me
	where id = p_id;
	if v.author_id is not null then
		insert into public.notifications (user_id, kind, practice_id, detail)
			values (v.author_id, 'practice_returned', p_id, v_comment);
	end if;
end $$;

-- The home page's featured practices: p_ids in order (at most 6, each
-- published, no repeats) replace the previous set; an empty array clears it.
create function public.set_featured_practices(p_ids uuid[]) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_ids uuid[] := coalesce(p_ids, '{}');
begin
	perform private.require_coordinator();
	if cardinality(v_ids) > 6 then
		raise exception 'at most 6 featured practices' using errcode = 'P0001', hint = 'too_many_featured';
	end if;
	if cardinality(v_ids) <> (select count(distinct x) from unnest(v_ids) x) then
		raise exception 'a practice is featured once' using errcode = 'P0001', hint = 'too_many_featured';
	end if;
	if exists (select 1 from unnest(v_ids) x where not exists (
		select 1 from public.practices p where p.id = x and p.status = 'published')) then
		raise exception 'only published practices are featured' using errcode = 'P0001', hint = 'not_published';
	end if;
	update public.practices set featured_position = null
		where featured_position is not null and not (id = any (v_ids));
	-- (two steps, so that positions can swap without meeting the unique index)
	update public.practices set featured_position = null where id = any (v_ids) and featured_position is not null;
	update public.practices p set featured_position = x.n
		from unnest(v_ids) with ordinality x(id, n) where p.id = x.id;
end $$;

revoke execute on function public.submit_practice(uuid), public.publish_practice(uuid),
	public.return_practice(uuid, text), public.set_featured_practices(uuid[]) from public, anon;
grant execute on function public.submit_practice(uuid), public.publish_practice(uuid),
	public.return_practice(uuid, text), public.set_featured_practices(uuid[]) to authenticated, service_role;

-- Lists --------------------------------------------------------------------------------

-- /practices: published practices, newest publication first, filtered; the
-- database applies the page (p_limit, p_offset) through practices_published_idx.
-- p_q: Japanese substrings (search_text); p_org_kind: the lead organization's
-- kind; p_audience: one of practices.audiences; p_organization: the lead
-- organization or a registered partner.
create function public.search_practices(
	p_q text default null, p_area uuid default null, p_field uuid default null,
	p_org_kind public.organization_kind default null, p_audience text default null,
	p_organization uuid default null, p_limit integer default 20, p_offset integer default 0
) returns setof public.practices
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan as $$
begin
	return query
	select p.* from public.practices p
	where p.status = 'published'
		and (nullif(btrim(p_q), '') is null or p.search_text like private.contains_pattern(btrim(p_q)))
		and (p_area is null or exists (select 1 from public.practice_areas a where a.practice_id = p.id and a.area_id = p_area))
		and (p_field is null or exists (select 1 from public.practice_fields f where f.practice_id = p.id and f.field_id = p_field))
		and (p_org_kind is null or exists (select 1 from public.organizations o
			where o.id = p.lead_organization_id and o.kind = p_org_kind))
		and (nullif(p_audience, '') is null or p.audiences @> array[p_audience])
		and (p_organization is null or p.lead_organization_id = p_organization or exists (
			select 1 from public.practice_partners pp where pp.practice_id = p.id and pp.organization_id = p_organization))
	order by p.published_at desc, p.id desc
	limit least(greatest(coalesce(p_limit, 20), 1), 100) offset greatest(coalesce(p_offset, 0), 0);
end $$;
revoke execute on function public.search_practices(text, uuid, uuid, public.organization_kind, text, uuid, integer, integer)
	from public;
grant execute on function public.search_practices(text, uuid, uuid, public.organization_kind, text, uuid, integer, integer)
	to anon, authenticated, service_role;

-- How many practices the filters give, counted up to p_cap (1 to 10000).
create function public.count_practices(
	p_q text default null, p_area uuid default null, p_field uuid default null,
	p_org_kind public.organization_kind default null, p_audience text default null,
	p_organization uuid default null, p_cap integer default 1000
) returns integer
language sql stable set search_path = '' as $$
	select count(*)::integer from public.search_practices(p_q, p_area, p_field, p_org_kind, p_audience,
		p_organization, least(greatest(coalesce(p_cap, 1000), 1), 10000), 0)
$$;
revoke execute on function public.count_practices(text, uuid, uuid, public.organization_kind, text, uuid, integer)
	from public;
grant execute on function public.count_practices(text, uuid, uuid, public.organization_kind, text, uuid, integer)
	to anon, authenticated, service_role;

-- Coordinators: published practices whose text differs from what was published
-- (latest edit first), with both versions (private.practice_snapshot's keys).
create function public.practices_changed_since_publication(p_limit integer default 50)
returns table (id uuid, title text, lead_organization_id uuid, published_at timestamptz, updated_at timestamptz,
	published jsonb, current jsonb)
language plpgsql stable security definer set search_path = '' as $$
begin
	perform private.require_coordinator();
	return query
	select c.id, c.title, c.lead_organization_id, c.published_at, c.updated_at, c.published_snapshot, c.now
	from (select p.*, private.practice_snapshot(p.id) as now from public.practices p
		where p.status = 'published' and p.updated_at > p.published_at) c
	where c.now is distinct from c.published_snapshot
	order by c.updated_at desc, c.id
	limit least(greatest(coalesce(p_limit, 50), 1), 200);
end $$;
revoke execute on function public.practices_changed_since_publication(integer) from public, anon;
grant execute on function public.practices_changed_since_publication(integer) to authenticated, service_role;

-- Notices ------------------------------------------------------------------------------

alter table public.notifications
	add column practice_id uuid references public.practices (id) on delete cascade;
create index notifications_practice_idx on public.notifications (practice_id);
alter table public.notifications drop constraint notifications_kind;
alter table public.notifications add constraint notifications_kind check
	(kind in ('promoted', 'event_changed', 'event_cancelled', 'occurrence_cancelled', 'cohost_invited',
		'thread_reply', 'mention', 'post_hidden', 'report_handled', 'new_followed_event',
		'practice_published', 'practice_returned', 'practice_inspired'));

-- Mail ---------------------------------------------------------------------------------

alter table public.mail_log drop constraint mail_log_kind;
alter table public.mail_log add constraint mail_log_kind check (kind in (
	'registered', 'waitlisted', 'promoted', 'event_changed', 'event_cancelled',
	'occurrence_changed', 'occurrence_cancelled', 'reminder',
	'thread_reply', 'mention', 'moderation', 'invitation',
	'digest',
	'verify_email', 'password_reset', 'signup_existing', 'email_change_confirm', 'email_change_notice',
	-- practices: published, returned, someone wants to try it (from their notices)
	'practice'));

-- 実践事例と表彰・ありがとう: on by default
alter table public.notification_preferences add column practices_recognition boolean;
grant insert (practices_recognition), update (practices_recognition)
	on public.notification_preferences to authenticated;

create or replace function private.mail_preference(p_user uuid, p_kind text) returns boolean
language plpgsql stable security definer set search_path = '' as $$
declare
	p public.notification_preferences;
begin
	if p_kind is null or p_kind not in ('confirmations', 'changes_cancellations', 'promotions', 'reminders',
		'thread_replies', 'mentions', 'moderation', 'invitations', 'practices_recognition', 'digest') then
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
		when 'practices_recognition' then coalesce(p.practices_recognition, true)
		else private.digest_frequency(p_user) <> 'none'
	end;
end $$;

create or replace function public.unsubscribe_mail(p_user uuid, p_kind text) returns boolean
language plpgsql security definer set search_path = '' as $$
begin
	if p_kind is null or p_kind not in ('confirmations', 'changes_cancellations', 'promotions', 'reminders',
		'thread_replies', 'mentions', 'moderation', 'invitations', 'practices_recognition', 'digest') then
		raise exception 'unknown mail kind: %', p_kind using errcode = '22023';
	end if;
	if not exists (select 1 from public.profiles pr where pr.id = p_user) then
		return false;
	end if;
	insert into public.notification_preferences as p (user_id, confirmations, changes_cancellations, promotions,
		reminders, thread_replies, mentions, moderation, invitations, practices_recognition, digest_frequency)
	values (p_user,
		case when p_kind = 'confirmations' then false end,
		case when p_kind = 'changes_cancellations' then false end,
		case when p_kind = 'promotions' then false end,
		case when p_kind = 'reminders' then false end,
		case when p_kind = 'thread_replies' then false end,
		case when p_kind = 'mentions' then false end,
		case when p_kind = 'moderation' then false end,
		case when p_kind = 'invitations' then false end,
		case when p_kind = 'practices_recognition' then false end,
		case when p_kind = 'digest' then 'none' end)
	on conflict (user_id) do update set
		confirmations = case when p_kind = 'confirmations' then false else p.confirmations end,
		changes_cancellations = case when p_kind = 'changes_cancellations' then false else p.changes_cancellations end,
		promotions = case when p_kind = 'promotions' then false else p.promotions end,
		reminders = case when p_kind = 'reminders' then false else p.reminders end,
		thread_replies = case when p_kind = 'thread_replies' then false else p.thread_replies end,
		mentions = case when p_kind = 'mentions' then false else p.mentions end,
		moderation = case when p_kind = 'moderation' then false else p.moderation end,
		invitations = case when p_kind = 'invitations' then false else p.invitations end,
		practices_recognition = case when p_kind = 'practices_recognition' then false else p.practices_recognition end,
		digest_frequency = case when p_kind = 'digest' then 'none' else p.digest_frequency end;
	return true;
end $$;

-- (a new column in the result: dropped and made again, with its grants)
drop function public.my_notification_preferences();
create function public.my_notification_preferences()
returns table (
	confirmations boolean, changes_cancellations boolean, promotions boolean, reminders boolean,
	thread_replies boolean, mentions boolean, moderation boolean, invitations boolean,
	practices_recognition boolean, digest_frequency text, follows_something boolean
)
language sql stable security definer set search_path = '' as $$
	select private.mail_preference(u.id, 'confirmations'), private.mail_preference(u.id, 'changes_cancellations'),
		private.mail_preference(u.id, 'promotions'), private.mail_preference(u.id, 'reminders'),
		private.mail_preference(u.id, 'thread_replies'), private.mail_preference(u.id, 'mentions'),
		private.mail_preference(u.id, 'moderation'), private.mail_preference(u.id, 'invitations'),
		private.mail_preference(u.id, 'practices_recognition'),
		private.digest_frequency(u.id),
		exists (select 1 from public.follows f where f.user_id = u.id)
	from (select (select auth.uid()) as id) u
	where u.id is not null
$$;
revoke execute on function public.my_notification_preferences() from public, anon;
grant execute on function public.my_notification_preferences() to authenticated, service_role;

-- As in 20261207200000_mail_preferences_kinds, plus the practice notices: one
-- mail of kind 'practice' per notice (the writer reads the notice).
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
	end if;
	return null;
end $$;
