-- Names in the reads that show them (issue 13, the benchmark).
--
-- Who wrote a quoted post, in the page of posts itself: the 「〇〇さんの投稿への返信」 line was found after the page was
-- read, by reading the quoted posts (RLS) and then their authors' names
-- (author_names): two requests more, one after the other, on every thread page
-- and every event or practice page with comments.
--
-- quote_author_name is what those two requests gave: the quoted post's
-- author's display name while that post shows (neither hidden nor deleted: a
-- quote of a post that went says nobody's name, coordinators included). A
-- post quotes only a post of its own thread (the trigger posts_write_insert), which the
-- caller sees when the page has rows, and its author, having written
-- something that shows, is one author_names names.
--
-- The other columns are as in 20261205000000_threads_moderation.sql. A
-- function's result columns cannot change in place: both are made again.

drop function public.thread_posts(uuid, integer);
drop function private.thread_posts(uuid, integer);

create function private.thread_posts(p_thread uuid, p_page integer)
returns table (
	post_position integer, id uuid, author_id uuid, author_name text, created_at timestamptz, edited_at timestamptz,
	quote_of uuid, quote_position integer, quote_author_name text, state text, hidden_reason text, body text,
	body_html text
)
language sql stable security definer set search_path = '' as $$
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
	order by p.position
$$;
revoke execute on function private.thread_posts(uuid, integer) from public;
grant execute on function private.thread_posts(uuid, integer) to anon, authenticated, service_role;

create function public.thread_posts(p_thread uuid, p_page integer default 1)
returns table (
	post_position integer, id uuid, author_id uuid, author_name text, created_at timestamptz, edited_at timestamptz,
	quote_of uuid, quote_position integer, quote_author_name text, state text, hidden_reason text, body text,
	body_html text
)
language sql stable set search_path = '' as $$
	select * from private.thread_posts(p_thread, p_page)
$$;
revoke execute on function public.thread_posts(uuid, integer) from public;
grant execute on function public.thread_posts(uuid, integer) to anon, authenticated, service_role;

-- Who wrote a thread, in its card: a thread page read its card, then its
-- author's name (author_names), one request after the other; a list of
-- threads read the names of its 20 authors after the list. The card names the
-- author as author_names does (one who wrote something that shows; anybody
-- for coordinators): a thread that shows is such a thing, so its author is
-- named; a hidden thread's author seeing it names themself only when
-- something else of theirs shows, as before. The rest is as in
-- 20261212000000_wide_reads.sql.
create or replace function public.thread_card(t public.threads) returns jsonb
language sql stable set search_path = '' as $$
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
$$;
