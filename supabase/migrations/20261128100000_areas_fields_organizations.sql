-- Areas (圏域), fields (分野), organizations (団体) and public people profiles.

create extension if not exists pg_trgm with schema extensions;

-- Helpers ------------------------------------------------------------------

create function private.is_coordinator() returns boolean
language sql stable security definer set search_path = '' as $$
	select coalesce((select p.role in ('coordinator', 'admin') from public.profiles p
		where p.id = (select auth.uid())), false)
$$;

create function private.is_admin() returns boolean
language sql stable security definer set search_path = '' as $$
	select coalesce((select p.role = 'admin' from public.profiles p
		where p.id = (select auth.uid())), false)
$$;

-- Text for Japanese substring search: NFKC (full/half width), lower case, and
-- katakana folded to hiragana, so that ショクドウ finds しょくどう and ＡＢＣ finds abc.
create function private.search_normalize(t text) returns text
language sql immutable parallel safe set search_path = '' as $$
	select translate(lower(normalize(coalesce(t, ''), NFKC)),
		'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ',
		'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ')
$$;

-- A LIKE pattern matching `q` anywhere, with LIKE's wildcards in q taken literally.
create function private.contains_pattern(q text) returns text
language sql immutable parallel safe set search_path = '' as $$
	select '%' || replace(replace(replace(private.search_normalize(q), '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

revoke execute on function private.is_coordinator(), private.is_admin(),
	private.search_normalize(text), private.contains_pattern(text) from public;
grant execute on function private.is_coordinator(), private.is_admin(),
	private.search_normalize(text), private.contains_pattern(text) to anon, authenticated, service_role;

-- Areas and fields ----------------------------------------------------------

create table public.areas (
	id uuid primary key default extensions.gen_random_uuid(),
	slug text not null unique
		constraint areas_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 60),
	name_ja text not null constraint areas_name_ja_length check (char_length(btrim(name_ja)) between 1 and 50),
	name_en text not null constraint areas_name_en_length check (char_length(btrim(name_en)) between 1 and 80),
	kana text constraint areas_kana_length check (char_length(kana) <= 100),
	description text not null default ''
		constraint areas_description_length check (char_length(description) <= 500),
	sort_order integer not null default 0,
	-- a retired area leaves the choosers; content that has it keeps it
	retired_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index areas_sort_idx on public.areas (sort_order, name_ja);

create table public.fields (
	id uuid primary key default extensions.gen_random_uuid(),
	slug text not null unique
		constraint fields_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 60),
	name_ja text not null constraint fields_name_ja_length check (char_length(btrim(name_ja)) between 1 and 50),
	name_en text not null constraint fields_name_en_length check (char_length(btrim(name_en)) between 1 and 80),
	sort_order integer not null default 0,
	-- a colour family of the design tokens (--color-primitive-<color>-*)
	color text not null default 'blue' constraint fields_color check (color in
		('blue', 'light-blue', 'cyan', 'green', 'lime', 'yellow', 'orange', 'red', 'magenta', 'purple')),
	retired_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index fields_sort_idx on public.fields (sort_order, name_ja);

create trigger areas_touch before update on public.areas
	for each row execute function private.touch_updated_at();
create trigger fields_touch before update on public.fields
	for each row execute function private.touch_updated_at();

alter table public.areas enable row level security;
alter table public.fields enable row level security;
grant select on public.areas, public.fields to anon, authenticated;
grant insert, update on public.areas, public.fields to authenticated;
grant select, insert, update, delete on public.areas, public.fields to service_role;

create policy "areas: anyone reads" on public.areas for select to anon, authenticated using (true);
create policy "areas: admins add" on public.areas for insert to authenticated
	with check ((select private.is_admin()));
create policy "areas: admins change" on public.areas for update to authenticated
	using ((select private.is_admin())) with check ((select private.is_admin()));

create policy "fields: anyone reads" on public.fields for select to anon, authenticated using (true);
create policy "fields: admins add" on public.fields for insert to authenticated
	with check ((select private.is_admin()));
create policy "fields: admins change" on public.fields for update to authenticated
	using ((select private.is_admin())) with check ((select private.is_admin()));

-- Sets the order of all areas (or fields) at once: the ids in display order.
create function public.reorder_areas(p_ids uuid[]) returns void
language sql set search_path = '' as $$
	update public.areas a set sort_order = o.n * 10
	from unnest(p_ids) with ordinality as o(id, n) where a.id = o.id
$$;
create function public.reorder_fields(p_ids uuid[]) returns void
language sql set search_path = '' as $$
	update public.fields f set sort_order = o.n * 10
	from unnest(p_ids) with ordinality as o(id, n) where f.id = o.id
$$;
revoke execute on function public.reorder_areas(uuid[]), public.reorder_fields(uuid[]) from public, anon;
grant execute on function public.reorder_areas(uuid[]), public.reorder_fields(uuid[]) to authenticated, service_role;

-- People: public profiles ----------------------------------------------------

alter table public.profiles
	add column bio text not null default ''
		constraint profiles_bio_length check (char_length(bio) <= 400),
	-- whether /people/<id> exists and the name is shown in member lists; opt-in
	add column listed boolean not null default false;

create table public.profile_areas (
	profile_id uuid not null references public.profiles (id) on delete cascade,
	area_id uuid not null references public.areas (id),
	primary key (profile_id, area_id)
);
create index profile_areas_area_idx on public.profile_areas (area_id);

create table public.profile_fields (
	profile_id uuid not null references public.profiles (id) on delete cascade,
	field_id uuid not null references public.fields (id),
	primary key (profile_id, field_id)
);
create index profile_fields_field_idx on public.profile_fields (field_id);

-- Organizations ---------------------------------------------------------------

create type public.organization_kind as enum
	('resident_group', 'npo', 'social_welfare', 'business', 'municipality', 'school', 'care_provider', 'other');
create type public.organization_role as enum ('owner', 'editor', 'member');

create table public.organizations (
	id uuid primary key default extensions.gen_random_uuid(),
	slug text not null unique
		constraint organizations_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
	name text not null
		constraint organizations_name_length check (char_length(btrim(name)) between 1 and 100),
	kana text constraint organizations_kana_length check (char_length(kana) <= 200),
	kind public.organization_kind not null,
	municipality_wide boolean not null default false,
	description text not null default ''
		constraint organizations_description_length check (char_length(description) <= 10000),
	contact_email text constraint organizations_contact_email check
		(char_length(contact_email) <= 254 and contact_email ~ '^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$'),
	contact_phone text constraint organizations_contact_phone check
		(char_length(contact_phone) <= 30 and contact_phone ~ '^[0-9０-９+()（）\- ー－]+$'),
	website text constraint organizations_website check
		(char_length(website) <= 500 and website ~ '^https?://[^\s/$.?#][^\s]*$'),
	verified_at timestamptz,
	verified_by uuid references public.profiles (id) on delete set null,
	hidden_at timestamptz,
	hidden_reason text constraint organizations_hidden_reason_length check (char_length(hidden_reason) <= 500),
	hidden_by uuid references public.profiles (id) on delete set null,
	created_by uuid references public.profiles (id) on delete set null default auth.uid(),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	search_text text generated always as
		(private.search_normalize(name || ' ' || coalesce(kana, '') || ' ' || description)) stored,
	sort_key text generated always as (private.search_normalize(coalesce(nullif(kana, ''), name))) stored
);
create index organizations_search_idx on public.organizations using gin (search_text extensions.gin_trgm_ops);
create index organizations_sort_idx on public.organizations (sort_key, id);
create index organizations_kind_idx on public.organizations (kind, sort_key);
create index organizations_verified_by_idx on public.organizations (verified_by);
create index organizations_hidden_by_idx on public.organizations (hidden_by);
create index organizations_created_by_idx on public.organizations (created_by);

create table public.organization_areas (
	organization_id uuid not null references public.organizations (id) on delete cascade,
	area_id uuid not null references public.areas (id),
	primary key (organization_id, area_id)
);
create index organization_areas_area_idx on public.organization_areas (area_id);

create table public.organization_fields (
	organization_id uuid not null references public.organizations (id) on delete cascade,
	field_id uuid not null references public.fields (id),
	primary key (organization_id, field_id)
);
create index organization_fields_field_idx on public.organization_fields (field_id);

create table public.organization_members (
	organization_id uuid not null references public.organizations (id) on delete cascade,
	user_id uuid not null references public.profiles (id) on delete cascade,
	role public.organization_role not null default 'member',
	created_at timestamptz not null default now(),
	primary key (organization_id, user_id)
);
create index organization_members_user_idx on public.organization_members (user_id);

create table public.organization_invitations (
	id uuid primary key default extensions.gen_random_uuid(),
	organization_id uuid not null references public.organizations (id) on delete cascade,
	role public.organization_role not null default 'member'
		constraint organization_invitations_not_owner check (role <> 'owner'),
	-- either a named existing account (invited by email) ...
	invitee_id uuid references public.profiles (id) on delete cascade,
	-- ... or a one-time link: only the SHA-256 of its token is stored
	token_hash text unique constraint organization_invitations_token_sha256 check (token_hash ~ '^[0-9a-f]{64}$'),
	created_by uuid references public.profiles (id) on delete set null default auth.uid(),
	created_at timestamptz not null default now(),
	expires_at timestamptz not null default now() + interval '7 days',
	accepted_at timestamptz,
	accepted_by uuid references public.profiles (id) on delete set null,
	constraint organization_invitations_one_target check ((invitee_id is null) <> (token_hash is null))
);
create index organization_invitations_org_idx on public.organization_invitations (organization_id, created_at desc);
create index organization_invitations_invitee_idx on public.organization_invitations (invitee_id);
create index organization_invitations_created_by_idx on public.organization_invitations (created_by);
create index organization_invitations_accepted_by_idx on public.organization_invitations (accepted_by);

-- The requesting person's role in an organization (null when not a member).
create function private.org_role(p_org uuid) returns public.organization_role
language sql stable security definer set search_path = '' as $$
	select m.role from public.organization_members m
	where m.organization_id = p_org and m.user_id = (select auth.uid())
$$;

-- Whether the requesting person may see an unlisted profile: coordinators see
-- everyone; members of one organization see each other.
create function private.can_see_profile(p_profile uuid) returns boolean
language sql stable security definer set search_path = '' as $$
	select (select auth.uid()) is not null and (
		p_profile = (select auth.uid())
		or (select private.is_coordinator())
		or exists (
			select 1 from public.organization_members a
			join public.organization_members b on b.organization_id = a.organization_id
			where a.user_id = (select auth.uid()) and b.user_id = p_profile
		))
$$;

revoke execute on function private.org_role(uuid), private.can_see_profile(uuid) from public;
grant execute on function private.org_role(uuid), private.can_see_profile(uuid)
	to anon, authenticated, service_role;

create trigger organizations_touch before update on public.organizations
	for each row execute function private.touch_updated_at();

-- Whoever creates an organization becomes its first owner.
create function private.add_creator_as_owner() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if new.created_by is not null then
		insert into public.organization_members (organization_id, user_id, role)
			values (new.id, new.created_by, 'owner') on conflict do nothing;
	end if;
	return new;
end $$;
revoke execute on function private.add_creator_as_owner() from public;
create trigger organizations_creator_owner after insert on public.organizations
	for each row execute function private.add_creator_as_owner();

-- Only coordinators verify or hide; nobody through the API rewrites authorship or the slug.
create function private.guard_organization_update() returns trigger
language plpgsql set search_path = '' as $$
begin
	if coalesce(auth.role(), '') in ('anon', 'authenticated') then
		if new.created_by is distinct from old.created_by
			or new.created_at is distinct from old.created_at
			or (new.slug is distinct from old.slug and not private.is_coordinator()) then
			raise exception 'organization authorship and address cannot be changed' using errcode = '42501';
		end if;
		if (new.verified_at, new.verified_by, new.hidden_at, new.hidden_reason, new.hidden_by)
			is distinct from (old.verified_at, old.verified_by, old.hidden_at, old.hidden_reason, old.hidden_by)
			and not private.is_coordinator() then
			raise exception 'only coordinators verify or hide organizations' using errcode = '42501';
		end if;
	end if;
	return new;
end $$;
create trigger organizations_guard before update on public.organizations
	for each row execute function private.guard_organization_update();

-- An organization always keeps at least one owner.
create function private.keep_an_owner() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if old.role = 'owner'
		and exists (select 1 from public.organizations o where o.id = old.organization_id)
		and not exists (select 1 from public.organization_members m
			where m.organization_id = old.organization_id and m.role = 'owner') then
		raise exception 'an organization needs at least one owner' using errcode = 'P0001', hint = 'last_owner';
	end if;
	return null;
end $$;
revoke execute on function private.keep_an_owner() from public;
create trigger organization_members_keep_owner after update or delete on public.organization_members
	for each row execute function private.keep_an_owner();

-- RLS and privileges -------------------------------------------------------------

alter table public.profile_areas enable row level security;
alter table public.profile_fields enable row level security;
alter table public.organizations enable row level security;
alter table public.organization_areas enable row level security;
alter table public.organization_fields enable row level security;
alter table public.organization_members enable row level security;
alter table public.organization_invitations enable row level security;

grant select, insert, update, delete on public.profile_areas, public.profile_fields,
	public.organizations, public.organization_areas, public.organization_fields,
	public.organization_members, public.organization_invitations to service_role;

-- profiles: listed ones are public; the rest only to themselves, co-members and coordinators
grant select on public.profiles to anon;
grant update (bio, listed) on public.profiles to authenticated;
drop policy "profiles: read own" on public.profiles;
create policy "profiles: read listed, own, co-members" on public.profiles
	for select to anon, authenticated
	using (listed or private.can_see_profile(id));

grant select on public.profile_areas, public.profile_fields to anon, authenticated;
grant insert, delete on public.profile_areas, public.profile_fields to authenticated;
create policy "profile_areas: read with the profile" on public.profile_areas
	for select to anon, authenticated
	using (exists (select 1 from public.profiles p where p.id = profile_id));
create policy "profile_areas: own" on public.profile_areas
	for insert to authenticated with check (profile_id = (select auth.uid()));
create policy "profile_areas: remove own" on public.profile_areas
	for delete to authenticated using (profile_id = (select auth.uid()));
create policy "profile_fields: read with the profile" on public.profile_fields
	for select to anon, authenticated
	using (exists (select 1 from public.profiles p where p.id = profile_id));
create policy "profile_fields: own" on public.profile_fields
	for insert to authenticated with check (profile_id = (select auth.uid()));
create policy "profile_fields: remove own" on public.profile_fields
	for delete to authenticated using (profile_id = (select auth.uid()));

-- organizations: public unless hidden; hidden ones stay visible to their members and coordinators
grant select on public.organizations to anon, authenticated;
grant insert (slug, name, kana, kind, municipality_wide, description, contact_email, contact_phone, website)
	on public.organizations to authenticated;
grant update (slug, name, kana, kind, municipality_wide, description, contact_email, contact_phone, website,
	verified_at, verified_by, hidden_at, hidden_reason, hidden_by) on public.organizations to authenticated;
create policy "organizations: read visible" on public.organizations
	for select to anon, authenticated
	using (hidden_at is null or private.org_role(id) is not null or (select private.is_coordinator()));
create policy "organizations: members create" on public.organizations
	for insert to authenticated
	with check (created_by = (select auth.uid()) and verified_at is null and hidden_at is null);
create policy "organizations: editors and coordinators change" on public.organizations
	for update to authenticated
	using (private.org_role(id) in ('owner', 'editor') or (select private.is_coordinator()))
	with check (private.org_role(id) in ('owner', 'editor') or (select private.is_coordinator()));

grant select on public.organization_areas, public.organization_fields to anon, authenticated;
grant insert, delete on public.organization_areas, public.organization_fields to authenticated;
create policy "organization_areas: read with the organization" on public.organization_areas
	for select to anon, authenticated
	using (exists (select 1 from public.organizations o where o.id = organization_id));
create policy "organization_areas: editors add" on public.organization_areas
	for insert to authenticated
	with check (private.org_role(organization_id) in ('owner', 'editor') or (select private.is_coordinator()));
create policy "organization_areas: editors remove" on public.organization_areas
	for delete to authenticated
	using (private.org_role(organization_id) in ('owner', 'editor') or (select private.is_coordinator()));
create policy "organization_fields: read with the organization" on public.organization_fields
	for select to anon, authenticated
	using (exists (select 1 from public.organizations o where o.id = organization_id));
create policy "organization_fields: editors add" on public.organization_fields
	for insert to authenticated
	with check (private.org_role(organization_id) in ('owner', 'editor') or (select private.is_coordinator()));
create policy "organization_fields: editors remove" on public.organization_fields
	for delete to authenticated
	using (private.org_role(organization_id) in ('owner', 'editor') or (select private.is_coordinator()));

-- members: joining happens only by accepting an invitation (a function below)
grant select on public.organization_members to anon, authenticated;
grant update (role), delete on public.organization_members to authenticated;
create policy "organization_members: read with the organization" on public.organization_members
	for select to anon, authenticated
	using (exists (select 1 from public.organizations o where o.id = organization_id));
create policy "organization_members: owners change roles" on public.organization_members
	for update to authenticated
	using (private.org_role(organization_id) = 'owner')
	with check (private.org_role(organization_id) = 'owner');
create policy "organization_members: owners remove, members leave" on public.organization_members
	for delete to authenticated
	using (private.org_role(organization_id) = 'owner' or user_id = (select auth.uid()));

grant select, delete on public.organization_invitations to authenticated;
grant insert (organization_id, role, invitee_id, token_hash) on public.organization_invitations to authenticated;
create policy "organization_invitations: owners and the invitee read" on public.organization_invitations
	for select to authenticated
	using (private.org_role(organization_id) = 'owner' or invitee_id = (select auth.uid()));
create policy "organization_invitations: owners invite" on public.organization_invitations
	for insert to authenticated
	with check (private.org_role(organization_id) = 'owner' and created_by = (select auth.uid()));
create policy "organization_invitations: owners revoke, the invitee declines" on public.organization_invitations
	for delete to authenticated
	using (private.org_role(organization_id) = 'owner' or invitee_id = (select auth.uid()));

-- Functions called by the app (security invoker: RLS decides) ------------------

-- Creates an organization with its areas and fields in one transaction.
create function public.create_organization(
	p_slug text, p_name text, p_kana text, p_kind public.organization_kind, p_municipality_wide boolean,
	p_description text, p_contact_email text, p_contact_phone text, p_website text,
	p_area_ids uuid[], p_field_ids uuid[]
) returns public.organizations
language plpgsql set search_path = '' as $$
declare
	v public.organizations;
begin
	insert into public.organizations (slug, name, kana, kind, municipality_wide, description,
		contact_email, contact_phone, website)
	values (p_slug, btrim(p_name), nullif(btrim(p_kana), ''), p_kind, p_municipality_wide,
		coalesce(p_description, ''), nullif(btrim(p_contact_email), ''), nullif(btrim(p_contact_phone), ''),
		nullif(btrim(p_website), ''))
	returning * into v;
	insert into public.organization_areas (organization_id, area_id)
		select v.id, a from unnest(coalesce(p_area_ids, '{}')) as a;
	insert into public.organization_fields (organization_id, field_id)
		select v.id, f from unnest(coalesce(p_field_ids, '{}')) as f;
	return v;
end $$;

-- Updates an organization's profile and replaces its areas and fields.
create function public.update_organization(
	p_id uuid, p_name text, p_kana text, p_kind public.organization_kind, p_municipality_wide boolean,
	p_description text, p_contact_email text, p_contact_phone text, p_website text,
	p_area_ids uuid[], p_field_ids uuid[]
) returns public.organizations
language plpgsql set search_path = '' as $$
declare
	v public.organizations;
begin
	update public.organizations set
		name = btrim(p_name), kana = nullif(btrim(p_kana), ''), kind = p_kind,
		municipality_wide = p_municipality_wide, description = coalesce(p_description, ''),
		contact_email = nullif(btrim(p_contact_email), ''), contact_phone = nullif(btrim(p_contact_phone), ''),
		website = nullif(btrim(p_website), '')
	where id = p_id
	returning * into v;
	if not found then
		raise exception 'organization not found or not editable' using errcode = '42501';
	end if;
	delete from public.organization_areas where organization_id = p_id;
	insert into public.organization_areas (organization_id, area_id)
		select p_id, a from unnest(coalesce(p_area_ids, '{}')) as a;
	delete from public.organization_fields where organization_id = p_id;
	insert into public.organization_fields (organization_id, field_id)
		select p_id, f from unnest(coalesce(p_field_ids, '{}')) as f;
	return v;
end $$;

-- Hands ownership to another member; the current owner stays on as editor.
create function public.transfer_organization_ownership(p_org uuid, p_to uuid) returns void
language plpgsql set search_path = '' as $$
begin
	update public.organization_members set role = 'owner'
		where organization_id = p_org and user_id = p_to;
	if not found then
		raise exception 'not a member of this organization' using errcode = 'P0002';
	end if;
	update public.organization_members set role = 'editor'
		where organization_id = p_org and user_id = (select auth.uid()) and p_to <> (select auth.uid());
end $$;

-- The organization list: visible, filtered, sorted by reading. Hidden ones
-- only with p_hidden (coordinators find them again; RLS shows them to nobody else
-- but their members). Organizations working municipality-wide count for every area.
create function public.search_organizations(
	p_q text default null, p_kind public.organization_kind default null,
	p_area uuid default null, p_field uuid default null, p_hidden boolean default false
) returns setof public.organizations
language sql stable set search_path = '' as $$
	select o.* from public.organizations o
	where (o.hidden_at is not null) = coalesce(p_hidden, false)
		and (nullif(btrim(p_q), '') is null or o.search_text like private.contains_pattern(btrim(p_q)))
		and (p_kind is null or o.kind = p_kind)
		and (p_area is null or o.municipality_wide or exists (
			select 1 from public.organization_areas a where a.organization_id = o.id and a.area_id = p_area))
		and (p_field is null or exists (
			select 1 from public.organization_fields f where f.organization_id = o.id and f.field_id = p_field))
	order by o.sort_key, o.id
$$;

-- Invitations: finding an account by email and accepting need rights the
-- caller does not have, so they run in private definer functions that check
-- everything themselves.
create function private.invite_by_email(p_org uuid, p_email text, p_role public.organization_role)
returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_user uuid;
	v_id uuid;
begin
	if private.org_role(p_org) is distinct from 'owner' then
		raise exception 'only owners invite' using errcode = '42501';
	end if;
	if p_role = 'owner' then
		raise exception 'invite as editor or member, then transfer ownership' using errcode = '22023';
	end if;
	select c.user_id into v_user from public.credentials c where c.email = lower(btrim(p_email));
	if v_user is null then
		raise exception 'no account with this email' using errcode = 'P0002', hint = 'no_account';
	end if;
	if exists (select 1 from public.organization_members m where m.organization_id = p_org and m.user_id = v_user) then
		raise exception 'already a member' using errcode = '23505', hint = 'already_member';
	end if;
	delete from public.organization_invitations i
		where i.organization_id = p_org and i.invitee_id = v_user and i.accepted_at is null;
	insert into public.organization_invitations (organization_id, role, invitee_id, created_by)
		values (p_org, p_role, v_user, (select auth.uid())) returning id into v_id;
	return v_id;
end $$;

create function private.accept_invitation(p_token_hash text, p_invitation uuid)
returns text language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	inv public.organization_invitations;
	v_slug text;
begin
	if v_uid is null then
		raise exception 'sign in first' using errcode = '42501';
	end if;
	select * into inv from public.organization_invitations i
		where (p_token_hash is not null and i.token_hash = p_token_hash)
			or (p_invitation is not null and i.id = p_invitation and i.invitee_id = v_uid)
		for update;
	if not found or inv.accepted_at is not null or inv.expires_at < now() then
		raise exception 'invitation not valid' using errcode = 'P0002', hint = 'invalid_invitation';
	end if;
	insert into public.organization_members (organization_id, user_id, role)
		values (inv.organization_id, v_uid, inv.role)
		on conflict (organization_id, user_id) do update
			set role = excluded.role
			where public.organization_members.role = 'member' and excluded.role = 'editor';
	update public.organization_invitations set accepted_at = now(), accepted_by = v_uid where id = inv.id;
	select o.slug into v_slug from public.organizations o where o.id = inv.organization_id;
	return v_slug;
end $$;

-- What an invitation link leads to, for the page that asks "join this organization?"
create function private.invitation_preview(p_token_hash text)
returns table (organization_name text, organization_slug text, role public.organization_role, valid boolean)
language sql stable security definer set search_path = '' as $$
	select o.name, o.slug, i.role, (i.accepted_at is null and i.expires_at >= now())
	from public.organization_invitations i join public.organizations o on o.id = i.organization_id
	where i.token_hash = p_token_hash
$$;

revoke execute on function private.invite_by_email(uuid, text, public.organization_role),
	private.accept_invitation(text, uuid), private.invitation_preview(text) from public;
grant execute on function private.invite_by_email(uuid, text, public.organization_role),
	private.accept_invitation(text, uuid), private.invitation_preview(text) to authenticated;

create function public.invite_organization_member(p_org uuid, p_email text, p_role public.organization_role)
returns uuid language sql set search_path = '' as $$
	select private.invite_by_email(p_org, p_email, p_role)
$$;
create function public.accept_organization_invitation(p_token_hash text default null, p_invitation uuid default null)
returns text language sql set search_path = '' as $$
	select private.accept_invitation(p_token_hash, p_invitation)
$$;
create function public.organization_invitation_preview(p_token_hash text)
returns table (organization_name text, organization_slug text, role public.organization_role, valid boolean)
language sql stable set search_path = '' as $$
	select * from private.invitation_preview(p_token_hash)
$$;

revoke execute on function
	public.create_organization(text, text, text, public.organization_kind, boolean, text, text, text, text, uuid[], uuid[]),
	public.update_organization(uuid, text, text, public.organization_kind, boolean, text, text, text, text, uuid[], uuid[]),
	public.transfer_organization_ownership(uuid, uuid),
	public.invite_organization_member(uuid, text, public.organization_role),
	public.accept_organization_invitation(text, uuid),
	public.organization_invitation_preview(text)
	from public, anon;
grant execute on function
	public.create_organization(text, text, text, public.organization_kind, boolean, text, text, text, text, uuid[], uuid[]),
	public.update_organization(uuid, text, text, public.organization_kind, boolean, text, text, text, text, uuid[], uuid[]),
	public.transfer_organization_ownership(uuid, uuid),
	public.invite_organization_member(uuid, text, public.organization_role),
	public.accept_organization_invitation(text, uuid),
	public.organization_invitation_preview(text)
	to authenticated, service_role;
revoke execute on function public.search_organizations(text, public.organization_kind, uuid, uuid, boolean) from public;
grant execute on function public.search_organizations(text, public.organization_kind, uuid, uuid, boolean)
	to anon, authenticated, service_role;
