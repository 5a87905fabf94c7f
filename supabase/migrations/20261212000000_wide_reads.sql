-- The widest reads of the busiest pages, as one computed field each.
--
-- PostgREST 12.0 spends CPU on every item of a request's select list: measured
-- on the benchmark's size L, an event with its 33 columns and six embeds cost
-- 9.8 ms of PostgREST CPU per request, a date card (22 columns in three
-- embeds) 4.5 ms, while the same rows as one computed field cost 0.5–1 ms and
-- PostgreSQL the same as before. A computed field builds the same JSON in SQL,
-- in the shape the embeds gave (snake_case, to-one as an object or null,
-- to-many as an array), so the code that reads it did not change.
--
-- Both run as the caller (security invoker, like the embeds they replace):
-- RLS decides inside what shows, as it did for each embedded table. Fields
-- come in their sort order (the embeds gave them in no particular order).
-- The area's and the organization's JSON is written out in each function on
-- purpose: as helper functions (private.area_ref(id) …) it cost PostgreSQL
-- 20–30% more per request at size L, a function call per row and reference.

-- An event's fields as JSON, in their order (as the caller may see them).
create function private.event_fields_json(p_event uuid) returns jsonb
language sql stable set search_path = '' as $$
	select coalesce(jsonb_agg(jsonb_build_object('id', f.id, 'slug', f.slug, 'name_ja', f.name_ja,
			'name_en', f.name_en, 'color', f.color) order by f.sort_order, f.slug), '[]'::jsonb)
	from public.event_fields ef join public.fields f on f.id = ef.field_id
	where ef.event_id = p_event
$$;
revoke execute on function private.event_fields_json(uuid) from public;
grant execute on function private.event_fields_json(uuid) to anon, authenticated, service_role;

-- What a card shows of a date's event (lists, the home page, an event page's
-- other dates): select=…,event:card_event
create function public.card_event(o public.event_occurrences) returns jsonb
language sql stable set search_path = '' as $$
	select jsonb_build_object(
		'id', e.id, 'title', e.title, 'kind', e.kind, 'summary', e.summary, 'all_day', e.all_day,
		'rrule', e.rrule, 'capacity', e.capacity, 'venue_name', e.venue_name,
		'venue_address', e.venue_address, 'online_url', e.online_url, 'fee', e.fee,
		'contact_phone', e.contact_phone, 'status', e.status, 'cancel_reason', e.cancel_reason,
		'sequence', e.sequence,
		'area', (select jsonb_build_object('id', a.id, 'slug', a.slug, 'name_ja', a.name_ja,
				'name_en', a.name_en)
			from public.areas a where a.id = e.area_id),
		'organization', (select jsonb_build_object('id', g.id, 'slug', g.slug, 'name', g.name)
			from public.organizations g where g.id = e.organization_id),
		'fields', private.event_fields_json(e.id))
	from public.events e
	where e.id = o.event_id
$$;
revoke execute on function public.card_event(public.event_occurrences) from public;
grant execute on function public.card_event(public.event_occurrences) to anon, authenticated, service_role;

-- Everything the event page shows of the event itself (findEvent): select=event_detail
create function public.event_detail(e public.events) returns jsonb
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
				where c.event_id = e.id), '[]'::jsonb) as cohosts
	) x
$$;
revoke execute on function public.event_detail(public.events) from public;
grant execute on function public.event_detail(public.events) to anon, authenticated, service_role;

-- What a thread card shows (lists, a thread's head): select=card:thread_card
create function public.thread_card(t public.threads) returns jsonb
language sql stable set search_path = '' as $$
	select jsonb_build_object(
		'id', t.id, 'title', t.title, 'is_question', t.is_question,
		'solved_post_id', t.solved_post_id, 'locked_at', t.locked_at, 'created_at', t.created_at,
		'last_posted_at', t.last_posted_at, 'reply_count', t.reply_count, 'post_count', t.post_count,
		'author_id', t.author_id,
		'area', (select jsonb_build_object('id', a.id, 'slug', a.slug, 'name_ja', a.name_ja,
				'name_en', a.name_en)
			from public.areas a where a.id = t.area_id),
		'organization', (select jsonb_build_object('id', g.id, 'slug', g.slug, 'name', g.name)
			from public.organizations g where g.id = t.organization_id),
		'event', (select jsonb_build_object('id', e.id, 'title', e.title)
			from public.events e where e.id = t.event_id),
		'fields', coalesce((select jsonb_agg(jsonb_build_object('id', f.id, 'slug', f.slug,
					'name_ja', f.name_ja, 'name_en', f.name_en, 'color', f.color)
					order by f.sort_order, f.slug)
				from public.thread_fields tf join public.fields f on f.id = tf.field_id
				where tf.thread_id = t.id), '[]'::jsonb))
$$;
revoke execute on function public.thread_card(public.threads) from public;
grant execute on function public.thread_card(public.threads) to anon, authenticated, service_role;
