-- Reading support, ふりがな (issue 16): readings over kanji, computed when text
-- is saved and stored next to it, never on a page view.
--
-- * public.furigana: the words of one subject (an event, a practice, a place, an
--   organization, a thread or a post) with their readings, as the worker's
--   analyser found them ($lib/furigana/ruby: { surface: parts }). A page that
--   shows subjects reads their rows (by id, only while the person has ふりがな
--   on) and applies the words to the text it renders. A row is readable exactly
--   when its subject is (the policy asks the subject's own table, under the
--   reader's RLS), so hidden or draft text never leaks through its words.
-- * Saving text enqueues the job `furigana` (key furigana:<id>: ten saves, one
--   job) in the transaction of the save: triggers on the subjects' text columns.
-- * The reading table wins over the analyser: public.reading_words (what
--   coordinators add at /coordinate/readings) over the areas' and towns' names
--   with their kana (public.reading_table, one list). Changing it re-applies:
--   the job `furigana_word` re-enqueues every subject whose text has the word.

-- The stored words --------------------------------------------------------------------

create table public.furigana (
	subject_id uuid primary key,
	subject text not null constraint furigana_subject check (subject in
		('event', 'practice', 'place', 'organization', 'thread', 'post')),
	words jsonb not null default '{}' constraint furigana_words_object check (jsonb_typeof(words) = 'object'),
	-- md5 of the text the words were found in (a job for text that changed again since is redone)
	source_md5 text not null,
	updated_at timestamptz not null default now()
);

alter table public.furigana enable row level security;
grant select on public.furigana to anon, authenticated;
grant select, insert, update, delete on public.furigana to service_role;

create policy "furigana: with its subject" on public.furigana for select to anon, authenticated
using (case subject
	when 'event' then exists (select 1 from public.events s where s.id = subject_id)
	when 'practice' then exists (select 1 from public.practices s where s.id = subject_id)
	when 'place' then exists (select 1 from public.places s where s.id = subject_id)
	when 'organization' then exists (select 1 from public.organizations s where s.id = subject_id)
	when 'thread' then exists (select 1 from public.threads s where s.id = subject_id)
	when 'post' then exists (select 1 from public.posts s where s.id = subject_id)
	else false end);

-- Enqueueing --------------------------------------------------------------------------

create function private.enqueue_furigana(p_subject text, p_id uuid) returns void
language sql security definer set search_path = '' as $$
	-- after any mail that is due (priority 10; mail jobs have 0): a word re-read in ten thousand
	-- posts never holds back a confirmation
	select graphile_worker.add_job('furigana', json_build_object('subject', p_subject, 'id', p_id),
		job_key := 'furigana:' || p_id::text, max_attempts := 5, priority := 10);
$$;
revoke execute on function private.enqueue_furigana(text, uuid) from public, anon, authenticated;

-- the words of a subject that is deleted go with it (no foreign key: one table for six)
create function private.furigana_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if tg_op = 'DELETE' then
		delete from public.furigana where subject_id = old.id;
	else
		perform private.enqueue_furigana(tg_argv[0], new.id);
	end if;
	return null;
end $$;
revoke execute on function private.furigana_changed() from public, anon, authenticated;

create trigger events_furigana after insert or update of title, summary, body, venue_name, venue_address
	on public.events
	for each row execute function private.furigana_changed('event');
create trigger events_furigana_gone after delete on public.events
	for each row execute function private.furigana_changed('event');
create trigger practices_furigana after insert or update of title, summary, story_origin,
	story_activities, story_tips, story_outcomes, story_challenges, story_next, story_contact,
	published_snapshot on public.practices
	for each row execute function private.furigana_changed('practice');
create trigger practices_furigana_gone after delete on public.practices
	for each row execute function private.furigana_changed('practice');
create trigger places_furigana after insert or update of name, description, address on public.places
	for each row execute function private.furigana_changed('place');
create trigger places_furigana_gone after delete on public.places
	for each row execute function private.furigana_changed('place');
create trigger organizations_furigana after insert or update of name, description on public.organizations
	for each row execute function private.furigana_changed('organization');
create trigger organizations_furigana_gone after delete on public.organizations
	for each row execute function private.furigana_changed('organization');
create trigger threads_furigana after insert or update of title on public.threads
	for each row execute function private.furigana_changed('thread');
create trigger threads_furigana_gone after delete on public.threads
	for each row execute function private.furigana_changed('thread');
create trigger posts_furigana after insert or update of body, deleted_at, hidden_at on public.posts
	for each row execute function private.furigana_changed('post');
create trigger posts_furigana_gone after delete on public.posts
	for each row execute function private.furigana_changed('post');

-- The reading table -------------------------------------------------------------------

create table public.reading_words (
	id uuid primary key default extensions.gen_random_uuid(),
	word text not null constraint reading_words_word check (char_length(word) between 1 and 30)
		constraint reading_words_unique unique,
	-- hiragana (and ー); the readings go over the word's kanji, its kana stay
	reading text not null constraint reading_words_reading check (
		char_length(reading) between 1 and 60 and reading ~ '^[ぁ-ゖー]+$'),
	note text constraint reading_words_note check (char_length(note) <= 200),
	updated_at timestamptz not null default now(),
	updated_by uuid references public.profiles (id) on delete set null
);

-- not secret: every page with ふりがな on shows them. Written only by the functions below.
alter table public.reading_words enable row level security;
grant select on public.reading_words to anon, authenticated;
grant select, insert, update, delete on public.reading_words to service_role;
create policy "reading_words: anyone reads" on public.reading_words for select to anon, authenticated
	using (true);

-- One list: coordinators' words, then every area's and town's name with its
-- kana that no coordinator word replaces (the first of a name read two ways).
-- A view of the rows it reads: an area added or renamed is in it at once.
create view public.reading_table with (security_invoker = true) as
	select w.word, w.reading, 'coordinator'::text as source, w.id, w.note, w.updated_at
	from public.reading_words w
	union all
	select n.word, n.reading, n.source, null::uuid, null::text, null::timestamptz
	from (
		select distinct on (names.word) names.word, names.reading, names.source
		from (
			select a.name_ja as word, a.kana as reading, 'area'::text as source, 0 as rank, a.sort_order
			from public.areas a
			union all
			select t.name, t.kana, 'town', 1, t.sort_order from public.area_towns t
		) names
		where names.reading ~ '^[ぁ-ゖー]+$' and names.word ~ '[㐀-鿿々〇]'
		order by names.word, names.rank, names.sort_order
	) n
	where not exists (select 1 from public.reading_words w where w.word = n.word);
grant select on public.reading_table to anon, authenticated, service_role;

-- Re-applying: a word of the table changed (added, its reading changed, or
-- removed), so every subject whose text has it is read again. The job
-- furigana_word calls furigana_requeue_word (service role) out of the request.
create function private.enqueue_furigana_word(p_word text) returns void
language sql security definer set search_path = '' as $$
	select graphile_worker.add_job('furigana_word', json_build_object('word', p_word),
		job_key := 'furigana_word:' || p_word, max_attempts := 5, priority := 10);
$$;
revoke execute on function private.enqueue_furigana_word(text) from public, anon, authenticated;

create function public.furigana_requeue_word(p_word text) returns integer
language plpgsql security definer set search_path = '' as $$
declare
	v_count integer := 0;
	v record;
begin
	for v in
		select 'event' as subject, s.id from public.events s
			where strpos(concat_ws(' ', s.title, s.summary, s.body, s.venue_name, s.venue_address), p_word) > 0
		union all
		select 'practice', s.id from public.practices s
			where strpos(concat_ws(' ', s.title, s.summary, s.story_origin, s.story_activities,
				s.story_tips, s.story_outcomes, s.story_challenges, s.story_next, s.story_contact,
				s.published_snapshot::text), p_word) > 0
		union all
		select 'place', s.id from public.places s
			where strpos(concat_ws(' ', s.name, s.description, s.address), p_word) > 0
		union all
		select 'organization', s.id from public.organizations s
			where strpos(concat_ws(' ', s.name, s.description), p_word) > 0
		union all
		select 'thread', s.id from public.threads s where strpos(s.title, p_word) > 0
		union all
		select 'post', s.id from public.posts s where strpos(s.body, p_word) > 0
	loop
		perform private.enqueue_furigana(v.subject, v.id);
		v_count := v_count + 1;
	end loop;
	return v_count;
end $$;
revoke execute on function public.furigana_requeue_word(text) from public, anon, authenticated;
grant execute on function public.furigana_requeue_word(text) to service_role;

-- An area's or a town's name or kana changed: its words are read again.
create function private.furigana_name_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_old text := case when tg_op <> 'INSERT' then to_jsonb(old) ->> tg_argv[0] end;
	v_new text := case when tg_op <> 'DELETE' then to_jsonb(new) ->> tg_argv[0] end;
begin
	if v_old is not null then perform private.enqueue_furigana_word(v_old); end if;
	if v_new is not null and v_new is distinct from v_old then perform private.enqueue_furigana_word(v_new); end if;
	return null;
end $$;
revoke execute on function private.furigana_name_changed() from public, anon, authenticated;
create trigger areas_furigana after insert or delete or update of name_ja, kana on public.areas
	for each row execute function private.furigana_name_changed('name_ja');
create trigger area_towns_furigana after insert or delete or update of name, kana on public.area_towns
	for each row execute function private.furigana_name_changed('name');

-- A coordinator adds a word or changes one (p_id), at /coordinate/readings.
-- Refusals (hint): not_found, no_kanji (a word without kanji needs no
-- reading), bad_reading (hiragana and ー only, 1-60), bad_length (word 1-30,
-- note up to 200), word_taken (another entry has the word).
create function public.save_reading_word(p_word text, p_reading text, p_note text default null,
	p_id uuid default null)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
	v_word text := btrim(coalesce(p_word, ''));
	v_reading text := btrim(coalesce(p_reading, ''));
	v_note text := nullif(btrim(coalesce(p_note, '')), '');
	v_old text;
	v_id uuid;
begin
	if not private.is_coordinator() then
		raise exception 'coordinators only' using errcode = '42501', hint = 'forbidden';
	end if;
	if char_length(v_word) not between 1 and 30 or char_length(coalesce(v_note, '')) > 200 then
		raise exception 'bad length' using errcode = 'P0001', hint = 'bad_length';
	end if;
	if v_word !~ '[㐀-鿿々〇]' then
		raise exception 'a word without kanji' using errcode = 'P0001', hint = 'no_kanji';
	end if;
	if char_length(v_reading) not between 1 and 60 or v_reading !~ '^[ぁ-ゖー]+$' then
		raise exception 'a reading is hiragana' using errcode = 'P0001', hint = 'bad_reading';
	end if;
	if exists (select 1 from public.reading_words w where w.word = v_word and w.id is distinct from p_id) then
		raise exception 'the word has an entry' using errcode = 'P0001', hint = 'word_taken';
	end if;
	if p_id is null then
		insert into public.reading_words (word, reading, note, updated_by)
			values (v_word, v_reading, v_note, (select auth.uid())) returning id into v_id;
	else
		select w.word into v_old from public.reading_words w where w.id = p_id for update;
		if not found then
			raise exception 'no such word' using errcode = 'P0002', hint = 'not_found';
		end if;
		update public.reading_words set word = v_word, reading = v_reading, note = v_note,
			updated_at = now(), updated_by = (select auth.uid())
			where id = p_id returning id into v_id;
		if v_old <> v_word then perform private.enqueue_furigana_word(v_old); end if;
	end if;
	perform private.enqueue_furigana_word(v_word);
	return v_id;
end $$;
revoke execute on function public.save_reading_word(text, text, text, uuid) from public, anon;
grant execute on function public.save_reading_word(text, text, text, uuid) to authenticated;

create function public.delete_reading_word(p_id uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
	v_word text;
begin
	if not private.is_coordinator() then
		raise exception 'coordinators only' using errcode = '42501', hint = 'forbidden';
	end if;
	delete from public.reading_words where id = p_id returning word into v_word;
	if v_word is null then
		raise exception 'no such word' using errcode = 'P0002', hint = 'not_found';
	end if;
	perform private.enqueue_furigana_word(v_word);
end $$;
revoke execute on function public.delete_reading_word(uuid) from public, anon;
grant execute on function public.delete_reading_word(uuid) to authenticated;
