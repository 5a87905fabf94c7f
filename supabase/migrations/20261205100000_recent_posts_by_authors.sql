-- The latest posts of several authors in one call: the report queue shows the
-- recent posts of every reported author on its page, which took one request
-- per author. A lateral lookup on posts_author_idx (author_id, created_at desc)
-- per author, at most 50 authors and 20 posts each. Security invoker: RLS on
-- posts decides what the caller sees (coordinators see hidden and deleted ones).
create function public.recent_posts_by_authors(p_authors uuid[], p_limit integer default 5)
returns setof public.posts
language sql stable set search_path = '' as $$
	select p.*
	from unnest(p_authors[1:50]) as a(id)
	cross join lateral (
		select q.* from public.posts q
		where q.author_id = a.id
		order by q.created_at desc, q.id
		limit least(greatest(coalesce(p_limit, 5), 1), 20)
	) p
$$;
revoke execute on function public.recent_posts_by_authors(uuid[], integer) from public, anon;
grant execute on function public.recent_posts_by_authors(uuid[], integer) to authenticated, service_role;
