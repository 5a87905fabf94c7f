-- Speed at municipal scale, continued (issue 13): two lookups by key that
-- 20261210000000_speed_at_scale missed. Idempotent: an alter and a replace.

-- The home page's cards joined event_series_page's few ids to event_occurrences
-- under that table's policy: with the default estimate of 1,000 rows the planner
-- read every date (and ran the policy on each) when the table was small. A page
-- is small, and its dates are public: look them up by key, without the policy.
alter function private.event_series_page(timestamptz, timestamptz, text, public.event_kind, uuid, uuid, uuid,
	boolean, boolean, integer, integer) rows 50;
alter function public.home_event_series(timestamptz, integer) security definer;

-- Who takes part in a thread (for @mentions): the thread's author and the
-- authors of its visible posts, looked up by key, instead of an OR of two
-- EXISTS that read every profile.
create or replace function private.thread_participants(p_thread uuid)
returns table (user_id uuid, display_name text)
language sql stable security definer set search_path = '' as $$
	select p.id, p.display_name from public.profiles p
	where private.thread_visible(p_thread) and p.id in (
		select t.author_id from public.threads t where t.id = p_thread
		union
		select x.author_id from public.posts x where x.thread_id = p_thread
			and x.hidden_at is null and x.deleted_at is null)
	order by p.display_name, p.id
$$;
