-- The reads behind every event and thread page in PL/pgSQL (issue 13, the
-- benchmark, seventh round). A SQL function with `set search_path` is never
-- inlined, and PostgreSQL 17 plans its statement again at every call of the
-- query that calls it: event_detail, a dozen small subqueries, spent 1.5 of its
-- 3.5 ms planning. PL/pgSQL keeps its plans for the session (PostgREST's
-- connections live long), so the same statements, unchanged, run in 2.1 ms;
-- a thread's card 1.9 → 1.25 ms, a page of posts 2.2 → 1.25, the 主催者
-- badges 1.6 → 0.95 (as a visitor, size M of the benchmark, median of 40).
--
-- Only the language changes: the same statements, the same results (checked
-- row for row against the SQL versions), the same owners, grants, security and
-- search path. `#variable_conflict use_column`: a name that is both a column
-- and an output column of the function is the column, as it was in SQL.
-- `force_generic_plan`: planned without the arguments' values, as PostgreSQL
-- plans a SQL function's statements: with them, a custom plan of a page of
-- the 1,000-post thread at size M scanned posts sequentially (the plans test,
-- bench-plans.test.ts, saw it). A plan kept by a session is planned
-- again when the role changes (RLS) or a table it reads changes, as
-- PostgreSQL does for every cached plan.

create or replace function public.event_detail(e public.events) returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
	return (
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
	);
end $$;

create or replace function private.event_fields_json(p_event uuid) returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
	return (
		select coalesce(jsonb_agg(jsonb_build_object('id', f.id, 'slug', f.slug, 'name_ja', f.name_ja,
				'name_en', f.name_en, 'color', f.color) order by f.sort_order, f.slug), '[]'::jsonb)
		from public.event_fields ef join public.fields f on f.id = ef.field_id
		where ef.event_id = p_event
	);
end $$;

create or replace function public.card_event(o public.event_occurrences) returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
	return (
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
	);
end $$;

create or replace function public.thread_card(t public.threads) returns jsonb
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
	return (
		select jsonb_build_object(
			'id', t.id, 'title', t.title, 'is_question', t.is_question,
			'solved_post_id', t.solved_post_id, 'locked_at', t.locked_at, 'created_at', t.created_at,
			'last_posted_at', t.last_posted_at, 'reply_count', t.reply_count, 'post_count', t.post_count,
			'author_id', t.author_id,
			'author_name', (select n.display_name from private.author_names(array[t.author_id]) n),
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
	);
end $$;

create or replace function public.thread_posts(p_thread uuid, p_page integer default 1)
returns table (
	post_position integer, id uuid, author_id uuid, author_name text, created_at timestamptz,
	edited_at timestamptz, quote_of uuid, quote_position integer, quote_author_name text, state text,
	hidden_reason text, body text, body_html text
)
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
	return query
		select * from private.thread_posts(p_thread, p_page);
end $$;

create or replace function private.thread_posts(p_thread uuid, p_page integer)
returns table (
	post_position integer, id uuid, author_id uuid, author_name text, created_at timestamptz,
	edited_at timestamptz, quote_of uuid, quote_position integer, quote_author_name text, state text,
	hidden_reason text, body text, body_html text
)
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
	return query
		with viewer as (
			select (select auth.uid()) as uid, (select private.is_coordinator()) as coordinator
		), page as (
			select p.*,
				case when p.deleted_at is not null then 'deleted' when p.hidden_at is not null then 'hidden' else 'visible' end as st,
				p.deleted_at is null and (p.hidden_at is null or p.author_id = v.uid or v.coordinator) as readable,
				(p.deleted_at is null and (p.hidden_at is null or p.author_id = v.uid or v.coordinator))
					or (p.deleted_at is not null and v.coordinator) as named,
				p.author_id = v.uid or v.coordinator as own_or_moderator
			from public.posts p, viewer v
			where p.thread_id = p_thread and private.thread_visible(p_thread)
				and p.position > (greatest(coalesce(p_page, 1), 1) - 1) * 50
				and p.position <= greatest(coalesce(p_page, 1), 1) * 50
		)
		select p.position, p.id,
			case when p.named then p.author_id end,
			case when p.named then a.display_name end,
			p.created_at,
			case when p.readable then p.edited_at end,
			p.quote_of, q.position,
			case when q.deleted_at is null and q.hidden_at is null then qa.display_name end,
			p.st,
			case when p.own_or_moderator then p.hidden_reason end,
			case when p.readable then p.body end,
			case when p.readable then p.body_html end
		from page p
		left join public.profiles a on a.id = p.author_id
		left join public.posts q on q.id = p.quote_of
		left join public.profiles qa on qa.id = q.author_id
		order by p.position;
end $$;

create or replace function public.event_thread_hosts(p_event uuid) returns setof uuid
language plpgsql stable set search_path = ''
set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
	return query
		select * from private.event_thread_hosts(p_event);
end $$;

create or replace function private.event_thread_hosts(p_event uuid) returns setof uuid
language plpgsql stable security definer set search_path = ''
set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
	return query
		select distinct x.author_id
		from public.threads t join public.posts x on x.thread_id = t.id
		join public.events e on e.id = t.event_id
		where t.event_id = p_event and private.thread_visible(t.id) and x.author_id is not null
			and (x.author_id = e.organizer_id
				or exists (select 1 from public.organization_members m
					where m.user_id = x.author_id and m.role in ('owner', 'editor')
						and (m.organization_id = e.organization_id
							or exists (select 1 from public.event_cohosts c
								where c.event_id = e.id and c.organization_id = m.organization_id and c.accepted_at is not null))));
end $$;

