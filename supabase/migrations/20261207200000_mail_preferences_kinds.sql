-- What the mail worker honours, and the remaining kinds of notice mail (issue 11).
--
-- * The worker asks public.mail_wanted (private.wants_mail) before writing a
--   mail of a kind the member can turn off; an address refused for good
--   (credentials.email_bounced_at) gets none of those until it is confirmed again.
-- * One-click unsubscribe: the app checks the link's signature, then turns that
--   one kind off with public.unsubscribe_mail (service role only).
-- * Bounces: public.mail_mark_bounced marks the member's address.
-- * Replies, mentions, moderation notices and invitations become mails from
--   their in-app notices (private.mail_from_notification, redefined with the
--   new branches) and from invitations by email (organization_invitations).

-- Settings -----------------------------------------------------------------------------

-- reply_delay: replies to one thread within this time become one mail per person.
alter table private.mail_settings
	add column reply_delay interval not null default interval '5 minutes';

-- Preferences and the address's state ------------------------------------------------

-- Now also false while the member's address is marked as refused for good (a
-- permanent SMTP failure), until they confirm it again (which clears the mark).
create or replace function private.wants_mail(p_user uuid, p_kind text) returns boolean
language sql stable security definer set search_path = '' as $$
	select exists (select 1 from public.profiles pr where pr.id = p_user)
		and not exists (select 1 from public.credentials c where c.user_id = p_user and c.email_bounced_at is not null)
		and private.mail_preference(p_user, p_kind)
$$;

-- The worker's way to ask (it reads through PostgREST with the service role,
-- which cannot reach schema private).
create function public.mail_wanted(p_user uuid, p_kind text) returns boolean
language sql stable security definer set search_path = '' as $$
	select private.wants_mail(p_user, p_kind)
$$;
revoke execute on function public.mail_wanted(uuid, text) from public, anon, authenticated;
grant execute on function public.mail_wanted(uuid, text) to service_role;

-- A permanent SMTP failure for p_address: marks the member's address when it
-- is the one they have (not a new address being confirmed). True when marked.
create function public.mail_mark_bounced(p_user uuid, p_address text) returns boolean
language plpgsql security definer set search_path = '' as $$
begin
	update public.credentials set email_bounced_at = coalesce(email_bounced_at, now())
		where user_id = p_user and email = lower(btrim(p_address));
	return found;
end $$;
revoke execute on function public.mail_mark_bounced(uuid, text) from public, anon, authenticated;
grant execute on function public.mail_mark_bounced(uuid, text) to service_role;

-- The signed-in member's address refused for good since (null: it is fine).
create function public.my_email_bounced_at() returns timestamptz
language sql stable security definer set search_path = '' as $$
	select c.email_bounced_at from public.credentials c where c.user_id = (select auth.uid())
$$;
revoke execute on function public.my_email_bounced_at() from public, anon;
grant execute on function public.my_email_bounced_at() to authenticated;

-- One-click unsubscribe (RFC 8058), called by the app with the service role
-- once the link's signature is checked: turns exactly p_kind off for p_user
-- (the digest: frequency none), leaving every other choice as it was. False
-- when there is no such member; an unknown kind is an error.
create function public.unsubscribe_mail(p_user uuid, p_kind text) returns boolean
language plpgsql security definer set search_path = '' as $$
begin
	if p_kind is null or p_kind not in ('confirmations', 'changes_cancellations', 'promotions', 'reminders',
		'thread_replies', 'mentions', 'moderation', 'invitations', 'digest') then
		raise exception 'unknown mail kind: %', p_kind using errcode = '22023';
	end if;
	if not exists (select 1 from public.profiles pr where pr.id = p_user) then
		return false;
	end if;
	insert into public.notification_preferences as p (user_id, confirmations, changes_cancellations, promotions,
		reminders, thread_replies, mentions, moderation, invitations, digest_frequency)
	values (p_user,
		case when p_kind = 'confirmations' then false end,
		case when p_kind = 'changes_cancellations' then false end,
		case when p_kind = 'promotions' then false end,
		case when p_kind = 'reminders' then false end,
		case when p_kind = 'thread_replies' then false end,
		case when p_kind = 'mentions' then false end,
		case when p_kind = 'moderation' then false end,
		case when p_kind = 'invitations' then false end,
		case when p_kind = 'digest' then 'none' end)
	on conflict (user_id) do update set
		confirmations = case when p_kind = 'confirmations' then false else p.confirmations end,
		changes_cancellations = case when p_kind = 'changes_cancellations' then false else p.changes_cancellations end,
		promotions = case when p_kind = 'promotions' then false else p.promotions end,
		reminders = case when p_kind = 'reminders' then false else p.reminders end,
		thread_replies = case when p_kind = 'thread_replies' then false else p.thread_replies end,
		mentions = case when p_kind = 'mentions' then false else p.mentions end,
		moderation = case when p_kind = 'moderation' then false else p.moderation end,
		invitations = case when p_kind = 'invitations' then false else p.invitations end,
		digest_frequency = case when p_kind = 'digest' then 'none' else p.digest_frequency end;
	return true;
