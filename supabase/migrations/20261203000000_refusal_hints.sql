-- Every refusal the app can meet carries a stable hint (the vocabulary is
-- REFUSALS in src/lib/server/db/errors.ts), so that the app matches hints in one
-- place rather than codes or message text. These functions are unchanged but
-- for the hint on each `raise`; the others got theirs in 20261202000000 and
-- 20261202100000. (A duplicate slug on a plain insert is matched there by its
-- constraint name, *_slug_key.)

create or replace function private.guard_organization_update() returns trigger
language plpgsql set search_path = '' as $$
begin
	if coalesce(auth.role(), '') in ('anon', 'authenticated') then
		if new.created_by is distinct from old.created_by
			or new.created_at is distinct from old.created_at
			or (new.slug is distinct from old.slug and not private.is_coordinator()) then
			raise exception 'organization authorship and address cannot be changed' using errcode = '42501', hint = 'forbidden';
		end if;
		if (new.verified_at, new.verified_by, new.hidden_at, new.hidden_reason, new.hidden_by)
			is distinct from (old.verified_at, old.verified_by, old.hidden_at, old.hidden_reason, old.hidden_by)
			and not private.is_coordinator() then
			raise exception 'only coordinators verify or hide organizations' using errcode = '42501', hint = 'forbidden';
		end if;
	end if;
	return new;
end $$;

create or replace function public.update_organization(
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
		raise exception 'organization not found or not editable' using errcode = '42501', hint = 'forbidden';
	end if;
	delete from public.organization_areas where organization_id = p_id;
	insert into public.organization_areas (organization_id, area_id)
		select p_id, a from unnest(coalesce(p_area_ids, '{}')) as a;
	delete from public.organization_fields where organization_id = p_id;
	insert into public.organization_fields (organization_id, field_id)
		select p_id, f from unnest(coalesce(p_field_ids, '{}')) as f;
	return v;
end $$;

create or replace function public.transfer_organization_ownership(p_org uuid, p_to uuid) returns void
language plpgsql set search_path = '' as $$
begin
	update public.organization_members set role = 'owner'
		where organization_id = p_org and user_id = p_to;
	if not found then
		raise exception 'not a member of this organization' using errcode = 'P0002', hint = 'not_member';
	end if;
	update public.organization_members set role = 'editor'
		where organization_id = p_org and user_id = (select auth.uid()) and p_to <> (select auth.uid());
end $$;

create or replace function private.accept_invitation(p_token_hash text, p_invitation uuid)
returns text language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	inv public.organization_invitations;
	v_slug text;
begin
	if v_uid is null then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
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

create or replace function private.guard_event_write() returns trigger
language plpgsql set search_path = '' as $$
begin
	if coalesce(auth.role(), '') in ('anon', 'authenticated') then
		if new.organization_id is not null
			and (tg_op = 'INSERT' or new.organization_id is distinct from old.organization_id)
			and not private.is_coordinator()
			and private.org_role(new.organization_id) is distinct from 'owner'
			and private.org_role(new.organization_id) is distinct from 'editor' then
			raise exception 'only editors publish for an organization' using errcode = '42501', hint = 'forbidden';
		end if;
		if tg_op = 'UPDATE' and new.organizer_id is distinct from old.organizer_id then
			raise exception 'the organiser cannot be changed' using errcode = '42501', hint = 'forbidden';
		end if;
	end if;
	if tg_op = 'UPDATE' and ((new.starts_at, new.ends_at, new.all_day, new.venue_name, new.venue_address,
		new.online_url, new.status, new.rrule) is distinct from (old.starts_at, old.ends_at, old.all_day,
		old.venue_name, old.venue_address, old.online_url, old.status, old.rrule)) then
		new.sequence := old.sequence + 1;
	end if;
	if new.status = 'published' and new.published_at is null then
		new.published_at := now();
	end if;
	return new;
end $$;

create or replace function public.update_my_profile(p_bio text, p_listed boolean, p_area_ids uuid[], p_field_ids uuid[])
returns void language plpgsql set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
begin
	update public.profiles set bio = coalesce(p_bio, ''), listed = p_listed where id = v_uid;
	if not found then
		raise exception 'sign in first' using errcode = '42501', hint = 'sign_in';
	end if;
	delete from public.profile_areas where profile_id = v_uid;
	insert into public.profile_areas (profile_id, area_id)
		select v_uid, a from unnest(coalesce(p_area_ids, '{}')) a;
	delete from public.profile_fields where profile_id = v_uid;
	insert into public.profile_fields (profile_id, field_id)
		select v_uid, f from unnest(coalesce(p_field_ids, '{}')) f;
end $$;
