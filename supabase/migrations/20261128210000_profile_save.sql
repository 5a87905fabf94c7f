-- Saves a person's public profile (introduction, listing, areas and fields of
-- interest) in one transaction. Security invoker: RLS lets people change only
-- their own profile and links.
create function public.update_my_profile(p_bio text, p_listed boolean, p_area_ids uuid[], p_field_ids uuid[])
returns void language plpgsql set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
begin
	update public.profiles set bio = coalesce(p_bio, ''), listed = p_listed where id = v_uid;
	if not found then
		raise exception 'sign in first' using errcode = '42501';
	end if;
	delete from public.profile_areas where profile_id = v_uid;
	insert into public.profile_areas (profile_id, area_id)
		select v_uid, a from unnest(coalesce(p_area_ids, '{}')) a;
	delete from public.profile_fields where profile_id = v_uid;
	insert into public.profile_fields (profile_id, field_id)
		select v_uid, f from unnest(coalesce(p_field_ids, '{}')) f;
end $$;
revoke execute on function public.update_my_profile(text, boolean, uuid[], uuid[]) from public, anon;
grant execute on function public.update_my_profile(text, boolean, uuid[], uuid[]) to authenticated;