end $$;
revoke execute on function public.unsubscribe_mail(uuid, text) from public, anon, authenticated;
grant execute on function public.unsubscribe_mail(uuid, text) to service_role;

-- The log: a bounced mail is done too (a retry after a crash does not send again).
create or replace function public.mail_log_begin(p_job_id bigint, p_job_key text, p_once_key text, p_kind text,
	p_user uuid)
returns text
language plpgsql set search_path = '' as $$
declare
	l public.mail_log;
begin
	insert into public.mail_log (job_id, job_key, once_key, kind, user_id, attempts)
		values (p_job_id, p_job_key, p_once_key, p_kind, p_user, 1)
		on conflict do nothing;
	if found then
		return 'send';
	end if;
	select * into l from public.mail_log where job_id = p_job_id for update;
	if not found or l.status in ('sent', 'skipped', 'bounced') then
		return 'done'; -- not found: another job holds the once_key
	end if;
	update public.mail_log set attempts = attempts + 1, status = 'sending' where id = l.id;
	return 'send';
end $$;

-- The earlier mails of a thread's replies to one person go by their job key;
-- the writer lists what came since the last one.
create index mail_log_job_key_idx on public.mail_log (job_key, created_at desc) where job_key is not null;

-- Notices become mails -----------------------------------------------------------------

-- As in 20261206000000_mail_queue, plus: replies to a followed thread (one mail
-- per thread and person for a burst within reply_delay, listing the new
-- posts), mentions (one per post, never to its author), one's post or thread
-- hidden and one's report handled (moderation), and co-host requests
-- (invitation). new_followed_event goes into the digest, not a mail of its own.
create or replace function private.mail_from_notification() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_delay interval := (select s.change_delay from private.mail_settings s);
	v_scope text := coalesce(new.occurrence_id::text, 'all');
	v_kind text;
	v_before jsonb;
begin
	if new.kind = 'promoted' then
		perform private.enqueue_mail('promoted', new.user_id,
			jsonb_build_object('event_id', new.event_id, 'occurrence_id', new.occurrence_id),
			'mail:promoted:' || new.occurrence_id || ':' || new.user_id);
	elsif new.kind in ('event_changed', 'event_cancelled', 'occurrence_cancelled') then
		v_kind := case when new.kind = 'event_changed' and new.occurrence_id is not null then 'occurrence_changed'
			else new.kind end;
		if v_kind = 'event_changed' then
			select b.before into v_before from private.mail_change_baselines b where b.key = 'event:' || new.event_id;
		elsif v_kind = 'occurrence_changed' then
			select b.before into v_before from private.mail_change_baselines b
				where b.key = 'occurrence:' || new.occurrence_id;
		end if;
		perform private.enqueue_mail(v_kind, new.user_id,
			jsonb_build_object('event_id', new.event_id, 'occurrence_id', new.occurrence_id, 'before', v_before),
			'mail:event:' || new.event_id || ':' || v_scope || ':' || new.user_id,
			now() + v_delay, 'preserve_run_at');
	elsif new.kind = 'thread_reply' then
		perform private.enqueue_mail('thread_reply', new.user_id,
			jsonb_build_object('thread_id', new.thread_id),
			'mail:thread:' || new.thread_id || ':' || new.user_id,
			now() + (select s.reply_delay from private.mail_settings s), 'preserve_run_at');
	elsif new.kind = 'mention' then
		if not exists (select 1 from public.posts p where p.id = new.post_id and p.author_id = new.user_id) then
			perform private.enqueue_mail('mention', new.user_id,
				jsonb_build_object('thread_id', new.thread_id, 'post_id', new.post_id),
				'mail:mention:' || new.post_id || ':' || new.user_id);
		end if;
	elsif new.kind in ('post_hidden', 'report_handled') then
		perform private.enqueue_mail('moderation', new.user_id,
			jsonb_build_object('notification_id', new.id), 'mail:moderation:' || new.id);
	elsif new.kind = 'cohost_invited' then
		perform private.enqueue_mail('invitation', new.user_id,
			jsonb_build_object('event_id', new.event_id, 'organization_id', new.organization_id),
			'mail:cohost:' || new.event_id || ':' || new.organization_id || ':' || new.user_id);
	end if;
	return null;
end $$;

-- An invitation into an organization by email: the invited member is told by
-- mail (who invites, to what, where to accept). Invitation links are handed
-- over by the owner and mail nobody.
create function private.mail_organization_invitation() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if new.invitee_id is not null and new.accepted_at is null then
		perform private.enqueue_mail('invitation', new.invitee_id,
			jsonb_build_object('invitation_id', new.id), 'mail:org_invitation:' || new.id);
	end if;
	return null;
end $$;
revoke execute on function private.mail_organization_invitation() from public;
create trigger organization_invitations_mail after insert on public.organization_invitations
	for each row execute function private.mail_organization_invitation();
