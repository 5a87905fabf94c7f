-- What an event says (issue 9): 参加費, 持ち物, 申込方法 and a note on the
-- registration deadline in the organiser's own words; and a short code for an
-- address a person can type from a flyer (/e/<short code>).

-- Free text, shown as written: 「無料」「300円（材料費）」「筆記用具」「電話で受付」
-- 「定員になり次第締切」. Null when the organiser said nothing (the pages then
-- say what the other columns imply, e.g. the default deadline).
alter table public.events
	add column fee text constraint events_fee_length check (char_length(fee) <= 100),
	add column belongings text constraint events_belongings_length check (char_length(belongings) <= 300),
	add column how_to_apply text constraint events_how_to_apply_length check (char_length(how_to_apply) <= 500),
	add column deadline_note text constraint events_deadline_note_length check (char_length(deadline_note) <= 200);

-- Organisers write them as they write the other columns (grants by column, as in 20261128200000).
grant insert (fee, belongings, how_to_apply, deadline_note) on public.events to authenticated;
grant update (fee, belongings, how_to_apply, deadline_note) on public.events to authenticated;
-- (select: the table-wide grant to anon and authenticated covers the new
-- columns; the policies are unchanged, so a draft's columns stay hidden)

-- Short codes --------------------------------------------------------------------
-- Six characters from an alphabet without look-alikes (no 0/o, 1/l): 32 symbols,
-- about a billion codes. Made by the database on insert and never changed:
-- neither anon nor authenticated may write the column. The app lowercases
-- what people type (and folds full-width letters) before looking it up.
create function private.new_event_short_code() returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
	v_alphabet constant text := '23456789abcdefghijkmnpqrstuvwxyz';
	v_bytes bytea;
	v_code text;
begin
	loop
		v_bytes := extensions.gen_random_bytes(6);
		v_code := '';
		for i in 0..5 loop
			-- 256 is a multiple of 32: every symbol equally likely
			v_code := v_code || substr(v_alphabet, (get_byte(v_bytes, i) % 32) + 1, 1);
		end loop;
		-- definer: sees every event, drafts included (the unique constraint below is the real guard)
		exit when not exists (select 1 from public.events e where e.short_code = v_code);
	end loop;
	return v_code;
end $$;
revoke execute on function private.new_event_short_code() from public;
grant execute on function private.new_event_short_code() to authenticated, service_role;

alter table public.events add column short_code text
	constraint events_short_code_format check (short_code ~ '^[2-9a-kmnp-z]{6}$');

-- existing events get theirs one at a time, so that each sees the ones before it
do $$
declare
	v_id uuid;
begin
	for v_id in select e.id from public.events e where e.short_code is null order by e.created_at, e.id loop
		update public.events set short_code = private.new_event_short_code() where id = v_id;
	end loop;
end $$;

alter table public.events
	alter column short_code set default private.new_event_short_code(),
	alter column short_code set not null,
	add constraint events_short_code_key unique (short_code);
-- (no insert or update grant on short_code: the default always makes it)

-- save_event saves the new columns (the rest as in 20261202000000) -----------------
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
			contact_email, fee, belongings, how_to_apply, deadline_note, status)
		select r.title, r.kind, r.summary, r.body, r.starts_at, r.ends_at, r.all_day, r.rrule, r.venue_name,
			r.venue_address, r.online_url, r.area_id, r.organization_id, r.capacity, r.registration_opens_at,
			r.registration_closes_at, r.waitlist_enabled, r.audience_note, r.accessibility, r.contact_name,
			r.contact_phone, r.contact_email, r.fee, r.belongings, r.how_to_apply, r.deadline_note, r.status
		from jsonb_populate_record(null::public.events, p_event) r
		returning id into v_id;
	else
		-- (a capacity or waiting-list change promotes through the trigger on events)
		update public.events e set title = r.title, kind = r.kind, summary = r.summary, body = r.body,
			starts_at = r.starts_at, ends_at = r.ends_at, all_day = r.all_day, rrule = r.rrule,
			venue_name = r.venue_name, venue_address = r.venue_address, online_url = r.online_url,
			area_id = r.area_id, organization_id = r.organization_id, capacity = r.capacity,
			registration_opens_at = r.registration_opens_at, registration_closes_at = r.registration_closes_at,
			waitlist_enabled = r.waitlist_enabled, audience_note = r.audience_note, accessibility = r.accessibility,
			contact_name = r.contact_name, contact_phone = r.contact_phone, contact_email = r.contact_email,
			fee = r.fee, belongings = r.belongings, how_to_apply = r.how_to_apply, deadline_note = r.deadline_note,
			status = r.status
		from jsonb_populate_record(null::public.events, p_event) r
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
